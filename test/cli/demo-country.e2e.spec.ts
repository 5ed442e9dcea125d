import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stopped, type RunningServer } from '../support/server-process';

// The demo country is some tens of thousands of persons recorded through the bulk path, then
// caught up by every projection: tens of seconds on a quiet machine, more beside other suites.
jest.setTimeout(300_000);

const roles = ['registrar', 'supervisor', 'court', 'verifier', 'statistician', 'administrator'];
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The shell block of the README's "Try it" section, as a newcomer copies it. */
function tryItBlock(): string {
  const section = readme.slice(readme.indexOf('## Try it'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md has no shell block under "## Try it"');
  return block[1];
}

function credentialsIn(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^(\w+) +(sijil_\S+)$/gm)].map(([, role, credential]) => [role, credential]));
}

interface Health {
  projections: Array<{ projection: string; status: string; checkpoint: number; head: number }>;
}

async function health(server: RunningServer): Promise<Health> {
  return (await (await fetch(`${server.url}/health`)).json()) as Health;
}

/** What the README's requests read (search, statistics) comes from projections: they must have caught up. */
async function projectionsLive(server: RunningServer): Promise<Health> {
  for (;;) {
    const now = await health(server);
    if (now.projections.every((p) => p.status === 'live' && p.checkpoint === p.head)) return now;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stop(server: RunningServer): Promise<void> {
  server.process.kill('SIGTERM');
  await stopped(server.process);
}

describe('npm start: the demo country (`sijil serve --demo`) and the README\'s "Try it"', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sijil-demo-'));
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(dataDir, {}, ['--demo']);
  });
  afterAll(async () => {
    if (server.process.exitCode === null && server.process.signalCode === null) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records some tens of thousands of persons and prints one credential per role, kept in the data folder', () => {
    const recorded = /Demo country recorded: (\d+) persons, (\d+) events in \d+ s \(synthetic, seed sijil-demo, 0 refused/.exec(server.output());
    expect(recorded).not.toBeNull();
    expect(Number(recorded![1])).toBeGreaterThanOrEqual(10_000);

    const printed = credentialsIn(server.output());
    expect([...printed.keys()]).toEqual(roles);
    const file = join(dataDir, 'demo-credentials.txt');
    expect(credentialsIn(readFileSync(file, 'utf8'))).toEqual(printed);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('answers every request of the README\'s "Try it" block as it stands', async () => {
    await projectionsLive(server);
    // The block runs as written, from a folder whose ./data is the server's; only the port differs,
    // and curl fails on any 4xx or 5xx answer.
    const cwd = mkdtempSync(join(tmpdir(), 'sijil-readme-'));
    try {
      symlinkSync(dataDir, join(cwd, 'data'));
      writeFileSync(join(cwd, 'try-it.sh'), tryItBlock());
      const port = new URL(server.url).port;
      const run = spawnSync(
        'bash',
        ['-c', `set -euo pipefail\ncurl() { command curl --fail-with-body -sS "\${@//localhost:3000/localhost:${port}}"; echo; }\nsource ./try-it.sh`],
        { cwd, encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);

      const [birth, identity, history, search, population] = run.stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line));
      expect(birth.nationalId).toMatch(/^[2-9]\d{11}$/);
      expect(identity).toMatchObject({ nationalId: '398765432109', name: { latin: 'Ali Hasan Muhammad Al-Warfalli' }, status: 'alive' });
      expect(history.events[0]).toMatchObject({ type: 'PersonEnrolled', data: { nationalId: '398765432109' } });
      expect(search.results.map((r: { nationalId: string }) => r.nationalId)).toContain('398765432109');
      expect(population.total).toBeGreaterThanOrEqual(10_000);
      expect(population.cells.length).toBeGreaterThan(0);

      // The birth the README registers named the demo's father: it is in his family now.
      const registrar = credentialsIn(server.output()).get('registrar')!;
      const father = await fetch(`${server.url}/v1/persons/398765432109/family`, {
        headers: { authorization: `Bearer ${registrar}`, 'x-purpose': 'counter enquiry' },
      });
      expect(father.status).toBe(200);
      expect(JSON.stringify(await father.json())).toContain(birth.nationalId);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('starts again on the same data without a second demo or new credentials', async () => {
    const before = await projectionsLive(server);
    await stop(server);
    server = await startServer(dataDir, {}, ['--demo']);
    expect(server.output()).not.toContain('Demo country recorded');
    expect(server.output()).not.toContain('sijil_');
    const after = await projectionsLive(server);
    expect(after.projections.map((p) => p.head)).toEqual(before.projections.map((p) => p.head));

    const court = credentialsIn(readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8')).get('court')!;
    const answer = await fetch(`${server.url}/v1/persons/398765432109`, {
      headers: { authorization: `Bearer ${court}`, 'x-purpose': 'inheritance case', 'x-case-reference': 'BA-2026-114' },
    });
    expect(answer.status).toBe(200);
  });
});
