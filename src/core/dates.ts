/**
 * Dates as people write them in decision records, read into ISO `YYYY-MM-DD`.
 *
 * Records carry a calendar day, not an instant, so nothing here goes through the local time zone:
 * `2021-07-15T23:30:00-05:00` is the 15th, as written.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** What a date field held: an ISO day, nothing at all (empty or a template placeholder), or text that is not a date. */
export type DateReading = { kind: 'date'; date: string } | { kind: 'empty' } | { kind: 'invalid'; text: string };

/**
 * Reads a date value from front matter or a `Date:` line. YAML may hand over a `Date` (parsers that
 * follow YAML 1.1 turn an unquoted `2021-07-15` into UTC midnight), a number (`20210715`) or a string.
 */
export function readDate(value: unknown): DateReading {
  if (value === undefined || value === null) return { kind: 'empty' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: 'invalid', text: String(value) };
    // UTC parts: the YAML parser made UTC midnight of the written day; local parts would shift it.
    return { kind: 'date', date: isoDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) };
  }
  if (typeof value === 'number') return readDateText(String(value));
  if (typeof value === 'string') return readDateText(value);
  return { kind: 'invalid', text: JSON.stringify(value) ?? String(value) };
}

/** The ISO day a text states, or undefined. */
export function normaliseDate(value: unknown): string | undefined {
  const reading = readDate(value);
  return reading.kind === 'date' ? reading.date : undefined;
}

function readDateText(raw: string): DateReading {
  const text = raw.trim().replace(/^["'`*_]+|["'`*_]+$/g, '').trim();
  if (text === '' || isPlaceholder(text)) return { kind: 'empty' };
  const date = parseDay(text);
  return date ? { kind: 'date', date } : { kind: 'invalid', text: raw.trim() };
}

/** Template leftovers such as `{YYYY-MM-DD when the decision was last updated}` or `[date]` are no date, and no error either. */
function isPlaceholder(text: string): boolean {
  return /^[[{<].*[\]}>]$/.test(text) || /yyyy|\bdd\b|\bmm\b/i.test(text) || /^(tbd|n\/?a|-+|none|todo|\?+)$/i.test(text);
}

function parseDay(text: string): string | undefined {
  // The common case first: an index reads thousands of these.
  if (text.length === 10 && /^\d{4}-\d\d-\d\d$/.test(text)) {
    const day = checkedDay(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
    if (day !== undefined) return day;
  }
  let match: RegExpExecArray | null;
  // ISO and its relatives: 2021-07-15, 2021/7/5, 2021.07.15, 2021-07-15T10:00:00Z, 2021-07-15 10:00.
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s]\d|\s*\()/.exec(text))) {
    return checkedDay(+match[1], +match[2], +match[3]);
  }
  // 20210715
  if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return checkedDay(+match[1], +match[2], +match[3]);
  // 23/03/2020, 3/25/21, 01.10.2025, 15-07-2021: day first unless that cannot be (a US month/day),
  // because the records that use these forms (German, British, EU teams) write the day first.
  if ((match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text))) {
    const first = +match[1];
    const second = +match[3];
    const year = fullYear(match[4]);
    if (second > 12 && first <= 12) return checkedDay(year, first, second);
    return checkedDay(year, second, first);
  }
  // July 15 2021, Jul 15th, 2021, July 15, 2021
  if ((match = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text))) {
    const month = monthNumber(match[1]);
    return month ? checkedDay(+match[3], month, +match[2]) : undefined;
  }
  // 15 July 2021, 15. July 2021, 15th of July, 2021
  if ((match = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})$/i.exec(text))) {
    const month = monthNumber(match[2]);
    return month ? checkedDay(+match[3], month, +match[1]) : undefined;
  }
  return undefined;
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function checkedDay(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth ? isoDay(year, month, day) : undefined;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
