/**
 * A quote where a CSV file may not have one: papaparse keeps a quote inside an unquoted value and
 * spaces after a closing quote as text, and reads on past a closing quote followed by text; the
 * import stops there instead, naming the fault as `csv-parse` (its earlier parser) did. `at` is
 * the offset of the offending character, `field` the index of an unquoted value's field.
 */
export type QuoteFault =
  | { code: 'INVALID_OPENING_QUOTE'; at: number; field: number; value: string }
  | { code: 'CSV_INVALID_CLOSING_QUOTE'; at: number }
  | { code: 'CSV_QUOTE_NOT_CLOSED'; at: number };

/**
 * The first fault of the row at `from`, whose values end at `to` (or, where the row's end is not
 * known, a line break after a closing quote ends it). Only the quotes are looked at: those outside
 * quoted values must open a value, and each closing one must end its value.
 */
export function quoteFault(text: string, from: number, to: number, newline: string, countingFields = false): QuoteFault | undefined {
  let at = from;
  let field = 0;
  for (;;) {
    const quote = text.indexOf('"', at);
    const stop = quote === -1 || quote >= to ? to : quote;
    if (countingFields) for (let comma = text.indexOf(',', at); comma !== -1 && comma < stop; comma = text.indexOf(',', comma + 1)) field++;
    if (stop === to) return undefined;
    if (quote !== from && text[quote - 1] !== ',') {
      // The field's index costs a count of the commas before: only for the fault.
      if (!countingFields) return quoteFault(text, from, to, newline, true);
      return { code: 'INVALID_OPENING_QUOTE', at: quote, field, value: text.slice(Math.max(text.lastIndexOf(',', quote - 1) + 1, at), quote) };
    }
    let close = text.indexOf('"', quote + 1);
    while (close !== -1 && text[close + 1] === '"') close = text.indexOf('"', close + 2);
    if (close === -1) return { code: 'CSV_QUOTE_NOT_CLOSED', at: quote };
    const after = close + 1;
    if (after === to || text.startsWith(newline, after)) return undefined;
    if (text[after] !== ',') return { code: 'CSV_INVALID_CLOSING_QUOTE', at: after };
    at = after + 1;
    field++;
  }
}
