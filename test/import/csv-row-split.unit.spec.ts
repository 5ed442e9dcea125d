import fc from 'fast-check';
import Papa from 'papaparse';
import { ROW_CUT, ROW_ODD, RowSplitter } from '../../src/import/csv-row-split';

/** Every row of a text as `RowSplitter` splits it, with the offset each ends at, up to the first row it does not split. */
function split(text: string, newline: string, final = true): Array<[string[], number]> {
  const rows = new RowSplitter(text, newline, final);
  const out: Array<[string[], number]> = [];
  for (let at = 0; at < text.length; ) {
    const values: string[] = [];
    const end = rows.split(at, values);
    out.push([values, end]);
    if (end < 0) break;
    at = end;
  }
  return out;
}

/** papaparse's rows of the same text, each with the cursor after it. */
function papaparsed(text: string, newline: string): Array<[string[], number]> {
  const out: Array<[string[], number]> = [];
  const parser = new Papa.Parser({ newline: newline as Papa.ParseConfig['newline'], step: (result) => out.push([(result as Papa.ParseStepResult<string[][]>).data[0]!, result.meta.cursor]) });
  parser.parse(text, 0, false);
  // papaparse gives an empty row after a last line end.
  if (out.length > 1 && out.at(-2)![1] === text.length) out.pop();
  return out;
}

describe('CSV rows split without papaparse', () => {
  it.each([
    ['quoted values with commas, doubled quotes and line breaks, empty values', '\n', 'h,i,j\n"a,b",,"c ""d"""\n,"",\n"e\nf","g\n\nh",i\n"",x,""\nلا,"نعم، ""لا"""\n'],
    ['CRLF, a lone LF inside a value, no last line end', '\r\n', 'h,i\r\na\nb,"c\r\nd"\r\n\r\n"e",f'],
    ['CR line ends', '\r', 'h,i\r"a\rb",c\r,\r'],
    ['no quotes at all', '\n', 'a,b,c\nd,e,f\n\ng,h,i'],
  ])('gives papaparse\'s values and ends for %s', (_, newline, text) => {
    expect(split(text, newline)).toEqual(papaparsed(text, newline));
  });

  it('waits for the rest of a row the text cuts, unless the text is all there is', () => {
    expect(split('a,"b\nc', '\n', false)).toEqual([[['a'], ROW_CUT]]);
    expect(split('a,"b""', '\n', false)).toEqual([[['a'], ROW_CUT]]);
    expect(split('a,b', '\n', false)).toEqual([[[], ROW_CUT]]);
    expect(split('a,"b"', '\n', true)).toEqual([[['a', 'b'], 5]]);
    expect(split('a,"b\nc', '\n', true)).toEqual([[['a'], ROW_ODD]]);
  });

  it.each([
    ['a quote inside an unquoted value', 'a,b"c,d\n'],
    ['a quote ending an unquoted value', 'a,bc"\n'],
    ['text after a closing quote', 'a,"b"c,d\n'],
    ['spaces after a closing quote', 'a,"b"  ,d\n'],
    ['a space before an opening quote', 'a, "b"\n'],
  ])('leaves a row with %s to papaparse', (_, text) => {
    expect(split(text, '\n').at(-1)![1]).toBe(ROW_ODD);
  });

  it('finds the quotes of a later row after rows without any', () => {
    const text = `${'a,b\n'.repeat(50)}"c,d",e\n`;
    expect(split(text, '\n').at(-1)).toEqual([['c,d', 'e'], text.length]);
  });

  it('gives papaparse\'s rows for any text, up to the first row it leaves to papaparse', () => {
    // Texts of the characters that matter to CSV: separators, quotes, each line end, a space, Arabic.
    const texts = fc.array(fc.constantFrom('a', 'ب', ',', '"', '""', '\n', '\r', '\r\n', ' ', ''), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, fc.constantFrom('\n', '\r\n', '\r'), (text, newline) => {
        const ours = split(text, newline);
        const theirs = papaparsed(text, newline);
        const given = (ours.at(-1)?.[1] ?? 0) < 0 ? ours.slice(0, -1) : ours;
        expect(given).toEqual(theirs.slice(0, given.length));
        if (given.length < ours.length) expect(ours.at(-1)![1]).toBe(ROW_ODD);
        else expect(given).toEqual(theirs);
      }),
      { numRuns: 2_000 },
    );
  });
});
