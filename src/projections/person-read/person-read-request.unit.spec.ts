import { ProblemException } from '../../http/problem';
import { personReadRequestOf, type RawPersonRead } from './person-read-request';

const read = (raw: Partial<RawPersonRead>) =>
  personReadRequestOf({ reader: { clientId: 'c1', role: 'registrar' }, headers: {}, query: {}, ...raw });

function problemsOf(raw: Partial<RawPersonRead>) {
  try {
    read(raw);
  } catch (error) {
    if (error instanceof ProblemException) return error.problem.errors?.map(({ field, rule }) => `${field} ${rule}`);
    throw error;
  }
  throw new Error('accepted');
}

describe('person read request', () => {
  it('takes the purpose from the header or the query', () => {
    expect(read({ headers: { 'x-purpose': 'benefit claim' } }).purpose).toBe('benefit claim');
    expect(read({ query: { purpose: 'benefit claim' } }).purpose).toBe('benefit claim');
  });

  it('refuses a missing, empty or conflicting purpose, naming the field', () => {
    expect(problemsOf({})).toEqual(['purpose required']);
    expect(problemsOf({ headers: { 'x-purpose': ' ' } })).toEqual(['purpose isText']);
    expect(problemsOf({ query: { purpose: ['a', 'b'] } })).toEqual(['purpose isText']);
    expect(problemsOf({ headers: { 'x-purpose': 'a' }, query: { purpose: 'b' } })).toEqual(['purpose conflict']);
  });

  it('requires a case reference from courts only', () => {
    const court = { reader: { clientId: 'c2', role: 'court' as const } };
    expect(problemsOf({ ...court, headers: { 'x-purpose': 'inheritance' } })).toEqual(['caseReference required']);
    expect(read({ ...court, headers: { 'x-purpose': 'inheritance', 'x-case-reference': '2026/12' } }).caseReference).toBe('2026/12');
    expect(read({ ...court, query: { purpose: 'inheritance', caseReference: '2026/12' } }).caseReference).toBe('2026/12');
    expect(read({ query: { purpose: 'p' } }).caseReference).toBeUndefined();
  });

  it('reads asOf as a civil date and knownAt as an instant, normalised to UTC', () => {
    const { point } = read({ query: { purpose: 'p', asOf: '2020-02-29', knownAt: '2026-11-22T11:00:00+02:00' } });
    expect(point).toEqual({ asOf: '2020-02-29', knownAt: '2026-11-22T09:00:00.000Z' });
    expect(read({ query: { purpose: 'p', knownAt: '2999-01-01T00:00Z' } }).point.knownAt).toBe('2999-01-01T00:00:00.000Z');
  });

  it.each([['2021-02-29'], ['2021-1-01'], ['1961'], ['2021-01-01T00:00:00Z']])('refuses asOf=%s', (asOf) => {
    expect(problemsOf({ query: { purpose: 'p', asOf } })).toEqual(['asOf isCivilDate']);
  });

  it.each([['2026-11-22'], ['2026-02-30T10:00:00Z'], ['2026-11-22T24:00:00Z'], ['2026-11-22T10:00:00'], ['yesterday']])('refuses knownAt=%s', (knownAt) => {
    expect(problemsOf({ query: { purpose: 'p', knownAt } })).toEqual(['knownAt isInstant']);
  });

  it('refuses a parameter it does not know, such as a misspelt asOf', () => {
    expect(problemsOf({ query: { purpose: 'p', asof: '2020-01-01' } })).toEqual(['asof unknown']);
  });

  it('names every wrong field at once', () => {
    expect(problemsOf({ reader: { clientId: 'c', role: 'court' }, query: { asOf: 'x', knownAt: 'y' } })).toEqual([
      'purpose required',
      'caseReference required',
      'asOf isCivilDate',
      'knownAt isInstant',
    ]);
  });
});
