import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { startTestApp, type TestApp, type Response } from '../support/test-app';
import { die, divorce, events, man, marriageBody, marry, woman } from './family';

/** A small seeded generator, so a failing interleaving of requests can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const dateIn = (random: () => number, from: number, to: number) => {
  const year = from + Math.floor(random() * (to - from + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

interface Marriage {
  marriageId: string;
  wife: string;
  date: string;
  divorced?: string;
  commandId: unknown;
}

/** The man's marriages, divorces and death as his stream holds them, read without the domain's code. */
function historyOf(stream: RecordedEvent[]) {
  const marriages = new Map<string, Marriage>();
  const divorceCounts = new Map<string, number>();
  const deaths: string[] = [];
  for (const { type, data, metadata } of stream) {
    const d = data as Record<string, string>;
    if (type === 'MarriageRegistered') marriages.set(d.marriageId!, { marriageId: d.marriageId!, wife: d.spouseId!, date: d.date!, commandId: metadata.commandId });
    if (type === 'DivorceRegistered') {
      divorceCounts.set(d.marriageId!, (divorceCounts.get(d.marriageId!) ?? 0) + 1);
      marriages.get(d.marriageId!)!.divorced = d.date;
    }
    if (type === 'DeathRegistered') deaths.push(d.dateOfDeath!);
  }
  return { marriages: [...marriages.values()], divorceCounts, deaths };
}

describe('concurrent marriages, divorces and deaths of one man', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('leave a history that keeps every rule, with both spouses’ streams agreeing', async () => {
    const random = seeded(20261122);
    const husband = await man(t, { dateOfBirth: '1960-01-01' });
    const wives: string[] = [];
    for (let i = 0; i < 40; i++) wives.push(await woman(t, { dateOfBirth: '1975-01-01' }));
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await marry(t, husband, wives[i]!, `2000-0${i + 1}-01`));

    const commands: Array<() => Promise<Response>> = [];
    for (let i = 0; i < 110; i++) {
      const wife = wives[4 + Math.floor(random() * 36)]!;
      const date = dateIn(random, 2000, 2025);
      commands.push(() => t.request('POST', '/v1/marriages', { body: marriageBody([husband, wife], { date }) }));
    }
    for (let i = 0; i < 40; i++) {
      const marriageId = first[Math.floor(random() * 4)]!;
      const date = dateIn(random, 1999, 2025);
      commands.push(() => divorce(t, marriageId, date));
    }
    // Wives' deaths end their marriages (widowhood) and free places under the limit.
    for (let i = 0; i < 35; i++) {
      const date = dateIn(random, 2001, 2024);
      commands.push(() => die(t, wives[Math.floor(random() * 40)]!, date));
    }
    for (let i = 0; i < 15; i++) {
      const date = dateIn(random, 2012, 2025);
      commands.push(() => die(t, husband, date));
    }
    commands.sort(() => random() - 0.5);

    const responses = await Promise.all(commands.map((send) => send()));

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => ![201, 404, 409, 422].includes(s))).toEqual([]);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(4);

    const { marriages, divorceCounts, deaths } = historyOf(await events(t, husband));
    // Death is recorded once; nothing is dated after it.
    expect(deaths.length).toBeLessThanOrEqual(1);
    const death = deaths[0];
    if (death) {
      for (const m of marriages) {
        expect(m.date <= death).toBe(true);
        if (m.divorced) expect(m.divorced <= death).toBe(true);
      }
    }
    // A divorce ends a marriage once, on or after it.
    for (const [marriageId, count] of divorceCounts) {
      expect(count).toBe(1);
      const m = marriages.find((x) => x.marriageId === marriageId)!;
      expect(m.divorced! >= m.date).toBe(true);
    }
    // Each wife's stream holds the same facts, from the same command; each wife married once, and not after her death.
    const wifeDeaths = new Map<string, string>();
    for (const wife of wives) {
      const hers = historyOf(await events(t, wife));
      const his = marriages.filter((m) => m.wife === wife);
      expect(hers.marriages.map((m) => [m.marriageId, m.wife, m.date, m.divorced, m.commandId])).toEqual(
        his.map((m) => [m.marriageId, husband, m.date, m.divorced, m.commandId]),
      );
      expect(hers.marriages.length).toBeLessThanOrEqual(1);
      expect(hers.deaths.length).toBeLessThanOrEqual(1);
      if (hers.deaths[0]) {
        wifeDeaths.set(wife, hers.deaths[0]);
        for (const m of his) expect(m.date <= hers.deaths[0]).toBe(true);
      }
    }
    // Never more than four wives at once, counted on every day a marriage began: a divorce or
    // the wife's death (widowhood) ends a marriage on its date.
    for (const day of marriages.map((m) => m.date)) {
      const current = marriages.filter((m) => {
        const ends = [m.divorced, wifeDeaths.get(m.wife)].filter((d): d is string => d !== undefined);
        return m.date <= day && ends.every((end) => day < end);
      });
      expect(current.length).toBeLessThanOrEqual(4);
    }
  }, 120_000);
});
