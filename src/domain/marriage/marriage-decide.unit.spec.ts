import { defaultPolicy } from '../policy/jurisdiction-policy';
import { adult, divorceCommand, kin, marriageCommand, marriageSpec, married, recordedMarriage } from '../testing/marriage-fixtures';
import { enrolment, nid, personOf } from '../testing/person-fixtures';
import type { RegisterMarriage } from './marriage-commands';
import { decideMarriage } from './marriage-decide';

const spec = marriageSpec();
const accepts = (command: RegisterMarriage) => spec.when(command).then([recordedMarriage(command)]);

const husband = adult(1, 'M');
const wife = adult(2, 'F');
const death = (dateOfDeath: string) =>
  ({ type: 'DeathRegistered', data: { dateOfDeath, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H' } } }) as const;

describe('marriage', () => {
  it('records the marriage in both streams, each naming the other', () =>
    spec.when(marriageCommand([husband, wife])).then([
      {
        [nid(1)]: [{ type: 'MarriageRegistered', data: { marriageId: 'm-new', spouseId: nid(2), date: '2026-10-01', place: 'LY-BA-03', contractReference: 'Benghazi court 2026/881' } }],
        [nid(2)]: [{ type: 'MarriageRegistered', data: { marriageId: 'm-new', spouseId: nid(1), date: '2026-10-01', place: 'LY-BA-03', contractReference: 'Benghazi court 2026/881' } }],
      },
    ]));

  it('needs both spouses registered (PERSON.NOT_FOUND)', () =>
    spec.when(marriageCommand([husband, { status: 'unregistered', log: [], facts: [], nationalId: nid(3) }])).thenThrows('PERSON.NOT_FOUND', { kind: 'not-found' }));

  it('needs both alive on the date (FACT.AFTER_DEATH)', () => {
    spec.when(marriageCommand([husband, adult(2, 'F', death('2026-09-30'))])).thenThrows('FACT.AFTER_DEATH');
    accepts(marriageCommand([husband, adult(2, 'F', death('2026-10-01'))]));
  });

  it('needs each aged at least 18 (MARRIAGE.UNDER_AGE), refusing a partial birth date only when certainly under', () => {
    const young = (dateOfBirth: string) => personOf(enrolment({ nationalId: nid(2), sex: 'F', dateOfBirth }));
    spec.when(marriageCommand([husband, young('2008-10-02')])).thenThrows('MARRIAGE.UNDER_AGE');
    accepts(marriageCommand([husband, young('2008-10-01')]));
    accepts(marriageCommand([husband, young('2008')]));
    spec.when(marriageCommand([husband, young('2009')])).thenThrows('MARRIAGE.UNDER_AGE');
  });

  it('refuses spouses already married to each other (MARRIAGE.ALREADY_MARRIED), not after a divorce', () => {
    const h = adult(1, 'M', married('m-1', nid(2), '2010-01-01'));
    const w = adult(2, 'F', married('m-1', nid(1), '2010-01-01'));
    spec.when(marriageCommand([h, w])).thenThrows('MARRIAGE.ALREADY_MARRIED');
    const divorced = { type: 'DivorceRegistered', data: { marriageId: 'm-1', spouseId: nid(2), date: '2015-01-01', courtReference: 'D' } } as const;
    const hd = adult(1, 'M', married('m-1', nid(2), '2010-01-01'), divorced);
    const wd = adult(2, 'F', married('m-1', nid(1), '2010-01-01'), { ...divorced, data: { ...divorced.data, spouseId: nid(1) } });
    accepts(marriageCommand([hd, wd]));
  });

  it('allows at most 4 concurrent wives and 1 husband (MARRIAGE.SPOUSE_LIMIT)', () => {
    const wives = (n: number) => Array.from({ length: n }, (_, i) => married(`m-${i}`, nid(100 + i), '2010-01-01'));
    accepts(marriageCommand([adult(1, 'M', ...wives(3)), wife]));
    spec.when(marriageCommand([adult(1, 'M', ...wives(4)), wife])).thenThrows('MARRIAGE.SPOUSE_LIMIT');
    spec.when(marriageCommand([husband, adult(2, 'F', married('m-0', nid(100), '2010-01-01'))])).thenThrows('MARRIAGE.SPOUSE_LIMIT');
  });

  it('frees a place when an earlier spouse has died (kin.spouseDeaths)', () => {
    const w = adult(2, 'F', married('m-0', nid(100), '2010-01-01'));
    accepts(marriageCommand([husband, w], { kin: { [nid(2)]: kin([], [], { [nid(100)]: '2020-01-01' }) } }));
  });

  it('refuses a late-registered marriage that would overlap a later one', () => {
    const w = adult(2, 'F', married('m-0', nid(100), '2020-01-01'));
    spec.when(marriageCommand([husband, w], { date: '2015-01-01' })).thenThrows('MARRIAGE.SPOUSE_LIMIT');
  });

  it.each([
    ['parent-child', adult(1, 'M'), personOf(enrolment({ nationalId: nid(2), fatherId: nid(1) })), {}],
    ['grandparent-grandchild', husband, wife, { [nid(2)]: kin([nid(50)], [nid(1)]) }],
    ['siblings', personOf(enrolment({ nationalId: nid(1), sex: 'M', motherId: nid(60) })), personOf(enrolment({ nationalId: nid(2), motherId: nid(60), fatherId: nid(61) })), {}],
    ['uncle-aunt-niece-nephew', husband, wife, { [nid(1)]: kin([nid(70)]), [nid(2)]: kin([nid(71)], [nid(70), nid(72)]) }],
  ])('refuses %s (MARRIAGE.PROHIBITED_DEGREE)', (relation, a, b, kinOf) => {
    spec.when(marriageCommand([a, b], { kin: kinOf })).thenThrows('MARRIAGE.PROHIBITED_DEGREE', { details: { relation } });
  });

  it('allows cousins (only grandparents shared)', () =>
    accepts(marriageCommand([husband, wife], { kin: { [nid(1)]: kin([nid(80)], [nid(90)]), [nid(2)]: kin([nid(81)], [nid(90)]) } })));

  it('refuses a marriage outside the office’s jurisdiction', () => {
    const command = marriageCommand([husband, wife], { place: 'LY-TR-01' });
    spec.when({ ...command, metadata: { ...command.metadata, officeArea: 'LY-BA' } }).thenThrows('JURISDICTION.OUTSIDE_OFFICE');
  });

  it('refuses a marriage ID in use (MARRIAGE.ID_IN_USE) and a person marrying themselves', () => {
    spec.when(marriageCommand([adult(1, 'M', married('m-new', nid(5), '2010-01-01')), wife])).thenThrows('MARRIAGE.ID_IN_USE', { kind: 'conflict' });
    spec.when(marriageCommand([husband, husband])).thenThrows('MARRIAGE.SAME_PERSON');
  });
});

describe('divorce', () => {
  const h = adult(1, 'M', married('m-1', nid(2), '2010-01-01'));
  const w = adult(2, 'F', married('m-1', nid(1), '2010-01-01'));

  it('records the divorce in both streams', () =>
    spec.when(divorceCommand([h, w], 'm-1', '2026-02-01')).then([{
      [nid(1)]: [{ type: 'DivorceRegistered', data: { marriageId: 'm-1', spouseId: nid(2), date: '2026-02-01', courtReference: 'Benghazi court 2027/102' } }],
      [nid(2)]: [{ type: 'DivorceRegistered', data: { marriageId: 'm-1', spouseId: nid(1), date: '2026-02-01', courtReference: 'Benghazi court 2027/102' } }],
    }]));

  it('needs the marriage in both streams (MARRIAGE.NOT_FOUND)', () => {
    spec.when(divorceCommand([h, wife], 'm-1', '2026-02-01')).thenThrows('MARRIAGE.NOT_FOUND', { kind: 'not-found' });
    spec.when(divorceCommand([h, w], 'm-9', '2026-02-01')).thenThrows('MARRIAGE.NOT_FOUND');
  });

  it('is dated on or after the marriage (DIVORCE.BEFORE_MARRIAGE)', () => {
    spec.when(divorceCommand([h, w], 'm-1', '2009-12-31')).thenThrows('DIVORCE.BEFORE_MARRIAGE');
    expect(() => decideMarriage(divorceCommand([h, w], 'm-1', '2010-01-01'), defaultPolicy)).not.toThrow();
  });

  it('needs the marriage current (DIVORCE.NOT_CURRENT): not divorced, no spouse dead', () => {
    const first = decideMarriage(divorceCommand([h, w], 'm-1', '2020-01-01'), defaultPolicy);
    const hd = adult(1, 'M', married('m-1', nid(2), '2010-01-01'), first[nid(1)]![0]!);
    const wd = adult(2, 'F', married('m-1', nid(1), '2010-01-01'), first[nid(2)]![0]!);
    spec.when(divorceCommand([hd, wd], 'm-1', '2021-01-01')).thenThrows('DIVORCE.NOT_CURRENT');
    const widower = [h, adult(2, 'F', married('m-1', nid(1), '2010-01-01'), death('2019-01-01'))] as const;
    spec.when(divorceCommand([...widower], 'm-1', '2020-01-01')).thenThrows('DIVORCE.NOT_CURRENT');
  });
});
