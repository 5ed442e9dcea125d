import type Papa from 'papaparse';
import { quoteFault, type QuoteFault } from './csv-quotes';
import { ROW_CUT, ROW_ODD, RowSplitter } from './csv-row-split';

/** A CSV file the import cannot read on from: the line of the fault, in `csv-parse`'s words and codes. */
export class CsvFault extends Error {
  constructor(
    message: string,
    readonly code: QuoteFault['code'],
    public column?: number | string,
  ) {
    super(message);
  }
}

/**
 * The rows of a CSV text given in pieces (a file read in chunks): each row's values and the line
 * it ends on, empty lines left out, as `csv-parse` gave them (a value may span lines, so a row's
 * line is not its index). A row whose quotes are plainly placed is split here (`RowSplitter`); from
 * the first other row on, papaparse splits the text, several times faster than `csv-parse`'s
 * character loop. The line breaks up to each row's end are counted here (`indexOf`, each break
 * once), and papaparse reads on past misplaced quotes, so a row it reads with a quote is checked
 * (`quoteFault`) and the first fault throws, after the rows before it.
 */
export class CsvRows {
  /** The text from the start of the first row not yet given. */
  private pending = '';
  /** Pending text a parse waits for: twice what last gave no row (a long quoted value), so a long wait is not parsed again and again. */
  private wanted = 0;
  private newline: string | undefined;
  private lineAtPending = 1;
  private input = '';
  private line = 1;
  /** The newline's last character: a line ends after each one (the file has one kind of newline). */
  private lineEnd = '\n';
  private nextBreak = -1;
  private nextQuote = -1;
  private rowStart = 0;
  private begun = false;
  private parser: Papa.Parser | undefined;

  constructor(private readonly onRow: (values: string[], line: number) => void) {}

  write(text: string): void {
    this.take(text);
    if (this.pending.length < this.wanted) return;
    this.newline ??= newlineOf(this.pending);
    if (this.newline === undefined) return;
    // Whole lines only: a row cut at the chunk's end (its values or a CRLF) waits for the next.
    const whole = this.pending.lastIndexOf(this.newline.at(-1)!) + 1;
    const consumed = this.parse(this.pending.slice(0, whole), false);
    this.wanted = consumed === 0 ? this.pending.length * 2 : 0;
    this.pending = this.pending.slice(consumed);
  }

  end(text: string): void {
    this.take(text);
    this.newline ??= newlineOf(this.pending, true) ?? '\n';
    this.parse(this.pending, true);
    this.pending = '';
  }

  /** The text after the file's byte order mark. */
  private take(text: string): void {
    this.pending += !this.begun && text.startsWith('\ufeff') ? text.slice(1) : text;
    this.begun ||= text !== '';
  }

  /** Gives the rows the input completes; the length of their text. */
  private parse(input: string, final: boolean): number {
    this.input = input;
    this.line = this.lineAtPending;
    this.rowStart = 0;
    this.lineEnd = this.newline!.at(-1)!;
    this.nextBreak = input.indexOf(this.lineEnd);
    const rows = new RowSplitter(input, this.newline!, final);
    while (this.rowStart < input.length) {
      const values: string[] = [];
      const end = rows.split(this.rowStart, values);
      if (end === ROW_CUT) break;
      if (end === ROW_ODD) {
        this.parseOdd(final);
        break;
      }
      this.give(values, end);
    }
    const consumed = this.rowStart;
    this.lineAtPending = this.lineAt(consumed);
    return consumed;
  }

  /** The rows from one `RowSplitter` does not split on, through papaparse, each row with a quote checked. */
  private parseOdd(final: boolean): void {
    const from = this.rowStart;
    this.nextQuote = this.input.indexOf('"', from);
    // The line ending the first line break names, as `csv-parse` took it.
    // papaparse is loaded at the first such row: most registers have none, and loading it was a
    // twentieth of the reader thread's start (about 1.5 ms an import).
    this.parser ??= new (require('papaparse') as typeof Papa).Parser({ newline: this.newline as Papa.ParseConfig['newline'], step: (result) => this.step(result as Papa.ParseStepResult<string[][]>) });
    // Its cursor counts from `from`, as the offsets of `input` do.
    const { errors } = this.parser.parse(this.input.slice(from), from, !final) as Papa.ParseResult<string[]>;
    if (errors.length > 0) this.fail();
  }

  /** A `Papa.Parser`'s step is given its rows as a list (of one), unlike `Papa.parse`'s. */
  private step({ data, errors, meta }: Papa.ParseStepResult<string[][]>): void {
    if (errors.length > 0) this.fail();
    const end = meta.cursor;
    if (this.nextQuote !== -1 && this.nextQuote < end) {
      const newline = this.newline!;
      const valuesEnd = this.input.startsWith(newline, end - newline.length) ? end - newline.length : end;
      const fault = quoteFault(this.input, this.rowStart, valuesEnd, newline);
      if (fault) this.throwFault(fault);
      this.nextQuote = this.input.indexOf('"', end);
    }
    this.give(data[0]!, end);
  }

  /** The row ending at `end` to `onRow`, with the line it ends on, unless it is an empty line. */
  private give(values: string[], end: number): void {
    const line = this.lineAt(end - 1);
    const empty = values.length === 1 && values[0] === '' && end - this.rowStart <= this.newline!.length;
    this.rowStart = end;
    if (!empty) this.onRow(values, line);
  }

  /** Line of a position of the input at or after the last one asked. */
  private lineAt(position: number): number {
    while (this.nextBreak !== -1 && this.nextBreak < position) {
      this.line++;
      this.nextBreak = this.input.indexOf(this.lineEnd, this.nextBreak + 1);
    }
    return this.line;
  }

  /** papaparse found a quote out of place in the row being read. */
  private fail(): never {
    this.throwFault(quoteFault(this.input, this.rowStart, this.input.length, this.newline!) ?? { code: 'CSV_QUOTE_NOT_CLOSED', at: this.rowStart });
  }

  private throwFault(fault: QuoteFault): never {
    const line = this.lineAt(fault.at);
    switch (fault.code) {
      case 'INVALID_OPENING_QUOTE':
        throw new CsvFault(`Invalid Opening Quote: a quote is found on field ${fault.field} at line ${line}, value is ${JSON.stringify(fault.value)}`, fault.code, fault.field);
      case 'CSV_INVALID_CLOSING_QUOTE':
        throw new CsvFault(
          `Invalid Closing Quote: got ${JSON.stringify(this.input[fault.at])} at line ${line} instead of delimiter, record delimiter, trimable character (if activated) or comment`,
          fault.code,
        );
      case 'CSV_QUOTE_NOT_CLOSED':
        throw new CsvFault(`Quote Not Closed: the parsing is finished with an opening quote at line ${line}`, fault.code);
    }
  }
}

/** The file's line ending, from its first line break (undefined before one is read: a CR may be a CRLF's). */
function newlineOf(text: string, final = false): string | undefined {
  const at = text.search(/[\r\n]/);
  if (at === -1 || (text[at] === '\r' && at === text.length - 1 && !final)) return undefined;
  return text[at] === '\n' ? '\n' : text[at + 1] === '\n' ? '\r\n' : '\r';
}
