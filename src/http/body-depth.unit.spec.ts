import { MAX_BODY_DEPTH, tooDeepAt } from './body-depth';

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('a request body nested too deeply', () => {
  it('is found at the first value past the limit, named by its field path', () => {
    expect(tooDeepAt({ child: { name: { given: 'x' } }, motherId: '1' }, 2)).toBe('child.name');
    expect(tooDeepAt([[1], { a: [[2]] }], 2)).toBe('1.a');
  });

  it('passes bodies up to the limit, and scalars', () => {
    expect(tooDeepAt(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(tooDeepAt(nested(MAX_BODY_DEPTH + 1))).toBeDefined();
    for (const scalar of [null, undefined, 0, 'text', true]) expect(tooDeepAt(scalar)).toBeUndefined();
  });

  it('is measured at any depth, without overflowing the stack', () => {
    expect(tooDeepAt(JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`))).toMatch(/^0(\.0){31}$/);
  });
});
