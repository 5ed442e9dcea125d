import { Families } from '../../../test/projections/kin-logs';
import { heirsOf, type HeirsView } from './heirs';

const WINDOW = 300;
const heirs = (f: Families, deceased: string): HeirsView => heirsOf(f.deceased(deceased), f.kinAt(), WINDOW);
const relations = (view: HeirsView) => view.heirs.map(({ nationalId, relation }) => `${relation} ${nationalId}`);

describe('heirs', () => {
  describe('a man with two wives at death, a divorced one, and a wife who died before him', () => {
    const f = new Families();
    const man = f.person('M', '1940-01-01');
    const divorced = f.person('F', '1945-01-01');
    const predeceasedWife = f.person('F', '1946-01-01');
    const wife1 = f.person('F', '1950-01-01');
    const wife2 = f.person('F', '1960-01-01');
    f.marry(man, divorced, '1965-01-01');
    f.divorce(man, divorced, '1968-01-01');
    f.marry(man, predeceasedWife, '1966-01-01');
    f.marry(man, wife1, '1970-01-01');
    f.marry(man, wife2, '1985-01-01');
    f.die(predeceasedWife, '2000-01-01');
    f.die(man, '2020-06-01');
    const view = heirs(f, man);

    it('counts every wife married at death, and neither the divorced nor the predeceased one', () => {
      expect(relations(view)).toEqual([`spouse ${wife1}`, `spouse ${wife2}`]);
    });

    it('proves each marriage by its record in both streams, and names the death', () => {
      const [first] = view.heirs;
      expect(first).toMatchObject({ relation: 'spouse', marriageId: `m-${man}-${wife1}`, sex: 'F', status: 'alive' });
      expect(first!.evidence).toEqual([
        { nationalId: man, eventId: expect.any(String), type: 'MarriageRegistered' },
        { nationalId: wife1, eventId: expect.any(String), type: 'MarriageRegistered' },
      ]);
      expect(view).toMatchObject({ nationalId: man, dateOfDeath: '2020-06-01', death: { nationalId: man, type: 'DeathRegistered' } });
    });
  });

  describe('children, and the line of a child who died before', () => {
    const f = new Families();
    const father = f.person('M', '1930-01-01');
    const mother = f.person('F', '1935-01-01');
    const living = f.person('F', '1960-01-01', { mother, father });
    const predeceasedSon = f.person('M', '1962-01-01', { mother, father });
    const daughterInLaw = f.person('F', '1965-01-01');
    const grandson = f.person('M', '1990-01-01', { mother: daughterInLaw, father: predeceasedSon });
    const predeceasedGranddaughter = f.person('F', '1992-01-01', { mother: daughterInLaw, father: predeceasedSon });
    const greatGrandchild = f.person('M', '2015-01-01', { mother: predeceasedGranddaughter });
    const childOfLiving = f.person('M', '1985-01-01', { mother: living });
    const diedLater = f.person('M', '1964-01-01', { mother, father });
    f.die(predeceasedGranddaughter, '2018-01-01');
    f.die(predeceasedSon, '2010-01-01');
    f.die(father, '2020-01-01');
    f.die(diedLater, '2021-01-01');
    const view = heirs(f, father);

    it('counts children alive at death (one who died later too) and, through each predeceased child, the descendants', () => {
      expect(relations(view)).toEqual([`child ${living}`, `child ${diedLater}`, `descendant ${grandson}`, `descendant ${greatGrandchild}`]);
      expect(view.heirs.map(({ nationalId }) => nationalId)).not.toContain(childOfLiving);
      expect(view.heirs.map(({ nationalId }) => nationalId)).not.toContain(predeceasedSon);
    });

    it('gives each descendant the line through the predeceased, and the facts that prove it', () => {
      const great = view.heirs.find(({ nationalId }) => nationalId === greatGrandchild)!;
      expect(great.through).toEqual([
        { nationalId: predeceasedSon, name: expect.any(Object), dateOfDeath: '2010-01-01' },
        { nationalId: predeceasedGranddaughter, name: expect.any(Object), dateOfDeath: '2018-01-01' },
      ]);
      expect(great.evidence.map(({ nationalId, type }) => `${type} ${nationalId}`)).toEqual([
        `PersonEnrolled ${predeceasedSon}`,
        `DeathRegistered ${predeceasedSon}`,
        `PersonEnrolled ${predeceasedGranddaughter}`,
        `DeathRegistered ${predeceasedGranddaughter}`,
        `PersonEnrolled ${greatGrandchild}`,
      ]);
    });

    it('shows the later death of an heir who survived', () => {
      const later = view.heirs.find(({ nationalId }) => nationalId === diedLater)!;
      expect(later).toMatchObject({ status: 'deceased', dateOfDeath: '2021-01-01' });
      expect(later.evidence.map(({ type }) => type)).toEqual(['PersonEnrolled', 'DeathRegistered']);
    });
  });

  describe('parents and siblings', () => {
    const f = new Families();
    const father = f.person('M', '1930-01-01');
    const mother = f.person('F', '1935-01-01');
    const otherMother = f.person('F', '1940-01-01');
    const otherFather = f.person('M', '1932-01-01');
    const deceased = f.person('M', '1960-01-01', { mother, father });
    const full = f.person('F', '1962-01-01', { mother, father });
    const paternal = f.person('M', '1965-01-01', { mother: otherMother, father });
    const maternal = f.person('F', '1970-01-01', { mother, father: otherFather });
    const deadFull = f.person('M', '1963-01-01', { mother, father });
    f.die(deadFull, '2000-01-01');
    f.die(father, '2010-01-01');
    f.die(deceased, '2020-01-01');
    const view = heirs(f, deceased);

    it('counts a parent alive at death, not one who died before, and full then half siblings alive at death', () => {
      expect(relations(view)).toEqual([`mother ${mother}`, `full-sibling ${full}`, `paternal-half-sibling ${paternal}`, `maternal-half-sibling ${maternal}`]);
    });

    it('proves a sibling by both records naming each shared parent', () => {
      const half = view.heirs.find(({ nationalId }) => nationalId === maternal)!;
      expect(half.evidence.map(({ nationalId }) => nationalId)).toEqual([deceased, maternal]);
      expect(view.heirs.find(({ nationalId }) => nationalId === full)!.evidence).toHaveLength(4);
    });
  });

  describe('a child born after the father died', () => {
    const f = new Families();
    const father = f.person('M', '1960-01-01');
    const mother = f.person('F', '1965-01-01');
    f.marry(father, mother, '1990-01-01');
    f.die(father, '2020-01-01');
    const posthumous = f.person('F', '2020-09-01', { mother, father });

    it('is an heir, born alive within the window the birth rules allow: in the womb at the death', () => {
      const view = heirs(f, father);
      expect(relations(view)).toEqual([`spouse ${mother}`, `child ${posthumous}`]);
      expect(view.heirs[1]!.posthumous).toBe(true);
    });

    it('is not counted when born past the window', () => {
      expect(heirsOf(f.deceased(father), f.kinAt(), 200).heirs.map(({ relation }) => relation)).toEqual(['spouse']);
    });
  });

  it('does not count relatives who died on the same day: no order of the deaths is proven', () => {
    const f = new Families();
    const mother = f.person('F', '1960-01-01');
    const child = f.person('F', '1990-01-01', { mother });
    f.die(mother, '2020-01-01');
    f.die(child, '2020-01-01');
    expect(heirs(f, mother).heirs).toEqual([]);
  });

  it('follows a correction of the parent: the evidence names it', () => {
    const f = new Families();
    const wrong = f.person('M', '1950-01-01');
    const father = f.person('M', '1951-01-01');
    const child = f.person('F', '1980-01-01', { father: wrong });
    const fix = f.correct(child, f.eventOf(child, 'PersonEnrolled'), 'fatherId', wrong, father);
    f.die(father, '2020-01-01');
    const view = heirs(f, father);
    expect(relations(view)).toEqual([`child ${child}`]);
    expect(view.heirs[0]!.evidence.map(({ eventId }) => eventId)).toEqual([f.eventOf(child, 'PersonEnrolled'), fix]);
  });
});
