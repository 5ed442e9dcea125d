import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '../../src/event-store/create-event-store';
import { enrolmentBody } from '../support/people';
import { addAgency, startServer, stopped } from '../support/server-process';

jest.setTimeout(60_000);

/**
 * A registration office must never lose a fact the ledger acknowledged: the server is killed
 * with SIGKILL while clients keep registering, and every acknowledged person must be there
 * after a restart.
 */
describe('killing the server in the middle of registrations', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sijil-kill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses none of the acknowledged registrations', async () => {
    const credential = addAgency(dataDir, 'registrar', ['--office', 'LY-BA-03-OFF1']);
    const server = await startServer(dataDir);
    const acknowledged: string[] = [];
    let killed = false;

    const client = async () => {
      while (!killed) {
        try {
          const response = await fetch(`${server.url}/v1/enrolments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
            body: JSON.stringify(enrolmentBody()),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { nationalId: string }).nationalId);
        } catch {
          return; // the connection died with the server: this request was never acknowledged
        }
      }
    };
    const clients = Array.from({ length: 16 }, client);
    while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 20));
    server.process.kill('SIGKILL');
    killed = true;
    await stopped(server.process);
    await Promise.all(clients);

    const store = await createEventStore({ dataDir });
    try {
      for (const nationalId of acknowledged) {
        const events = await store.readStream(`person-${nationalId}`);
        expect(events.map((event) => event.type)).toEqual(['PersonEnrolled']);
      }
    } finally {
      await store.close();
    }

    const restarted = await startServer(dataDir);
    try {
      const last = acknowledged[acknowledged.length - 1];
      const response = await fetch(`${restarted.url}/v1/persons/${last}/history?purpose=durability%20check`, {
        headers: { authorization: `Bearer ${credential}` },
      });
      expect(response.status).toBe(200);
    } finally {
      restarted.process.kill('SIGTERM');
      await stopped(restarted.process);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
  });
});
