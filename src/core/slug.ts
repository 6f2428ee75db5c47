/**
 * Slugs for record file names: readable, lower-case, safe on every file system we may meet
 * (Windows included), and never a path of their own.
 */
import { formatNumber } from './naming';

/** Longest slug; keeps `0012-<slug>.md` well inside path limits and readable in a file list. */
export const MAX_SLUG_LENGTH = 60;

const UNTITLED = 'untitled';

/** Names Windows refuses for a file whatever the extension (`con.md` cannot be created). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Latin letters that do not decompose under NFKD but have a customary ASCII spelling. */
const LATIN_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Turns a title into a file-name slug: `Bill annual plans upfront!` → `bill-annual-plans-upfront`,
 * `Café à la carte` → `cafe-a-la-carte`, `日本語の決定` stays as it is. Never empty, never contains a
 * path separator or dot, at most {@link MAX_SLUG_LENGTH} characters.
 */
export function slugify(title: string): string {
  const lowered = title.normalize('NFKD').toLowerCase();
  // Strip diacritics from Latin letters only: in other scripts combining marks carry meaning
  // (Japanese dakuten, Devanagari vowel signs), so those are recomposed below instead.
  const folded = lowered
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[ßæœøłđðþı]/g, (letter) => LATIN_FOLDS[letter] ?? letter);
  const slug = folded
    // Apostrophes join a word rather than separate two: "don't" → "dont".
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    // A combining mark with nothing to combine with would start the name with an invisible character.
    .replace(/^[-\p{M}]+|-+$/gu, '');
  const cut = truncateAtDash(slug, MAX_SLUG_LENGTH);
  if (cut === '') return UNTITLED;
  return WINDOWS_RESERVED.test(cut) ? `${cut}-decision` : cut;
}

/** The file name of a numbered record: `recordFileName(12, 'Bill annual plans upfront')` → `0012-bill-annual-plans-upfront.md`. */
export function recordFileName(number: number, title: string): string {
  return `${formatNumber(number)}-${slugify(title)}.md`;
}

/**
 * The file name of a record in a dated log (log4brains): `datedRecordFileName('2026-11-22', 'Use X')`
 * → `20261122-use-x.md`. `suffix` (2, 3, …) tells apart records of the same day and title.
 */
export function datedRecordFileName(isoDate: string, title: string, suffix?: number): string {
  // Digits only: the date is text from a caller, and its `/` or `..` must never become part of a path.
  const day = isoDate.replace(/\D/g, '');
  return `${day}-${slugify(title)}${suffix && suffix > 1 ? `-${suffix}` : ''}.md`;
}

/** Cuts to at most `max` code points, preferring the last dash so words stay whole. */
function truncateAtDash(slug: string, max: number): string {
  const codePoints = [...slug];
  if (codePoints.length <= max) return slug;
  const head = codePoints.slice(0, max).join('');
  if (codePoints[max] === '-') return head;
  const dash = head.lastIndexOf('-');
  // A single very long word has no dash to cut at: cut it hard rather than return nothing.
  return (dash > 0 ? head.slice(0, dash) : head).replace(/-+$/, '');
}
