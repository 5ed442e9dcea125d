import { commandOfRow, kindOf } from '../../src/import/row-commands';
import { rowIds } from '../../src/import/row-keys';

/**
 * The data of an enrolment row's command becomes the event's data, its keys in this order: the
 * texts below are those of the build before the command was made from literals (2026-11-24).
 */
describe('an enrolment row’s command', () => {
  const row = {
    kind: 'enrolment', given: 'مريم', father: 'علي', grandfather: 'حسن', family: 'الورفلي', sex: 'F', date_of_birth: '1980-05',
    place_of_birth: 'LY-BA-01', nationality: 'LY', residency: 'citizen', source_ref: 'register 12, page 3',
  };
  const name = '"name":{"given":"مريم","father":"علي","grandfather":"حسن","family":"الورفلي"}';
  const facts = '"sex":"F","dateOfBirth":"1980-05","placeOfBirth":"LY-BA-01","nationality":"LY","residency":"citizen"';
  const source = '"source":{"kind":"legacy-register","reference":"register 12, page 3"}';
  const refOf = (ref: string) => (ref === 'm1' ? '401950356360' : { ref });

  it.each([
    [{}, `{${name},${facts},${source}}`],
    [
      { ref: 'p1', national_id: '401950356360', latin: 'Maryam Ali' },
      `{"nationalId":"401950356360",${name.replace('}', ',"latin":"Maryam Ali"}')},${facts},${source}}`,
    ],
    [{ mother_given: 'خديجة', mother_family: 'المسماري' }, `{${name},${facts},"motherName":{"given":"خديجة","family":"المسماري"},${source}}`],
    [
      { mother_given: 'خديجة', mother_father: 'سالم', mother_family: 'المسماري' },
      `{${name},${facts},"motherName":{"given":"خديجة","father":"سالم","family":"المسماري"},${source}}`,
    ],
    [
      { mother_given: 'خديجة', mother_grandfather: 'عمر', mother_family: 'المسماري', mother_ref: 'm1' },
      `{${name},${facts},"motherName":{"given":"خديجة","grandfather":"عمر","family":"المسماري"},"motherId":"401950356360",${source}}`,
    ],
    [
      { mother_father: 'سالم', mother_grandfather: 'عمر', father_id: '326464364241', source_kind: 'court-order' },
      `{${name},${facts},"motherName":{"father":"سالم","grandfather":"عمر"},"fatherId":"326464364241",${source.replace('legacy-register', 'court-order')}}`,
    ],
  ])('of %p has the data %s', (columns: Record<string, string>, data) => {
    const record = { ...row, ...columns };
    const ids = rowIds('9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08', 7, 'import:abc');
    const command = commandOfRow(record, kindOf(record), refOf, 'import:abc', ids);
    expect(JSON.stringify(command.data)).toBe(data);
    expect(command).toMatchObject({ type: 'EnrolPerson', key: 'import:abc', ids, ...(columns.ref && { ref: columns.ref }) });
  });

  it('keys a mother’s given name and family name even when blank, for the decider to refuse', () => {
    const record = { ...row, mother_father: 'سالم', mother_grandfather: 'عمر' };
    const command = commandOfRow(record, kindOf(record), refOf, 'import:abc', rowIds('', 7, 'import:abc'));
    expect(Object.keys((command.data as { motherName: object }).motherName)).toEqual(['given', 'father', 'grandfather', 'family']);
  });
});
