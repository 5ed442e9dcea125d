import fc from 'fast-check';
import { writeJson } from '../../src/event-store/sqlite/utf8-json';
import { writeText } from '../../src/event-store/sqlite/utf8-text';
import { Utf8Writer } from '../../src/event-store/sqlite/utf8-writer';

/** The bytes a run of writes left, each write's answered length beside them. */
function written(write: (writer: Utf8Writer) => number[], chunkBytes = 16): { bytes: Buffer; lengths: number[] } {
  // Small chunks: the run outgrows them at every point a value can be cut.
  const writer = new Utf8Writer(chunkBytes);
  const lengths = write(writer);
  const length = writer.written;
  const { chunk, at } = writer.run();
  return { bytes: Buffer.from(chunk, at, length), lengths };
}

const json = (value: unknown) => written((writer) => [writeJson(writer, value)]).bytes;
const stringified = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Any UTF-16 code unit, lone surrogates included, and the characters JSON escapes or encodes in more than one byte. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', 'é', 'ع', 'ﷲ', '𝔘', '😀', '\ud800', '\udfff', '\u2028'),
);
const text = fc.array(unit, { maxLength: 12 }).map((units) => units.join(''));
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53, -(2 ** 60), 0.1, NaN, -Infinity),
);
/** What JSON.stringify leaves out of an object, or writes as null in an array. */
const nothing = fc.constantFrom(undefined, () => 1, Symbol('s'));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(tie('value'), nothing), { maxLength: 5 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom('0', '10', '__proto__', 'toJSON')), fc.oneof(tie('value'), nothing), { maxKeys: 5 }),
  ),
}));

describe('JSON written as UTF-8 straight into the chunks', () => {
  it('writes the very bytes of JSON.stringify for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (jsonValue) => expect(json(jsonValue)).toEqual(stringified(jsonValue))));
  });

  it('writes the very bytes of JSON.stringify for strings of any code units, any numbers, and what JSON leaves out', () => {
    fc.assert(
      fc.property(value, (anyValue) => {
        // At the top, only what JSON.stringify writes something for.
        fc.pre(JSON.stringify(anyValue) !== undefined);
        expect(json(anyValue)).toEqual(stringified(anyValue));
      }),
      { numRuns: 500 },
    );
  });

  it('answers each value’s length in bytes, values written one after another in one run', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 6 }), (values) => {
        const { bytes, lengths } = written((writer) => values.map((each) => writeJson(writer, each)));
        expect(lengths).toEqual(values.map((each) => stringified(each).length));
        expect(bytes).toEqual(Buffer.concat(values.map(stringified)));
      }),
    );
  });

  it('makes room for escapes, six bytes a character, wherever the chunk ends', () => {
    const escaped = fc.array(fc.constantFrom('\u0000', '\u001f', '\ud800', '\udc00', '"', 'ع'), { minLength: 1, maxLength: 40 }).map((units) => units.join(''));
    fc.assert(
      fc.property(fc.nat(80), escaped, fc.integer({ min: 1, max: 64 }), (before, string, chunkBytes) => {
        const { bytes } = written((writer) => [writeText(writer, 'x'.repeat(before)), writeJson(writer, [string])], chunkBytes);
        expect(bytes).toEqual(Buffer.concat([Buffer.from('x'.repeat(before)), stringified([string])]));
      }),
      { numRuns: 500 },
    );
  });

  it('writes an object without a prototype as a plain one', () => {
    const bare = Object.assign(Object.create(null) as object, { given: 'محمد', n: 1 });
    expect(json(bare).toString()).toBe('{"given":"محمد","n":1}');
  });

  describe('leaves to JSON.stringify what is not plain data', () => {
    class Name {
      constructor(readonly given: string) {}
    }
    const fallbacks: Array<[string, unknown]> = [
      ['a Date (toJSON)', { born: new Date(Date.UTC(1940, 0, 2)) }],
      ['an object with a toJSON of its own', { name: { toJSON: (key: string) => `name under ${key}` } }],
      ['an array with a toJSON of its own', Object.assign([1, 2], { toJSON: () => 'two' })],
      ['a Map and a Set', { map: new Map([['a', 1]]), set: new Set([1]) }],
      ['a class instance', { name: new Name('علي') }],
      ['an instance whose prototype has an enumerable property', { name: Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } }) }],
      ['boxed primitives', [new String('s'), new Number(1), new Boolean(false)]],
      ['a Buffer and a typed array', { buffer: Buffer.from('ab'), bytes: new Uint8Array([1, 2]) }],
      ['nesting deeper than events nest', JSON.parse('['.repeat(100) + ']'.repeat(100))],
    ];
    it.each(fallbacks)('%s', (_, fallback) => {
      // After other values, in small chunks: what the walk wrote before it gave up is no part of the run.
      const { bytes } = written((writer) => [writeJson(writer, { n: 'ع'.repeat(20) }), writeJson(writer, fallback)]);
      expect(bytes.toString()).toBe(JSON.stringify({ n: 'ع'.repeat(20) }) + JSON.stringify(fallback));
    });
  });

  it('throws what JSON.stringify throws: a cycle, a BigInt', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = { again: cyclic };
    expect(() => json(cyclic)).toThrow(TypeError);
    expect(() => json({ nested: [{ id: 1n }] })).toThrow(TypeError);
  });

  it('throws for a value JSON.stringify writes nothing for', () => {
    expect(() => json(undefined)).toThrow(TypeError);
    expect(() => json(() => 1)).toThrow(TypeError);
  });

  it('writes keys it has seen before as it wrote them the first time, and keys that need escapes', () => {
    const keys = { 'a"b': 1, 'ك\n': 2, '\ud800': 3, given: 4 };
    expect(json([keys, keys])).toEqual(stringified([keys, keys]));
  });

  it('writes keys past as many as it keeps the bytes of', () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key ${i} ك`, i]));
    expect(json([many, many])).toEqual(stringified([many, many]));
  });
});

describe('a text written as UTF-8', () => {
  it('writes the bytes Buffer.from gives, a lone surrogate as U+FFFD, and answers their length', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        const { bytes, lengths } = written((writer) => texts.map((each) => writeText(writer, each)));
        expect(lengths).toEqual(texts.map((each) => Buffer.byteLength(each)));
        expect(bytes).toEqual(Buffer.concat(texts.map((each) => Buffer.from(each))));
      }),
    );
  });
});
