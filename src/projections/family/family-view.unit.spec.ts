import { Families } from '../../../test/projections/kin-logs';
import { familyOf } from './family-view';

const ids = (relatives: Array<{ nationalId: string }>) => relatives.map(({ nationalId }) => nationalId);

describe('family graph', () => {
  // A man with two wives: a son and a daughter with the first, a son with the second;
  // the first wife had a daughter from an earlier husband.
  const f = new Families();
  const grandmother = f.person('F', '1930-01-01');
  const man = f.person('M', '1950-01-01', { mother: grandmother });
  const first = f.person('F', '1955-01-01');
  const earlierHusband = f.person('M', '1950-06-01');
  const second = f.person('F', '1960-01-01');
  const stepDaughter = f.person('F', '1975-01-01', { mother: first, father: earlierHusband });
  f.marry(man, first, '1978-01-01');
  const son = f.person('M', '1980-01-01', { mother: first, father: man });
  const daughter = f.person('F', '1982-05-01', { mother: first, father: man });
  f.marry(man, second, '1990-01-01');
  f.divorce(man, first, '1995-01-01');
  const youngerSon = f.person('M', '1992-01-01', { mother: second, father: man });
  const unknownFather = f.person('F', '1999-01-01', { mother: first });

  it('finds parents with their roles, and children oldest first with the other parent', () => {
    const family = familyOf(f.registered(son), f.kinAt());
    expect(family.parents.map(({ nationalId, role }) => `${role} ${nationalId}`)).toEqual([`mother ${first}`, `father ${man}`]);
    const children = familyOf(f.registered(man), f.kinAt()).children;
    expect(children.map(({ nationalId, as, otherParentId }) => [nationalId, as, otherParentId])).toEqual([
      [son, 'father', first],
      [daughter, 'father', first],
      [youngerSon, 'father', second],
    ]);
  });

  it('tells full siblings from paternal and maternal half siblings', () => {
    const siblings = familyOf(f.registered(son), f.kinAt()).siblings;
    expect(siblings.map(({ nationalId, kind, sharedParents }) => [nationalId, kind, sharedParents])).toEqual([
      [stepDaughter, 'maternal-half', ['mother']],
      [daughter, 'full', ['mother', 'father']],
      [youngerSon, 'paternal-half', ['father']],
      [unknownFather, 'maternal-half', ['mother']],
    ]);
    expect(siblings.find(({ nationalId }) => nationalId === unknownFather)?.otherParentUnknown).toBe(true);
    expect(siblings.find(({ nationalId }) => nationalId === stepDaughter)?.otherParentUnknown).toBeUndefined();
  });

  it('shows spouses current and past, with their marriage IDs and how each ended', () => {
    const spouses = familyOf(f.registered(man), f.kinAt()).spouses;
    expect(spouses.map(({ spouseId, marriageId, status }) => [spouseId, marriageId, status])).toEqual([
      [first, `m-${man}-${first}`, 'divorced'],
      [second, `m-${man}-${second}`, 'current'],
    ]);
  });

  it('reads everyone as of a date: later births are not there yet, later deaths not yet happened', () => {
    const g = new Families();
    const mother = g.person('F', '1950-01-01');
    const older = g.person('F', '1970-01-01', { mother });
    const younger = g.person('M', '1980-01-01', { mother });
    g.die(older, '2000-01-01');
    const at1975 = familyOf(g.registered(mother, { asOf: '1975-01-01' }), g.kinAt({ asOf: '1975-01-01' }));
    expect(ids(at1975.children)).toEqual([older]);
    expect(at1975.children[0]!.status).toBe('alive');
    const now = familyOf(g.registered(mother), g.kinAt());
    expect(now.children.map(({ nationalId, status }) => [nationalId, status])).toEqual([[older, 'deceased'], [younger, 'alive']]);
  });

  it('follows a corrected parent: the child leaves the old parent and joins the new one', () => {
    const g = new Families();
    const mother = g.person('F', '1950-01-01');
    const wrong = g.person('M', '1948-01-01');
    const right = g.person('M', '1949-01-01');
    const child = g.person('F', '1975-01-01', { mother, father: wrong });
    g.correct(child, g.eventOf(child, 'PersonEnrolled'), 'fatherId', wrong, right);
    expect(ids(familyOf(g.registered(wrong), g.kinAt()).children)).toEqual([]);
    expect(ids(familyOf(g.registered(right), g.kinAt()).children)).toEqual([child]);
  });

  it('leaves out a child whose registration was annulled', () => {
    const g = new Families();
    const mother = g.person('F', '1950-01-01');
    const child = g.person('F', '1975-01-01', { mother });
    g.annul(child, g.eventOf(child, 'PersonEnrolled'));
    expect(familyOf(g.registered(mother), g.kinAt()).children).toEqual([]);
  });

  it('names a parent with no record counting by ID only', () => {
    const g = new Families();
    const child = g.person('F', '1975-01-01', { mother: '412345678904' });
    expect(familyOf(g.registered(child), g.kinAt()).parents).toEqual([{ nationalId: '412345678904', role: 'mother' }]);
  });
});
