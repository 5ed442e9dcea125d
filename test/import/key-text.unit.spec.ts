import { hash } from 'node:crypto';
import { KeyText } from '../../src/import/key-text';

/** The key of a JSON string's content, hashed from the string as Node encodes it. */
const keyOfString = (text: string) => `import:${hash('sha256', JSON.stringify(text).slice(1, -1), 'base64url').slice(0, 32)}`;

const keyOf = (keyText: KeyText, text: string) => {
  keyText.start();
  keyText.jsonContent(text);
  return keyText.key();
};

describe('a key text written as UTF-8', () => {
  const units = ['a', ' ', '"', '\\', '\u0000', '\u001f', '\u007f', 'é', 'ع', '\u0800', '\u2028', '\uffff', '\ud83d', '\udc6a', '\ud83d\udc6a', '\udbff\udfff'];

  it('hashes as the string would, whatever its characters (pairs, lone surrogates, escapes)', () => {
    const keyText = new KeyText();
    let seed = 11;
    const pick = () => units[(seed = (seed * 48271) % 2147483647) % units.length]!;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: n % 13 }, pick).join('');
      expect(keyOf(keyText, text)).toBe(keyOfString(text));
    }
  });

  it('grows past its first buffer, and hashes each text alone', () => {
    const keyText = new KeyText();
    const long = 'عربي "quoted" 👪 '.repeat(400);
    expect(keyOf(keyText, 'short')).toBe(keyOfString('short'));
    expect(keyOf(keyText, long)).toBe(keyOfString(long));
    // As long as a text hashed before the buffer grew: its bytes are the new buffer's.
    expect(keyOf(keyText, 'other')).toBe(keyOfString('other'));
    expect(keyOf(keyText, long + long)).toBe(keyOfString(long + long));
  });
});
