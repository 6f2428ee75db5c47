/**
 * File names of records: the number that is a record's identity, the slug made from its title, and
 * which files in a decision folder are records at all.
 */

/** Files that live in decision folders but are not records (log4brains, MADR and Docusaurus leave these). */
const NOT_RECORDS = /^(readme|index|template|adr-template|_?category_?|toc|contributing|changelog)(\.[^.]*)?$/i;
const MARKDOWN = /\.(md|mdx|markdown)$/i;

/** True when a file name in a decision folder looks like a record (markdown, not a README/index/template). */
export function isRecordFileName(name: string): boolean {
  if (!MARKDOWN.test(name) || name.startsWith('.')) return false;
  const stem = name.replace(MARKDOWN, '');
  return !NOT_RECORDS.test(stem) && !isTemplateStem(stem);
}

/**
 * `template`, `adr-template`, `adr000-template`, `0000-template`, `template-madr`, `madr-template`
 * are templates. A name with a record number or a date is a record, even about templates
 * (`0012-template-engine`, `0039-use-apache-velocity-as-template-engine`), unless it is only `template`.
 */
function isTemplateStem(stem: string): boolean {
  const numbered = /^(?:(?:adr|dr|rfc)[-_ ]?)?0*[1-9]\d*[-_ ]/i.test(stem);
  const words = stem.replace(/^(?:(?:adr|dr|rfc)[-_ ]?)?\d*[-_ ]?/i, '');
  return numbered ? /^template$/i.test(words) : /^template(?:[-_ ]|$)|[-_ ]template$/i.test(words);
}

/**
 * The record number a file name starts with: `0012-bill-upfront.md` → 12, `adr-007-x.md` → 7,
 * `ADR012 title.md` → 12. Dated names (`20240131-slug.md`, log4brains) and names without a leading
 * number have none.
 */
export function numberFromFileName(name: string): number | undefined {
  const match = /^(?:(?:adr|dr|rfc)[-_ ]?)?(\d{1,6})(?=[-_. ]|$)/i.exec(name);
  if (!match) return undefined;
  const digits = match[1];
  // Eight digits starting with a plausible year are a date, not a number (log4brains: 20240131-…).
  if (digits.length === 8 && /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(digits)) return undefined;
  if (digits.length > 5) return undefined;
  return Number(digits);
}

/** The four-digit form used in file names: 12 → `0012`. Numbers past 9999 keep all their digits. */
export function formatNumber(number: number): string {
  return String(number).padStart(4, '0');
}
