import { CsvRows } from '../../src/import/csv-rows';

/** The rows and the fault of a text given in pieces of `size` characters. */
function read(text: string, size: number): unknown[] {
  const out: unknown[] = [];
  const rows = new CsvRows((values, line) => out.push([line, values]));
  try {
    for (let at = 0; at < text.length; at += size) rows.write(text.slice(at, at + size));
    rows.end('');
  } catch (error) {
    out.push((error as Error).message);
  }
  return out;
}

describe('CSV rows of a text read in pieces', () => {
  const texts: Array<[string, string]> = [
    ['LF, quoted values with line breaks, commas and quotes, blank lines', '\ufeffh,i\n"a\n\nb",c\n\n"d ""e"", f"\n""\nسالم,"علي\nمحمد"\n\n'],
    ['CRLF, a value on several lines, no line end at the end', 'h,i\r\n"a\r\nb",c\r\n\r\nd,"e"'],
    ['a closing quote followed by text after good rows', 'h,i\na,b\nc,"d\ne"f\ng,h\n'],
    ['a quote left open', 'h,i\na,b\nc,"d\ne,f\n'],
  ];

  it.each(texts)('gives the same rows and fault whatever the pieces, for %s', (_, text) => {
    const whole = read(text, text.length);
    for (const size of [1, 2, 3, 5, 7]) expect(read(text, size)).toEqual(whole);
  });

  it('gives each row the line it ends on', () => {
    expect(read('h,i\r\n"a\r\nb",c\r\n\r\nd,"e"', 3)).toEqual([
      [1, ['h', 'i']],
      [3, ['a\r\nb', 'c']],
      [5, ['d', 'e']],
    ]);
  });

  it('names the line of a fault and gives the rows before it', () => {
    expect(read('h,i\na,b\nc,"d\ne"f\ng,h\n', 2)).toEqual([[1, ['h', 'i']], [2, ['a', 'b']], expect.stringMatching(/^Invalid Closing Quote: got "f" at line 4 /)]);
  });
});
