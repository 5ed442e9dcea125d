import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
  it('answers each argument once, undefined answers included', () => {
    const asked: string[] = [];
    const lengthOfShort = boundedMemo((text: string) => (asked.push(text), text.length < 3 ? text.length : undefined), 10);
    expect([lengthOfShort('ab'), lengthOfShort('ab'), lengthOfShort('abcd'), lengthOfShort('abcd')]).toEqual([2, 2, undefined, undefined]);
    expect(asked).toEqual(['ab', 'abcd']);
  });

  it('forgets everything once it holds its limit, then answers afresh', () => {
    const asked: number[] = [];
    const double = boundedMemo((n: number) => (asked.push(n), n * 2), 2);
    [1, 2, 3, 1].forEach((n) => double(n));
    expect(asked).toEqual([1, 2, 3, 1]);
  });
});
