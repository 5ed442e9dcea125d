import { birthBody, enrol } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { die, divorce, man, marry, woman } from '../commands/family';
import { courtCase, expectProblem, purpose, readPerson } from './person-reads';

const heirsOf = (nid: string, query = '') => `/v1/persons/${nid}/heirs${query}`;
const readHeirs = (t: TestApp, nid: string, query = '') => readPerson(t, heirsOf(nid, query), 'court', courtCase);

async function born(t: TestApp, motherId: string, fatherId: string | undefined, dateOfBirth: string, sex: 'F' | 'M' = 'F'): Promise<string> {
  const response = await t.request('POST', '/v1/births', { body: birthBody(motherId, fatherId, { dateOfBirth, sex }) });
  if (response.status !== 201) throw new Error(`birth failed: ${JSON.stringify(response.body)}`);
  return response.body.nationalId as string;
}

async function died(t: TestApp, nid: string, date: string): Promise<void> {
  const response = await die(t, nid, date);
  if (response.status !== 201) throw new Error(`death failed: ${JSON.stringify(response.body)}`);
}

describe('GET /v1/persons/{nid}/heirs', () => {
  let t: TestApp;
  // The deceased: a man with two wives at his death (polygamous), one divorced and one who died
  // before him; a son who died before him leaving two children; a daughter; a child born after his
  // death; his mother alive, his father dead; a full and a paternal half brother.
  const p: Record<string, string> = {};
  let deathRecordedAt: string;

  beforeAll(async () => {
    t = await startTestApp();
    p.father = await man(t, { dateOfBirth: '1910-01-01' });
    p.mother = await woman(t, { dateOfBirth: '1922-01-01' });
    p.fathersOtherWife = await woman(t, { dateOfBirth: '1925-01-01' });
    p.deceased = await enrol(t, { sex: 'M', dateOfBirth: '1945-01-01', motherId: p.mother, fatherId: p.father });
    p.fullBrother = await enrol(t, { sex: 'M', dateOfBirth: '1948-01-01', motherId: p.mother, fatherId: p.father });
    p.halfBrother = await enrol(t, { sex: 'M', dateOfBirth: '1950-01-01', motherId: p.fathersOtherWife, fatherId: p.father });
    await died(t, p.father, '1990-01-01');

    p.divorced = await woman(t, { dateOfBirth: '1946-01-01' });
    p.predeceasedWife = await woman(t, { dateOfBirth: '1947-01-01' });
    p.wife1 = await woman(t, { dateOfBirth: '1950-01-01' });
    p.wife2 = await woman(t, { dateOfBirth: '1962-01-01' });
    const divorcedMarriage = await marry(t, p.deceased, p.divorced, '1966-01-01');
    expect((await divorce(t, divorcedMarriage, '1969-01-01')).status).toBe(201);
    await marry(t, p.deceased, p.predeceasedWife, '1967-01-01');
    p.wife1Marriage = await marry(t, p.deceased, p.wife1, '1970-01-01');
    p.wife2Marriage = await marry(t, p.deceased, p.wife2, '1982-01-01');
    await died(t, p.predeceasedWife, '2000-01-01');

    p.son = await born(t, p.wife1, p.deceased, '1972-01-01', 'M');
    p.daughterInLaw = await woman(t, { dateOfBirth: '1975-01-01' });
    await marry(t, p.son, p.daughterInLaw, '1995-01-01');
    p.grandson = await born(t, p.daughterInLaw, p.son, '2000-01-01', 'M');
    p.granddaughter = await born(t, p.daughterInLaw, p.son, '2003-01-01');
    await died(t, p.son, '2010-01-01');
    p.daughter = await born(t, p.wife2, p.deceased, '1985-01-01');
    p.grandchildOfLiving = await born(t, p.daughter, undefined, '2015-01-01');

    await died(t, p.deceased, '2020-03-01');
    deathRecordedAt = (await t.store.readStream(`person-${p.deceased}`)).at(-1)!.recordedAt;
    p.posthumous = await born(t, p.wife2, p.deceased, '2020-10-01', 'M');
  });
  afterAll(() => t.close());

  const relations = (body: any) => body.heirs.map(({ nationalId, relation }: any) => [relation, nationalId]);

  it('lists the heirs as of the day of death, each with its relation', async () => {
    const response = await readHeirs(t, p.deceased!);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ nationalId: p.deceased, dateOfDeath: '2020-03-01', death: { nationalId: p.deceased, type: 'DeathRegistered' } });
    expect(relations(response.body)).toEqual([
      ['spouse', p.wife1],
      ['spouse', p.wife2],
      ['child', p.daughter],
      ['child', p.posthumous],
      ['descendant', p.grandson],
      ['descendant', p.granddaughter],
      ['mother', p.mother],
      ['full-sibling', p.fullBrother],
      ['paternal-half-sibling', p.halfBrother],
    ]);
  });

  it('leaves out the divorced wife, the wife who died before, the father who died before, the predeceased son and the living daughter’s child', async () => {
    const listed = (await readHeirs(t, p.deceased!)).body.heirs.map(({ nationalId }: any) => nationalId);
    for (const absent of [p.divorced, p.predeceasedWife, p.father, p.son, p.grandchildOfLiving, p.daughterInLaw]) expect(listed).not.toContain(absent);
  });

  it('counts a child born after the death, within the posthumous window, as posthumous', async () => {
    const heirs = (await readHeirs(t, p.deceased!)).body.heirs;
    expect(heirs.find(({ nationalId }: any) => nationalId === p.posthumous)).toMatchObject({ relation: 'child', posthumous: true, sex: 'M' });
  });

  it('gives the evidence: the marriage in both streams, the births naming the parents, the deaths in a line', async () => {
    const heirs = (await readHeirs(t, p.deceased!)).body.heirs;
    const wife = heirs.find(({ nationalId }: any) => nationalId === p.wife2);
    expect(wife).toMatchObject({ marriageId: p.wife2Marriage });
    expect(wife.evidence.map(({ nationalId, type }: any) => [type, nationalId])).toEqual([
      ['MarriageRegistered', p.deceased],
      ['MarriageRegistered', p.wife2],
    ]);
    const grandson = heirs.find(({ nationalId }: any) => nationalId === p.grandson);
    expect(grandson.through).toEqual([{ nationalId: p.son, name: expect.any(Object), dateOfDeath: '2010-01-01' }]);
    expect(grandson.evidence.map(({ nationalId, type }: any) => [type, nationalId])).toEqual([
      ['BirthRegistered', p.son],
      ['DeathRegistered', p.son],
      ['BirthRegistered', p.grandson],
    ]);
    const half = heirs.find(({ nationalId }: any) => nationalId === p.halfBrother);
    expect(half.evidence.map(({ nationalId, type }: any) => [type, nationalId])).toEqual([
      ['PersonEnrolled', p.deceased],
      ['PersonEnrolled', p.halfBrother],
    ]);
  });

  it('refuses a person not deceased: 422 naming the rule', async () => {
    const response = await readHeirs(t, p.daughter!);
    await expectProblem(response, 422);
    expect(response.body.type).toBe('urn:sijil:rule:HEIRS.NOT_DECEASED');
  });

  it('answers as the ledger knew it: before the death was recorded, not deceased', async () => {
    const before = new Date(Date.parse(deathRecordedAt) - 1).toISOString();
    await expectProblem(await readHeirs(t, p.deceased!, `?knownAt=${before}`), 422);
    const atDeath = (await readHeirs(t, p.deceased!, `?knownAt=${deathRecordedAt}`)).body;
    expect(relations(atDeath).map(([, id]: string[]) => id)).not.toContain(p.posthumous);
  });

  it('is read by courts only, with a purpose and a case reference, and takes no asOf', async () => {
    for (const as of ['registrar', 'supervisor', 'statistician', 'verifier']) await expectProblem(await readPerson(t, heirsOf(p.deceased!), as, purpose), 403);
    await expectProblem(await readPerson(t, heirsOf(p.deceased!), 'court', purpose), 400, 'caseReference');
    await expectProblem(await readPerson(t, heirsOf(p.deceased!), 'court', { 'x-case-reference': 'c' }), 400, 'purpose');
    await expectProblem(await readHeirs(t, p.deceased!, '?asOf=2020-01-01'), 400, 'asOf');
  });
});
