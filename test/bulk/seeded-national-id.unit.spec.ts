import { hash } from 'node:crypto';
import { seededNationalId } from '../../src/bulk/command-ids';
import { issueNationalId } from '../../src/domain/shared/national-id';

/** The draw written out as it was first made: a closure handing out digits from SHA-256 of the seed, to `issueNationalId`. */
function spelledOut(seed: string, attempt: number): string {
  const text = `${seed}/${attempt}`;
  let bytes = hash('sha256', text, 'binary');
  let at = 0;
  let round = 0;
  return issueNationalId(() => {
    for (;;) {
      if (at === bytes.length) {
        bytes = hash('sha256', `${text}#${++round}`, 'binary');
        at = 0;
      }
      const byte = bytes.charCodeAt(at++);
      if (byte < 250) return byte % 10;
    }
  });
}

describe('seededNationalId', () => {
  it('draws the ID the digits of its seed spell, for any seed and attempt', () => {
    for (let n = 0; n < 3000; n++) {
      const seed = `import:${(n * 7919).toString(36)}`;
      for (const attempt of [0, 1, 7]) expect(seededNationalId(seed, attempt)).toBe(spelledOut(seed, attempt));
    }
  });
});
