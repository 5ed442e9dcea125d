import { birthBody, enrol, unknownNationalId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { die, divorce, man, marry, woman } from '../commands/family';
import { courtCase, expectProblem, purpose, readPerson, tick } from './person-reads';

const family = (nid: string, query = '') => `/v1/persons/${nid}/family${query}`;
const ids = (relatives: Array<{ nationalId: string }>) => relatives.map(({ nationalId }) => nationalId);

async function born(t: TestApp, motherId: string, fatherId: string | undefined, dateOfBirth: string, sex: 'F' | 'M' = 'F'): Promise<string> {
  const response = await t.request('POST', '/v1/births', { body: birthBody(motherId, fatherId, { dateOfBirth, sex }) });
  if (response.status !== 201) throw new Error(`birth failed: ${JSON.stringify(response.body)}`);
  return response.body.nationalId as string;
}

describe('GET /v1/persons/{nid}/family', () => {
  let t: TestApp;
  // A man with a first wife (divorced) and a second (widowed him of her when she died);
  // children with each; the first wife's daughter by an earlier husband; the man's own parents.
  let father: string, grandmother: string, husband: string, first: string, second: string, earlier: string;
  let older: string, younger: string, halfByFather: string, halfByMother: string;
  let firstMarriage: string, secondMarriage: string;

  beforeAll(async () => {
    t = await startTestApp();
    grandmother = await woman(t, { dateOfBirth: '1940-01-01' });
    father = await man(t, { dateOfBirth: '1935-01-01' });
    husband = await enrol(t, { sex: 'M', dateOfBirth: '1965-01-01', motherId: grandmother, fatherId: father });
    first = await woman(t, { dateOfBirth: '1968-01-01' });
    second = await woman(t, { dateOfBirth: '1970-01-01' });
    earlier = await man(t, { dateOfBirth: '1960-01-01' });
    halfByMother = await born(t, first, earlier, '1988-01-01');
    firstMarriage = await marry(t, husband, first, '1990-01-01');
    older = await born(t, first, husband, '1992-05-01', 'M');
    younger = await born(t, first, husband, '1995-07-01');
    expect((await divorce(t, firstMarriage, '2000-01-01')).status).toBe(201);
    secondMarriage = await marry(t, husband, second, '2002-01-01');
    halfByFather = await born(t, second, husband, '2005-03-01', 'M');
    expect((await die(t, second, '2020-01-01')).status).toBe(201);
  });
  afterAll(() => t.close());

  it('shows parents, children oldest first, and spouses current and past with their marriage IDs and how they ended', async () => {
    const response = await readPerson(t, family(husband));
    expect(response.status).toBe(200);
    expect(response.body.parents).toEqual([
      expect.objectContaining({ nationalId: grandmother, role: 'mother', sex: 'F', status: 'alive' }),
      expect.objectContaining({ nationalId: father, role: 'father', sex: 'M' }),
    ]);
    expect(response.body.children.map(({ nationalId, as, otherParentId }: any) => [nationalId, as, otherParentId])).toEqual([
      [older, 'father', first],
      [younger, 'father', first],
      [halfByFather, 'father', second],
    ]);
    expect(response.body.spouses).toEqual([
      expect.objectContaining({ marriageId: firstMarriage, spouseId: first, status: 'divorced', ended: expect.objectContaining({ how: 'divorce', date: '2000-01-01' }) }),
      expect.objectContaining({ marriageId: secondMarriage, spouseId: second, status: 'widowed', ended: { how: 'death-of-spouse', date: '2020-01-01' } }),
    ]);
  });

  it('tells full siblings from paternal and maternal half siblings', async () => {
    const siblings = (await readPerson(t, family(older))).body.siblings;
    expect(siblings.map(({ nationalId, kind, sharedParents }: any) => [nationalId, kind, sharedParents])).toEqual([
      [halfByMother, 'maternal-half', ['mother']],
      [younger, 'full', ['mother', 'father']],
      [halfByFather, 'paternal-half', ['father']],
    ]);
  });

  it('reads the family as of a date: children not yet born and spouses not yet married are absent', async () => {
    const at1993 = (await readPerson(t, family(husband, '?asOf=1993-01-01'))).body;
    expect(ids(at1993.children)).toEqual([older]);
    expect(at1993.spouses.map(({ marriageId, status }: any) => [marriageId, status])).toEqual([[firstMarriage, 'current']]);
    const at2010 = (await readPerson(t, family(husband, '?asOf=2010-01-01'))).body;
    expect(at2010.spouses.map(({ status }: any) => status)).toEqual(['divorced', 'current']);
  });

  it('follows a late registration, a correction of the father and an annulment, as known at each instant', async () => {
    const mother = await woman(t, { dateOfBirth: '1980-01-01' });
    const wrongFather = await man(t, { dateOfBirth: '1975-01-01' });
    const rightFather = await man(t, { dateOfBirth: '1976-01-01' });
    await tick();
    const child = await enrol(t, { sex: 'F', dateOfBirth: '2001-01-01', motherId: mother, fatherId: wrongFather });
    const [registration] = await t.store.readStream(`person-${child}`);
    await tick();
    const correction = await t.request('POST', `/v1/persons/${child}/corrections`, {
      as: 'supervisor',
      body: { eventId: registration!.id, changes: [{ field: 'fatherId', to: rightFather }], reason: 'Register page read again', authorityReference: 'NR 2026/4' },
    });
    expect(correction.status).toBe(201);
    const before = `?knownAt=${new Date(Date.parse(registration!.recordedAt) - 1).toISOString()}`;
    expect(ids((await readPerson(t, family(mother, before))).body.children)).toEqual([]);
    expect(ids((await readPerson(t, family(wrongFather, `?knownAt=${registration!.recordedAt}`))).body.children)).toEqual([child]);
    expect(ids((await readPerson(t, family(wrongFather))).body.children)).toEqual([]);
    expect(ids((await readPerson(t, family(rightFather))).body.children)).toEqual([child]);

    const annulment = await t.request('POST', `/v1/persons/${child}/annulments`, {
      as: 'supervisor',
      body: { eventId: registration!.id, courtReference: 'Benghazi court 2026/12', reason: 'Duplicate registration' },
    });
    expect(annulment.status).toBe(201);
    expect(ids((await readPerson(t, family(mother))).body.children)).toEqual([]);
    await expectProblem(await readPerson(t, family(child)), 404);
  });

  describe('who may read', () => {
    it.each([['supervisor', purpose], ['court', courtCase]])('a %s', async (as, headers) => {
      expect((await readPerson(t, family(husband), as, headers)).status).toBe(200);
    });

    it.each(['statistician', 'verifier', 'administrator'])('not a %s', async (as) => {
      await expectProblem(await readPerson(t, family(husband), as), 403);
    });

    it('not a citizen, even their own family', async () => {
      await expectProblem(await readPerson(t, family(husband), await t.citizen(husband)), 403);
    });

    it('no one without a purpose; no court without a case reference', async () => {
      await expectProblem(await readPerson(t, family(husband), 'registrar', {}), 400, 'purpose');
      await expectProblem(await readPerson(t, family(husband), 'court', purpose), 400, 'caseReference');
    });
  });

  it('is a 404 for an ID no one holds, and a 400 for a malformed one or a bad asOf', async () => {
    await expectProblem(await readPerson(t, family(unknownNationalId())), 404);
    await expectProblem(await readPerson(t, family('12345')), 400);
    await expectProblem(await readPerson(t, family(husband, '?asOf=2021-02-29')), 400, 'asOf');
  });
});
