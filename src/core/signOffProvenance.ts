/**
 * Whether a sign-off can be trusted. Anyone can type `state: approved` under someone else's name,
 * so a sign-off counts as **verified** only when the git commit that introduced its `state` line
 * was authored by the stakeholder's email, or carries a `Signed-off-by:` trailer with that email.
 * Everything else (a line not committed yet, a file git does not track, a stakeholder without an
 * email, a line that cannot be located, a clone whose history is cut short) is **unverified**.
 * Pending sign-offs need no provenance.
 *
 * The core only reads text: the adapters (CLI, extension) run `git blame` and hand over where
 * each line came from as {@link LineOrigin}s.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { locateFrontMatter } from './frontMatterEdit';
import { parseRecord } from './parse';
import { fieldKey } from './parseFrontMatter';
import { normaliseSignOffState } from './parseStatus';
import type { DecisionRecord, Problem, SignOff } from './record';
import { formatReference } from './references';

/** Where one line of a file came from, as `git blame` tells it. */
export interface LineOrigin {
  /** The commit that introduced the line; all zeros when the line is not committed yet. */
  commit: string;
  /** The commit's author email, without angle brackets. */
  authorEmail: string;
  /** Emails of the commit's `Signed-off-by:` trailers. */
  signedOffBy: readonly string[];
}

/** Origins by 0-based file line; only the lines asked for need to be there. */
export type LineOrigins = ReadonlyMap<number, LineOrigin>;

export type ProvenanceVerdict = 'verified' | 'unverified' | 'not-needed';

export type ProvenanceReason =
  /** not-needed: the stakeholder has not signed off yet (or the state is not one we know). */
  | 'pending'
  /** verified: the commit's author is the stakeholder. */
  | 'authored'
  /** verified: the commit carries a `Signed-off-by:` trailer with the stakeholder's email. */
  | 'signed-off-by'
  /** unverified: someone else committed the line. */
  | 'other-author'
  /** unverified: the line is not committed yet. */
  | 'uncommitted'
  /** unverified: git does not track the file (or there is no repository). */
  | 'not-in-git'
  /** unverified: the sign-off names no email to compare with. */
  | 'no-email'
  /** unverified: the `state` line could not be located, so no commit can vouch for it. */
  | 'unlocated'
  /**
   * unverified: the clone is shallow. `git blame` credits every line older than its oldest commit
   * to that commit, so it would vouch for a forged approval and reject a real one; no verdict.
   */
  | 'incomplete-history';

/** Given instead of line origins when the repository's history is cut short (a shallow clone). */
export const INCOMPLETE_HISTORY = 'incomplete-history';

export interface SignOffProvenance {
  /** Position in the record's `signOff` list (as the parser reads it). */
  index: number;
  name: string;
  email?: string;
  state: string;
  /** 0-based file line of the `state` value, when it could be located. */
  line?: number;
  verdict: ProvenanceVerdict;
  reason: ProvenanceReason;
  /** The commit that introduced the state line, when it is committed. */
  commit?: string;
  /** Author email of that commit. */
  committedBy?: string;
}

/** States a stakeholder takes a side with; only these need someone to vouch for them. */
const DECIDED_STATES: ReadonlySet<string> = new Set(['approved', 'objected', 'abstained']);

/** The keys the parser reads a sign-off's state from, in the order it tries them. */
const STATE_KEYS = ['state', 'status', 'decision'] as const;

export function needsProvenance(state: string): boolean {
  return DECIDED_STATES.has(state);
}

/** True for the commit git blame reports for lines that are only in the working tree. */
export function isUncommitted(commit: string): boolean {
  return /^0+$/.test(commit);
}

/**
 * The 0-based file line of each sign-off's `state` value, by position in the parser's sign-off
 * list; undefined where it cannot be located with certainty (a pending name-only entry, an alias,
 * front matter the YAML reader refuses, or an entry whose name or state reads differently from
 * what the parser saw). Never throws.
 */
export function signOffStateLines(text: string, signOffs: readonly SignOff[] = parseRecord('', text).signOff): (number | undefined)[] {
  const lines: (number | undefined)[] = signOffs.map(() => undefined);
  try {
    const located = locateEntries(text);
    // Same number of entries and each one agrees with the parser, or nothing is vouched for: a
    // line that belongs to another entry must never verify this one.
    if (located.length !== signOffs.length) return lines;
    located.forEach((entry, index) => {
      const signOff = signOffs[index];
      if (entry.name === signOff.name && entry.state === signOff.state) lines[index] = entry.line;
    });
  } catch {
    // A document the yaml package cannot take apart: nothing is located, nothing verified.
  }
  return lines;
}

/**
 * The provenance of every sign-off in `text` (`signOffs` as the parser reads them from it).
 * `origins` undefined means git does not track the file; {@link INCOMPLETE_HISTORY}, that git's
 * answer cannot be trusted. Never throws.
 */
export function signOffProvenance(
  text: string,
  origins: LineOrigins | typeof INCOMPLETE_HISTORY | undefined,
  signOffs: readonly SignOff[] = parseRecord('', text).signOff,
): SignOffProvenance[] {
  const lines = signOffStateLines(text, signOffs);
  return signOffs.map((signOff, index) => judge(signOff, index, lines[index], origins));
}

function judge(signOff: SignOff, index: number, line: number | undefined, origins: LineOrigins | typeof INCOMPLETE_HISTORY | undefined): SignOffProvenance {
  const base = { index, name: signOff.name, state: signOff.state, ...(signOff.email ? { email: signOff.email } : {}), ...(line === undefined ? {} : { line }) };
  if (!needsProvenance(signOff.state)) return { ...base, verdict: 'not-needed', reason: 'pending' };
  const unverified = (reason: ProvenanceReason, origin?: LineOrigin): SignOffProvenance => ({
    ...base,
    verdict: 'unverified',
    reason,
    ...(origin ? { commit: origin.commit, committedBy: origin.authorEmail } : {}),
  });
  if (line === undefined) return unverified('unlocated');
  if (!origins) return unverified('not-in-git');
  if (origins === INCOMPLETE_HISTORY) return unverified('incomplete-history');
  const origin = origins.get(line);
  if (!origin) return unverified('unlocated');
  if (isUncommitted(origin.commit)) return { ...base, verdict: 'unverified', reason: 'uncommitted' };
  const email = signOff.email?.trim();
  if (!email) return unverified('no-email', origin);
  const committed = { commit: origin.commit, committedBy: origin.authorEmail };
  if (sameEmail(origin.authorEmail, email)) return { ...base, verdict: 'verified', reason: 'authored', ...committed };
  if (origin.signedOffBy.some((trailer) => sameEmail(trailer, email))) return { ...base, verdict: 'verified', reason: 'signed-off-by', ...committed };
  return unverified('other-author', origin);
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** `verified`, `unverified: committed by ana@example.com`, …; empty for a pending sign-off. */
export function provenanceNote(provenance: SignOffProvenance): string {
  switch (provenance.reason) {
    case 'pending':
      return '';
    case 'authored':
      return 'verified';
    case 'signed-off-by':
      return `verified: signed off by ${provenance.email ?? provenance.name}`;
    case 'other-author':
      return `unverified: committed by ${provenance.committedBy ?? 'someone else'}`;
    case 'uncommitted':
      return 'unverified: not committed yet';
    case 'not-in-git':
      return 'unverified: the file is not in git';
    case 'no-email':
      return 'unverified: no email to check against';
    case 'unlocated':
      return 'unverified: its state line could not be traced';
    case 'incomplete-history':
      return 'cannot verify: this clone has only part of the history (fetch all of it)';
  }
}

/**
 * The `lint --verify-sign-offs` errors of one record: an accepted record that relies on an approval
 * nobody can vouch for. `DR-12 is accepted, but Sam Lee's approval (line 9) was committed by
 * ana@example.com, not sam@example.com`.
 */
export function unverifiedApprovalProblems(record: DecisionRecord, provenance: readonly SignOffProvenance[], prefix: string): Problem[] {
  if (record.status !== 'accepted') return [];
  const label = record.number === undefined ? `"${record.title}"` : formatReference(record.number, prefix);
  return provenance
    .filter((entry) => entry.state === 'approved' && entry.verdict === 'unverified')
    .map((entry) => {
      const where = entry.line === undefined ? '' : ` (line ${entry.line + 1})`;
      return {
        code: 'unverified-sign-off',
        severity: 'error',
        ...(entry.line === undefined ? {} : { line: entry.line }),
        message: `${label} is accepted, but ${entry.name || 'a stakeholder'}'s approval${where} ${whyUnverified(entry)}`,
      };
    });
}

function whyUnverified(entry: SignOffProvenance): string {
  switch (entry.reason) {
    case 'other-author':
      return `was committed by ${entry.committedBy ?? 'someone else'}, not ${entry.email ?? entry.name}`;
    case 'uncommitted':
      return 'is not committed yet';
    case 'not-in-git':
      return 'is in a file git does not track';
    case 'no-email':
      return 'names no email to check the commit against';
    case 'incomplete-history':
      return 'cannot be verified: this clone has only part of the history';
    default:
      return 'cannot be traced to a commit by its stakeholder';
  }
}

/** One sign-off entry as the yaml package reads it, with the line of its state. */
interface LocatedEntry {
  name: string;
  state: string;
  line?: number;
}

/**
 * The sign-off entries of the front matter in the order the parser lists them: the same key
 * choice (`sign-off`, then `sign-offs`, in any spelling), the same skipping of empty items, and
 * the last of repeated keys, as js-yaml's `json` mode keeps it.
 */
function locateEntries(text: string): LocatedEntry[] {
  const location = locateFrontMatter(text);
  if (location.kind !== 'closed') return [];
  const source = text.slice(location.contentStart, location.contentEnd);
  const document = parseDocument(source, { uniqueKeys: false, schema: 'core' });
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const fields = topLevelFields(document.contents.items);
  const list = ['signoff', 'signoffs'].map((key) => fields.get(key)).find((node) => node !== undefined && !isNull(node));
  if (!list) return [];
  const lineOf = lineCounter(text);
  const lineAt = (offset: number): number => lineOf(location.contentStart + offset);
  const items = isSeq(list) ? list.items : [list];
  const entries: LocatedEntry[] = [];
  for (const item of items) {
    const node = item as YamlNode | null;
    if (isNull(node)) continue;
    if (isScalar(node)) {
      // A bare name: a pending stakeholder, nothing to locate.
      entries.push({ name: scalarText(node.toJSON()).trim(), state: 'pending' });
      continue;
    }
    if (!isMap(node)) {
      // An alias or a nested list: the parser reads something, but no single line of this entry
      // says what; an entry that matches nothing is left unlocated.
      entries.push({ name: '\u0000', state: '\u0000' });
      continue;
    }
    const pairs = lastPairs(node.items);
    const value = (key: string): YamlNode | null | undefined => pairs.get(key)?.value as YamlNode | null | undefined;
    const nameNode = ['name', 'who', 'email'].map(value).find((candidate) => !isNull(candidate));
    const stateKey = STATE_KEYS.find((key) => !isNull(value(key)));
    const stateNode = stateKey === undefined ? undefined : value(stateKey);
    const stateValue = isScalar(stateNode) ? stateNode.toJSON() : stateNode === undefined ? undefined : '\u0000';
    const state = normaliseSignOffState(stateValue) ?? scalarText(stateValue).trim();
    const located = isScalar(stateNode) && stateNode.range ? lineAt(stateNode.range[0]) : undefined;
    entries.push({ name: isScalar(nameNode) ? scalarText(nameNode.toJSON()).trim() : '', state, ...(located === undefined ? {} : { line: located }) });
  }
  return entries;
}

/** Top-level values by normalised key, as the parser's field map ends up holding them. */
function topLevelFields(pairs: readonly Pair[]): Map<string, YamlNode | null> {
  const byRawKey = lastPairs(pairs);
  const fields = new Map<string, YamlNode | null>();
  // js-yaml keeps a repeated key at its first place with its last value; the parser's map then
  // lets a later spelling (`signoff` after `sign-off`) replace an earlier one.
  for (const [rawKey, pair] of byRawKey) fields.set(fieldKey(rawKey), pair.value as YamlNode | null);
  return fields;
}

/** Pairs by key text: insertion order of a key's first appearance, value of its last. */
function lastPairs(pairs: readonly Pair[]): Map<string, Pair> {
  const byKey = new Map<string, Pair>();
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined) byKey.set(key, pair);
  }
  return byKey;
}

function isNull(node: YamlNode | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return '';
  return String(value);
}

/** 0-based line of an offset, counting `\n` as git does (a CRLF file has the same lines). */
function lineCounter(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) breaks.push(index);
  return (offset) => {
    // The number of line breaks before the offset, by binary search.
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (breaks[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
