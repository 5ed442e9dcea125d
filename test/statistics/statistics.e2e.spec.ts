import { birthBody, enrol } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

const cell = (body: any, match: Record<string, string>) =>
  body.cells.find((c: any) => Object.entries(match).every(([k, v]) => c[k] === v))?.count;

describe('statistics over HTTP', () => {
  let t: TestApp;
  const saved = process.env.SIJIL_STATISTICS_THRESHOLD;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    process.env.SIJIL_STATISTICS_THRESHOLD = saved;
    await t.close();
  });
  const get = (url: string, headers?: Record<string, string>) => t.request('GET', url, { as: 'statistician', ...(headers ? { headers } : {}) });

  describe('population at a date, with known answers (threshold 1: nothing to suppress)', () => {
    let mother: string;
    beforeAll(async () => {
      process.env.SIJIL_STATISTICS_THRESHOLD = '1';
      mother = await enrol(t, { sex: 'F', dateOfBirth: '1990-03-01', placeOfBirth: 'LY-BA-03' });
      await enrol(t, { sex: 'M', dateOfBirth: '1961', placeOfBirth: 'LY-BA-01' }); // year only: 1 July
      await enrol(t, { sex: 'F', dateOfBirth: '1970-05', placeOfBirth: 'LY-TB-01' }); // month only: the 15th
      const birth = await t.request('POST', '/v1/births', { body: birthBody(mother, undefined, { sex: 'M', dateOfBirth: '2020-06-10' }) });
      expect(birth.status).toBe(201);
    });

    it('counts by single year of age, sex and area, at the end of the day', async () => {
      const r = await get('/v1/statistics/population?date=2021-07-01&by=age1,sex,area');
      expect(r.status).toBe(200);
      expect(cell(r.body, { age: '31', sex: 'F', area: 'LY-BA-03' })).toBe(1);
      expect(cell(r.body, { age: '1', sex: 'M', area: 'LY-BA-03' })).toBe(1);
      expect(cell(r.body, { age: '60', sex: 'M', area: 'LY-BA-01' })).toBe(1); // 60 on 1 July 2021
      expect(cell(r.body, { age: '51', sex: 'F', area: 'LY-TB-01' })).toBe(1);
      expect(r.body.total).toBe(4);
      const before = await get('/v1/statistics/population?date=2021-06-30&by=age1,sex');
      expect(cell(before.body, { age: '59', sex: 'M' })).toBe(1);
      const region = await get('/v1/statistics/population?date=2021-07-01&by=sex&area=LY-BA');
      expect(region.body.cells).toEqual([{ sex: 'F', count: 1 }, { sex: 'M', count: 2 }]);
    });

    it('follows deaths, emigration, corrections and annulments', async () => {
      const man = await enrol(t, { sex: 'M', dateOfBirth: '1980-01-01', placeOfBirth: 'LY-BA-03' });
      const woman = await enrol(t, { sex: 'F', dateOfBirth: '1985-01-01', placeOfBirth: 'LY-BA-03' });
      expect((await t.request('POST', `/v1/persons/${man}/death`, { body: { dateOfDeath: '2022-01-10', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H1' } } })).status).toBe(201);
      expect((await t.request('POST', `/v1/persons/${woman}/emigrations`, { body: { country: 'TN', date: '2022-02-01' } })).status).toBe(201);
      const total = async (date: string) => (await get(`/v1/statistics/population?date=${date}&by=sex`)).body.total;
      expect(await total('2022-01-09')).toBe(6);
      expect(await total('2022-01-10')).toBe(5);
      expect(await total('2022-02-01')).toBe(4);

      const history = await t.request('GET', `/v1/persons/${mother}/history?purpose=test`, { as: 'supervisor' });
      const registration = history.body.events.find((e: any) => e.type === 'PersonEnrolled').eventId;
      const corrected = await t.request('POST', `/v1/persons/${mother}/corrections`, {
        as: 'supervisor',
        body: { eventId: registration, changes: [{ field: 'dateOfBirth', to: '1988-03-01' }], reason: 'register', authorityReference: 'A1', documents: [] },
      });
      expect(corrected.status).toBe(201);
      const after = await get('/v1/statistics/population?date=2021-07-01&by=age1,sex');
      expect(cell(after.body, { age: '33', sex: 'F' })).toBe(1);
      expect(cell(after.body, { age: '31', sex: 'F' })).toBe(0);
      const annulled = await t.request('POST', `/v1/persons/${woman}/annulments`, {
        as: 'supervisor',
        body: { eventId: (await t.request('GET', `/v1/persons/${woman}/history?purpose=test`, { as: 'supervisor' })).body.events[0].eventId, courtReference: 'C1', reason: 'duplicate' },
      });
      expect(annulled.status).toBe(201);
      expect(await total('2022-01-09')).toBe(5);
    });
  });

  describe('suppression at the default threshold', () => {
    beforeAll(() => {
      delete process.env.SIJIL_STATISTICS_THRESHOLD;
    });

    it('no cell from 1 to 4 reaches a statistician, in JSON or CSV', async () => {
      const r = await get('/v1/statistics/population?date=2021-07-01&by=age5,sex,area');
      expect(r.body.threshold).toBe(5);
      for (const c of r.body.cells) expect(c.count === null || c.count === 0 || c.count >= 5).toBe(true);
      expect(r.body.total).toBeNull();
      const csv = await get('/v1/statistics/population?date=2021-07-01&by=age5,sex', { accept: 'text/csv' });
      expect(csv.headers['content-type']).toContain('text/csv');
      const counts = String(csv.body).trim().split('\r\n').slice(1).map((line) => line.split(',')[2]);
      for (const count of counts) expect(count === '' || Number(count) === 0 || Number(count) >= 5).toBe(true);
      const rates = await get('/v1/statistics/rates?from=2020-01-01&to=2021-12-31');
      expect(rates.status).toBe(200);
      expect(rates.body.crudeBirthRate.numerator).toBeNull();
      expect(rates.body.lifeTables.F.abridged.rows).toBeNull();
    });
  });

  describe('routes', () => {
    it('only a statistician reads statistics', async () => {
      expect((await t.request('GET', '/v1/statistics/population?date=2021-01-01', { as: 'registrar' })).status).toBe(403);
      expect((await t.request('GET', '/v1/statistics/population?date=2021-01-01', { as: '' })).status).toBe(401);
      expect((await t.request('POST', '/v1/statistics/life-tables', { as: 'court', body: {} })).status).toBe(403);
    });

    it('bad input is a 400 naming the field and the rule', async () => {
      const bad = async (url: string, field: string) => {
        const r = await get(url);
        expect(r.status).toBe(400);
        expect(r.body.errors.map((e: any) => e.field)).toContain(field);
      };
      await bad('/v1/statistics/population?date=2021-02-30', 'date');
      await bad('/v1/statistics/population?date=2021-01-01&by=age1,age5', 'by');
      await bad('/v1/statistics/population?date=2021-01-01&by=colour', 'by');
      await bad('/v1/statistics/population?date=2021-01-01&area=LY-XX-99', 'area');
      await bad('/v1/statistics/rates?from=2021-01-01&to=2020-01-01', 'to');
      const lt = await t.request('POST', '/v1/statistics/life-tables', { as: 'statistician', body: { sex: 'F', ages: [0, 1, 5], deaths: [1, 2, 3], exposures: [100, 0, 50] } });
      expect(lt.status).toBe(400);
      expect(lt.body.errors[0]).toMatchObject({ field: 'exposures[1]', rule: 'positive' });
      const pr = await t.request('POST', '/v1/statistics/projections', { as: 'statistician', body: { horizon: 10 } });
      expect(pr.status).toBe(400);
      expect(pr.body.errors.map((e: any) => e.rule)).toContain('required');
    });

    it('a life table from supplied numbers, as JSON and CSV', async () => {
      const body = { sex: 'M', ages: [0, 1, 5], deaths: [10, 4, 50], exposures: [1000, 4000, 20000] };
      const r = await t.request('POST', '/v1/statistics/life-tables', { as: 'statistician', body });
      expect(r.status).toBe(200);
      expect(r.body.rows[0]).toMatchObject({ age: 0, n: 1, lx: 100000, mx: 0.01 });
      const csv = await t.request('POST', '/v1/statistics/life-tables', { as: 'statistician', body, headers: { accept: 'text/csv' } });
      expect(String(csv.body).split('\r\n')[0]).toBe('age,n,mx,qx,ax,lx,dx,Lx,Tx,ex');
    });

    it('a projection from supplied inputs, as JSON, CSV and an SVG chart', async () => {
      const groups = 18;
      const Lx = Array.from({ length: groups }, (_, g) => (g === groups - 1 ? 500000 : 490000 - g * 5000));
      const body = {
        baseYear: 2025, step: 5, horizon: 20,
        population: { F: new Array(groups).fill(1000), M: new Array(groups).fill(1000) },
        Lx: { F: Lx, M: Lx }, l0: 100000,
        asfr: Array.from({ length: groups }, (_, g) => (g >= 3 && g <= 9 ? 0.08 : 0)),
        sexRatioAtBirth: 1.05,
        scenario: { tfr: { target: 2.1, year: 2040 } },
      };
      const r = await t.request('POST', '/v1/statistics/projections', { as: 'statistician', body });
      expect(r.status).toBe(200);
      expect(r.body.steps.map((s: any) => s.year)).toEqual([2030, 2035, 2040, 2045]);
      const svg = await t.request('POST', '/v1/statistics/projections', { as: 'statistician', body, headers: { accept: 'image/svg+xml' } });
      expect(svg.headers['content-type']).toContain('image/svg+xml');
      expect(String(svg.body)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n$/);
      const csv = await t.request('POST', '/v1/statistics/projections', { as: 'statistician', body, headers: { accept: 'text/csv' } });
      expect(String(csv.body).split('\r\n')[0]).toBe('year,age,F,M');
    });

    it('a pyramid of the register population as SVG', async () => {
      const r = await get('/v1/statistics/population?date=2021-07-01&by=age5,sex', { accept: 'image/svg+xml' });
      expect(r.status).toBe(200);
      expect(String(r.body)).toContain('<svg');
      expect(String(r.body).match(/<rect/g)?.length ?? 0).toBeGreaterThanOrEqual(0);
      expect((await get('/v1/statistics/population?date=2021-07-01&by=age5,sex,area', { accept: 'image/svg+xml' })).status).toBe(400);
    });
  });
});
