import 'reflect-metadata';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { CorrectRecordDto } from '../commands/correct-record/correct-record.dto';
import { EnrolPersonDto } from '../commands/enrol-person/enrol-person.dto';
import { RegisterBirthDto } from '../commands/register-birth/register-birth.dto';
import { nid } from '../domain/testing/person-fixtures';
import { admittedBody } from './rule-plans';
import { requestValidation, requestValidationOptions } from './validation';

/** The pipe as class-transformer and class-validator alone make it, with the same options. */
const reference = new ValidationPipe(requestValidationOptions);

const child = { name: { given: 'مريم', father: 'علي', grandfather: 'حسن', family: 'الورفلي' }, sex: 'F', dateOfBirth: '2026-11-20', placeOfBirth: 'LY-BA-03' };
const birth = { child, motherId: nid(1), plurality: 1 };

const wellFormed: Array<[Function, object]> = [
  [RegisterBirthDto, birth],
  [RegisterBirthDto, { plurality: 2, motherId: nid(1), child: { ...child, name: { ...child.name, latin: 'Maryam' } }, fatherId: nid(2), birthOrder: 2, weightGrams: 3200, attendant: 'midwife', declarant: 'father' }],
  [RegisterBirthDto, { ...birth, fatherId: null }],
  [
    EnrolPersonDto,
    {
      person: { name: child.name, sex: 'M', dateOfBirth: '1990', placeOfBirth: 'LY-BA-03', nationality: 'LY', residency: 'citizen', motherName: { given: 'خديجة', family: 'المسماري' } },
      source: { kind: 'legacy-register', reference: 'page 4' },
    },
  ],
  [CorrectRecordDto, { eventId: '0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', changes: [{ field: 'dateOfBirth', to: '1961-04-12' }], reason: 'clerical', authorityReference: 'decision 77' }],
];

const malformed: Array<[Function, unknown]> = [
  [RegisterBirthDto, { ...birth, plurality: 0 }],
  [RegisterBirthDto, { ...birth, plurality: '1' }],
  [RegisterBirthDto, { ...birth, fatherID: nid(2) }],
  [RegisterBirthDto, { ...birth, constructor: 'x' }],
  [RegisterBirthDto, { ...birth, toString: 'x' }],
  [RegisterBirthDto, { ...birth, motherId: `${nid(1).slice(0, 11)}0` }],
  [RegisterBirthDto, { motherId: nid(1), plurality: 1 }],
  [RegisterBirthDto, { ...birth, child: 'a child' }],
  [RegisterBirthDto, { ...birth, child: [child] }],
  [RegisterBirthDto, { ...birth, child: null }],
  [RegisterBirthDto, { ...birth, child: {} }],
  [RegisterBirthDto, { ...birth, child: { ...child, eyes: 'brown' } }],
  [RegisterBirthDto, { ...birth, child: { ...child, name: { ...child.name, given: '  ' } } }],
  [RegisterBirthDto, { ...birth, child: { ...child, dateOfBirth: '2026-02-30' } }],
  [RegisterBirthDto, []],
  [RegisterBirthDto, 'birth'],
  [RegisterBirthDto, null],
  [CorrectRecordDto, { eventId: '0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', changes: [], reason: 'clerical', authorityReference: 'decision 77' }],
  [CorrectRecordDto, { eventId: '0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', changes: [{ field: 'name', to: { given: 'x' } }], reason: 'r', authorityReference: 'd' }],
  [CorrectRecordDto, { eventId: '0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', changes: [{ field: 'sex' }, 'x'], reason: 'r', authorityReference: 'd' }],
];

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value, json: JSON.stringify(value), classes: classesOf(value) }),
    (error: unknown) => ({ error }),
  );

/** Every object's class name, depth first, so an instance built as the wrong class is seen. */
function classesOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return [value.constructor?.name ?? 'none', ...Object.values(value).flatMap(classesOf)];
}

describe('request validation by rule plans', () => {
  const body = (metatype: Function): ArgumentMetadata => ({ type: 'body', metatype: metatype as ArgumentMetadata['metatype'] });
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  it.each(wellFormed)('admits a well-formed %p body without class-transformer, as class-transformer would build it', async (metatype, value) => {
    expect(admittedBody(metatype, copy(value))).toBeDefined();
    const ours = await outcome(requestValidation.transform(copy(value), body(metatype)));
    expect(ours).toStrictEqual(await outcome(reference.transform(copy(value), body(metatype))));
    expect(ours).not.toHaveProperty('error');
  });

  it.each(malformed)('answers a %p body it cannot vouch for exactly as class-validator does', async (metatype, value) => {
    expect(admittedBody(metatype, copy(value))).toBeUndefined();
    expect(await outcome(requestValidation.transform(copy(value), body(metatype)))).toStrictEqual(
      await outcome(reference.transform(copy(value), body(metatype))),
    );
  });
});
