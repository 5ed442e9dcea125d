import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAgency, cli, startServer, stopped } from '../support/server-process';

jest.setTimeout(30_000);

describe('sijil agencies add and serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sijil-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('tells on first start how to create the first credential', async () => {
    const server = await startServer(dataDir);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    // The guidance follows the "listening" line; give it a moment to arrive.
    for (let i = 0; i < 50 && !server.output().includes('agencies add'); i++) await new Promise((r) => setTimeout(r, 100));
    server.process.kill('SIGTERM');
    await stopped(server.process);
    expect(server.output()).toContain('No agency credential exists yet');
    expect(server.output()).toContain('agencies add');
  });

  it('prints a credential once, stores only its hash, and the server accepts it for its role', async () => {
    const credential = addAgency(dataDir, 'registrar', ['--office', 'LY-BA-03-OFF1']);
    expect(credential).toMatch(/^sijil_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    const secret = credential.split('.')[1];
    // Every file of the data folder, the read models' folder included.
    for (const file of readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
      if (statSync(join(dataDir, file)).isFile()) expect(readFileSync(join(dataDir, file)).includes(Buffer.from(secret))).toBe(false);
    }
    const server = await startServer(dataDir);
    try {
      const asRegistrar = await fetch(`${server.url}/v1/persons/234567890124/death`, {
        method: 'POST',
        headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
        body: JSON.stringify({ dateOfDeath: '2026-11-01', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H-1' } }),
      });
      expect(asRegistrar.status).toBe(404); // authenticated and allowed: the person is unknown
      const court = addAgency(dataDir, 'court'); // added while the server runs
      const asCourt = await fetch(`${server.url}/v1/persons/234567890124/death`, {
        method: 'POST',
        headers: { authorization: `Bearer ${court}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(asCourt.status).toBe(403);
    } finally {
      server.process.kill('SIGTERM');
      await stopped(server.process);
    }
  });

  it('refuses a registrar without an office, and an unknown office, recording nothing', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [cli, 'agencies', 'add', '--name', 'x', '--data', dataDir, ...args], { encoding: 'utf8' });
    expect(run(['--role', 'registrar']).stderr).toContain('needs --office');
    expect(run(['--role', 'registrar', '--office', 'LY-ZZ-01-OFF1']).stderr).toContain('unknown registration office');
    expect(run(['--role', 'emperor']).status).not.toBe(0);
  });
});
