import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/server-process';

/** Options the operator types are held to the rules the API holds the same values to, before anything is opened. */
describe('sijil refuses malformed options with a message, not a stack trace or a wrong answer', () => {
  const root = mkdtempSync(join(tmpdir(), 'sijil-options-'));
  const dataDir = join(root, 'data');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, EVENTSTORE_URL: '', ...env }, timeout: 30_000 });

  it.each([
    [['stats', 'population', '--date', 'garbage'], '--date: date must be a real calendar date written YYYY-MM-DD (got "garbage")'],
    [['stats', 'population', '--date', '2025-01-01', '--by', 'nonsense'], '--by: by must list age1 or age5, sex and area, separated by commas'],
    [['stats', 'rates', '--from', '2025-13-01', '--to', '2025-12-31'], '--from: from must be a real calendar date written YYYY-MM-DD (got "2025-13-01")'],
    [['serve', '--port', 'abc'], '--port must be a port number from 0 to 65535 (got abc)'],
  ])('%j', (args, message) => {
    const result = run([...args, '--data', dataDir]);
    expect(result.stderr).toBe(`sijil: ${message}\n`);
    expect(result.status).toBe(1);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a PORT that is no port number', () => {
    const result = run(['serve', '--data', dataDir], { PORT: '80a' });
    expect(result.stderr).toContain('sijil: PORT must be a port number from 0 to 65535 (got 80a)');
    expect(result.status).toBe(1);
  });

  it('answers a well-formed statistics request', () => {
    const result = run(['stats', 'population', '--date', '2025-01-01', '--by', 'sex', '--data', dataDir]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ date: '2025-01-01', by: ['sex'], total: 0 });
  });
});
