import 'reflect-metadata';
import fc from 'fast-check';
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

describe('request validation by rule plans, on bodies a client could send', () => {
  /** A JSON path into a body: object keys and array indexes, as far as the body goes. */
  const pathsOf = (value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> =>
    typeof value !== 'object' || value === null
      ? [prefix]
      : [prefix, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]))];

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const) }),
    fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ kind: fc.constant('add' as const), key: fc.oneof(fc.constantFrom('fatherID', 'given', 'plurality', '__proto__', 'constructor', 'eyes'), fc.string()), value: fc.jsonValue({ maxDepth: 1 }) }),
  );

  /** Applies one mutation where `path` points, on a copy; an empty path replaces the whole body. */
  function mutated(body: unknown, path: Array<string | number>, change: { kind: 'drop' | 'replace' | 'add'; key?: string; value?: unknown }): unknown {
    const copy = JSON.parse(JSON.stringify(body)) as unknown;
    if (path.length === 0) return change.kind === 'replace' ? change.value : copy;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
    const last = path[path.length - 1];
    if (change.kind === 'drop') delete parent[last];
    else if (change.kind === 'replace') parent[last] = change.value;
    else if (typeof parent[last] === 'object' && parent[last] !== null) Object.defineProperty(parent[last], change.key!, { value: change.value, enumerable: true, writable: true, configurable: true });
    return copy;
  }

  it('answers every mutated body exactly as the plain ValidationPipe does', async () => {
    const body = (metatype: Function): ArgumentMetadata => ({ type: 'body', metatype: metatype as ArgumentMetadata['metatype'] });
    const cases = fc
      .constantFrom(...wellFormed)
      .chain(([metatype, value]) => fc.tuple(fc.constant(metatype), fc.constant(value), fc.constantFrom(...pathsOf(value)), fc.array(mutation, { minLength: 1, maxLength: 3 })));
    await fc.assert(
      fc.asyncProperty(cases, async ([metatype, value, path, changes]) => {
        const sent = changes.reduce<unknown>((current, change) => mutated(current, path, change), value);
        const text = JSON.stringify(sent) ?? 'null';
        const ours = await outcome(requestValidation.transform(JSON.parse(text), body(metatype)));
        expect(ours).toStrictEqual(await outcome(reference.transform(JSON.parse(text), body(metatype))));
      }),
      { numRuns: 400 },
    );
  });
});
