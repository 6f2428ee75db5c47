/**
 * Status words as real logs write them (`Accepted`, `**Approved** (by TSC vote)`, `superseded by
 * ADR-0123`, `✅`, `on hold`), read into the five known statuses, plus the record numbers a status or
 * a reference field points at.
 */
import { numberFromFileName } from './naming';
import { SIGN_OFF_STATES, type SignOffState, type Status } from './record';

/** What a piece of status text says. */
export interface StatusReading {
  /** Undefined when the text is not understood; the caller keeps the text as written. */
  status?: Status;
  supersededBy: number[];
  supersedes: number[];
}

/**
 * Leading words per status. A status is read from the start of the text, so `Approved by the TSC on
 * 3/25/21` is accepted and prose that merely mentions a status word is not.
 *
 * Choices worth knowing:
 * - `on hold`, `pending`, `open`, `in progress`: not decided yet, so `proposed`.
 * - `partly superseded` (alphagov): `superseded`; the newer record is where a reader should look,
 *   and the status text keeps the "partly".
 * - `amended`: still in force, so `accepted`.
 */
const STATUS_WORDS: readonly [Status, RegExp][] = [
  ['superseded', /^(?:(?:partly|partially|part|in part)\s+)?(?:superseded|superceded|superseeded|replaced|overridden|overruled)(?![\p{L}])/u],
  ['accepted', /^(?:accepted|accept|approved|approve|adopted|agreed|done|active|implemented|decided|final|ratified|completed|complete|current|in force|in effect|live|amended|valid|chosen|confirmed)(?![\p{L}])/u],
  ['proposed', /^(?:proposed|proposal|propose|draft|drafted|drafting|pending|open|in progress|in-progress|wip|work in progress|under review|in review|review|reviewing|ready for review|under discussion|in discussion|discussion|discussing|suggested|suggestion|rfc|request for comments|on hold|on-hold|hold|planned|undecided|new|todo|to do|tbd|not started|idea|exploring|investigating|requested|submitted|needs review|needs discussion|unresolved|postponed|deferred|parked|tentative)(?![\p{L}])/u],
  ['rejected', /^(?:rejected|reject|declined|refused|not accepted|not approved|dismissed|abandoned|withdrawn|cancelled|canceled|denied|won'?t do|vetoed)(?![\p{L}])/u],
  ['deprecated', /^(?:deprecated|retired|obsolete|outdated|archived|sunset|sunsetted|revoked|expired|invalidated|no longer (?:valid|applies|relevant|in use)|legacy|historic|historical)(?![\p{L}])/u],
];

/** Emoji some teams use instead of (or before) a word; a word wins when there is one. */
const STATUS_EMOJI: readonly [Status, RegExp][] = [
  ['accepted', /[✅✔☑👍🟢]/u],
  ['rejected', /[❌✖🚫⛔👎🔴]/u],
  ['deprecated', /[🗑⚰]/u],
  ['superseded', /[♻🔁]/u],
  ['proposed', /[🚧⏳⌛📝💬🤔🟡🟠⏸]/u],
];

/** `supersedes …` / `replaces …`, in plain status words; adr-tools writes "Supercedes" (sic). */
export const SUPERSEDES = /^super[sc]e[cd]es\b|^replaces\b/;
/** `superseded by …` / `replaced by …`, in plain status words; adr-tools writes "Superceded by" (sic). */
export const SUPERSEDED_BY = /^super[sc]e[cd]ed by\b|^replaced by\b/;
/** `amended by …` / `amends …`: a related record, in plain status words. */
export const AMENDS = /^amended by\b|^amends\b|^amending\b|^amendment (?:of|to)\b/;

/** Reads a status text; the record numbers in `superseded by …` / `supersedes …` clauses come along. */
export function interpretStatus(text: string): StatusReading {
  const reading: StatusReading = { supersededBy: [], supersedes: [] };
  // `accepted; supersedes ADR-0045` (JabRef): the first clause is the status, the others add links.
  const clauses = text.split(/\s*[;\n]\s*|[,.]\s+(?=super[sc]e|replace)/i).filter((clause) => clause.trim() !== '');
  clauses.forEach((clause, index) => {
    const words = plainStatusWords(clause);
    if (SUPERSEDES.test(words)) {
      reading.supersedes.push(...referencesIn(clause));
      return;
    }
    const status = statusOfWords(words) ?? (words === '' || index === 0 ? statusOfEmoji(clause) : undefined);
    if (status === 'superseded' && /\bby\b/.test(words)) reading.supersededBy.push(...referencesIn(clause.replace(/^[^]*?\bby\b/i, '')));
    reading.status ??= status;
  });
  reading.supersededBy = unique(reading.supersededBy);
  reading.supersedes = unique(reading.supersedes);
  return reading;
}

/**
 * Status text without markdown, emoji and punctuation around it, lower-case:
 * `** Approved ** (by TSC vote)` → `approved (by tsc vote)`, `[approved](https://…)` → `approved`.
 */
export function plainStatusWords(text: string): string {
  return text
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function statusOfWords(words: string): Status | undefined {
  for (const [status, pattern] of STATUS_WORDS) if (pattern.test(words)) return status;
  return undefined;
}

function statusOfEmoji(text: string): Status | undefined {
  for (const [status, pattern] of STATUS_EMOJI) if (pattern.test(text)) return status;
  return undefined;
}

/**
 * Record numbers a text refers to: markdown link targets first (`[5. Foo](0005-foo.md)`,
 * `[ADR-0019](0019-x.md)`), otherwise `ADR-0123`, `DR-7`, `#12`, `0007` or a bare `7`.
 */
export function referencesIn(text: string): number[] {
  const targets = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)]
    .map((match) => numberFromFileName(baseName(match[1])))
    .filter((number): number is number => number !== undefined);
  if (targets.length > 0) return unique(targets);
  const withoutTargets = text.replace(/\]\([^)]*\)/g, ']').replace(/<?https?:\/\/\S+/g, ' ');
  const numbers = [...withoutTargets.matchAll(/(?:\b(?:adr|dr|rfc|decision|record)\s*[-_#]?\s*|#|(?<![\w./-]))(\d{1,5})(?![\w/]|[.-]\d)/gi)].map((match) => Number(match[1]));
  return unique(numbers);
}

/**
 * Numbers from a front-matter reference field: `7`, `"0007"`, `DR-7`, `ADR-0007`, `0007-foo.md`,
 * or a list of those.
 */
export function referenceNumbers(value: unknown): number[] {
  if (Array.isArray(value)) return unique(value.flatMap((item) => referenceNumbers(item)));
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? [value] : [];
  if (typeof value === 'string') {
    const fromName = /\.(md|mdx|markdown)\b/i.test(value) && !/\]\(/.test(value) ? numberFromFileName(baseName(value.trim())) : undefined;
    return fromName === undefined ? referencesIn(value) : [fromName];
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return referenceNumbers(object.number ?? object.adr ?? object.id ?? object.path ?? object.file);
  }
  return [];
}

const SIGN_OFF_WORDS: readonly [SignOffState, RegExp][] = [
  ['approved', /^(?:approved|approve|accepted|accept|agreed|agree|yes|lgtm|signed|signed off|ok|okay|\+1|👍|✅|✔)$/u],
  ['objected', /^(?:objected|object|objection|objects|rejected|reject|declined|decline|disagree|disagreed|no|-1|👎|❌)$/u],
  ['abstained', /^(?:abstained|abstain|abstains|abstention|neutral|0)$/u],
  ['pending', /^(?:pending|waiting|requested|awaiting|open|todo|to do|tbd|\?)$/u],
];

/** A sign-off state as written, normalised when it is a known one; undefined for text that is not. */
export function normaliseSignOffState(value: unknown): SignOffState | undefined {
  if (value === undefined || value === null) return 'pending';
  const words = String(value).replace(/[*_`]+/g, '').trim().toLowerCase();
  if (words === '') return 'pending';
  if ((SIGN_OFF_STATES as readonly string[]).includes(words)) return words as SignOffState;
  for (const [state, pattern] of SIGN_OFF_WORDS) if (pattern.test(words)) return state;
  return undefined;
}

function baseName(path: string): string {
  const clean = decodeURIComponentSafely(path.replace(/[?#].*$/, ''));
  return clean.slice(clean.lastIndexOf('/') + 1);
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function unique(numbers: number[]): number[] {
  return [...new Set(numbers)];
}
