/**
 * Renumber Decision…: the plan that moves one record to another number (by default the next free
 * one) and rewrites what referred to it. Pure: it maps the log's records and the current texts of
 * its files to a new path and per-file text edits, or a refusal with a message.
 *
 * Which references "meant" the moved record? After two branches each added a record 14 and were
 * merged, `DR-14` is ambiguous. The rule:
 * - In the moved record's own file every reference to its number meant the record itself (it was
 *   written where 14 was this record), and an adr-tools title `# 14. Title` carries the number too.
 * - A markdown link that names the moved file (`[14. Title](0014-slug.md)`, `[DR-14](./0014-slug.md)`)
 *   means it, wherever it is: its target and the number in its text are always updated. A link that
 *   names another file of the same number means that file and is never touched.
 * - Any other reference in another file (`DR-14` in prose, `supersedes: [14]`, `related: [14]`) is
 *   certain when no other record has the number, and ambiguous when one does: the plan lists those
 *   apart, so the caller asks (showing how many) before including them. The other records that
 *   keep the number are never given ambiguous edits: there `DR-14` is most likely themselves.
 * Absolute URLs are classified like relative links, but only their text is rewritten: a URL points
 * at a published version, which keeps its name.
 */
import { baseName, dirName, joinPath } from './fileSystem';
import { applyEdits } from './frontMatterEdit';
import type { TextEdit } from './frontMatterEdit';
import { numberFromFileName } from './naming';
import type { DecisionRecord } from './record';
import { renumberReferences } from './recordEdits';
import { findReferences, formatReference } from './references';

export interface RenumberInput {
  /** Every record of the log. */
  records: readonly DecisionRecord[];
  /**
   * The current text of the files to update, by path (the moved record's at least). Other
   * markdown files of the decision folder (an adr-tools README with its table of contents) may be
   * given too; their links to the moved file are updated like a record's.
   */
  texts: ReadonlyMap<string, string>;
  /** Path of the record to move. */
  path: string;
  /** The reference prefix (`DR`, `ADR`). */
  prefix: string;
  /** The new number; the next free one when left out. */
  to?: number;
}

/** Text edits for one file, as offsets into the text the plan was given. */
export interface FileEdits {
  path: string;
  edits: TextEdit[];
}

export interface RenumberPlan {
  ok: true;
  from: number;
  to: number;
  oldPath: string;
  newPath: string;
  /** The other records with the old number, which keep it. */
  sharing: string[];
  /** Edits that surely mean the moved record, the moved file's own edits first. */
  certain: FileEdits[];
  /** References in other files that may mean a record that keeps the number; empty when none shares it. */
  ambiguous: FileEdits[];
}

export type RenumberResult = RenumberPlan | { ok: false; message: string };

/** The plan, or why there is none. Never throws on bad input. */
export function planRenumber(input: RenumberInput): RenumberResult {
  const { records, texts, path, prefix } = input;
  const record = records.find((candidate) => candidate.path === path);
  if (!record) return refuse(`${path} is not a record of this log.`);
  const oldName = baseName(path);
  const from = numberFromFileName(oldName);
  if (from === undefined) return refuse(`${oldName} has no number in its file name, so there is nothing to renumber.`);
  const to = input.to ?? nextFreeNumber(records);
  if (!Number.isInteger(to) || to < 1 || to > 99999) return refuse(`${to} is not a record number.`);
  if (to === from) return refuse(`${oldName} already has number ${to}.`);
  const taken = records.find((other) => other.number === to || numberFromFileName(baseName(other.path)) === to);
  if (taken) return refuse(`${formatReference(to, prefix)} is taken by ${taken.path}.`);
  const newName = renamed(oldName, to);
  const newPath = joinPath(dirName(path), newName);
  if (texts.has(newPath) || records.some((other) => other.path === newPath)) return refuse(`${newPath} exists already.`);
  const ownText = texts.get(path);
  if (ownText === undefined) return refuse(`The text of ${oldName} could not be read.`);

  const sharing = records.filter((other) => other.path !== path && (other.number === from || numberFromFileName(baseName(other.path)) === from));
  const sharingPaths = new Set(sharing.map((other) => other.path));
  const moved: MovedFile = { from, to, oldName, newName };

  const own = renumberReferences(ownText, from, to, prefix);
  if (!own.ok) return refuse(`${oldName} cannot be edited: ${own.message}`);
  const ownLinks = scanLinks(ownText, moved);
  const ownEdits = [
    ...own.edits.filter((edit) => !ownLinks.others.some((span) => overlaps(edit, span))),
    ...ownLinks.edits,
    ...titleHeadingEdits(ownText, from, to),
  ];

  const certain: FileEdits[] = [{ path, edits: withoutOverlaps(ownEdits) }];
  const ambiguous: FileEdits[] = [];
  const byPath = new Map(records.map((candidate) => [candidate.path, candidate]));
  const paths = new Set([...texts.keys(), ...records.map((candidate) => candidate.path)]);
  for (const other of [...paths].sort()) {
    if (other === path) continue;
    const text = texts.get(other);
    const otherRecord = byPath.get(other);
    const listsName = otherRecord !== undefined && listsNumber(otherRecord, from);
    if (text === undefined) {
      // A record we could not read but whose lists name the number would keep a stale reference.
      if (listsName && !sharingPaths.has(other)) return refuse(`${other} refers to ${formatReference(from, prefix)} but could not be read.`);
      continue;
    }
    const links = scanLinks(text, moved);
    if (links.edits.length > 0) certain.push({ path: other, edits: links.edits });
    if (sharingPaths.has(other)) continue;
    const references = renumberReferences(text, from, to, prefix);
    if (!references.ok) {
      const mentions = listsName || findReferences(text, prefix).some((reference) => reference.number === from && !insideAny(reference, links.all));
      if (mentions) return refuse(`${other} refers to ${formatReference(from, prefix)} but cannot be edited: ${references.message}`);
      continue;
    }
    // Link spans are settled by the links' targets: naming the moved file (done above) or another.
    const free = references.edits.filter((edit) => !links.all.some((span) => overlaps(edit, span)));
    if (free.length === 0) continue;
    (sharing.length > 0 ? ambiguous : certain).push({ path: other, edits: free });
  }
  return { ok: true, from, to, oldPath: path, newPath, sharing: sharing.map((other) => other.path), certain, ambiguous };
}

/** The edits to apply, per file in the plan's order: the certain ones, plus the ambiguous ones when asked. */
export function planEdits(plan: RenumberPlan, includeAmbiguous: boolean): FileEdits[] {
  const merged = new Map<string, TextEdit[]>();
  for (const file of includeAmbiguous ? [...plan.certain, ...plan.ambiguous] : plan.certain) {
    merged.set(file.path, [...(merged.get(file.path) ?? []), ...file.edits]);
  }
  return [...merged].map(([path, edits]) => ({ path, edits: withoutOverlaps(edits) }));
}

/** How many edits, and in how many files. */
export function countEdits(files: readonly FileEdits[]): { edits: number; files: number } {
  const changed = files.filter((file) => file.edits.length > 0);
  return { edits: changed.reduce((sum, file) => sum + file.edits.length, 0), files: changed.length };
}

/** Applies a plan's edits to texts, for callers without an editor (the CLI, tests). */
export function applyPlan(texts: ReadonlyMap<string, string>, files: readonly FileEdits[]): Map<string, string> {
  const result = new Map(texts);
  for (const file of files) {
    const text = result.get(file.path);
    if (text !== undefined) result.set(file.path, applyEdits(text, file.edits));
  }
  return result;
}

/** One past the highest number the log uses, in file names or front matter; gaps stay gaps. */
export function nextFreeNumber(records: readonly DecisionRecord[]): number {
  let highest = 0;
  for (const record of records) {
    for (const number of [record.number, numberFromFileName(baseName(record.path))]) {
      if (number !== undefined && number > highest) highest = number;
    }
  }
  return highest + 1;
}

/** The file name with its number replaced, keeping its padding and any `adr-` prefix: `0014-x.md` → `0017-x.md`. */
export function renamed(fileName: string, to: number): string {
  const match = /^((?:adr|dr|rfc)[-_ ]?)?(\d{1,6})/i.exec(fileName);
  if (!match) return fileName;
  const prefix = match[1] ?? '';
  return `${prefix}${String(to).padStart(match[2].length, '0')}${fileName.slice(match[0].length)}`;
}

// --- helpers --------------------------------------------------------------------------------------

interface MovedFile {
  from: number;
  to: number;
  oldName: string;
  newName: string;
}

interface Span {
  start: number;
  end: number;
}

interface ScannedLinks {
  /** Edits to the links that name the moved file. */
  edits: TextEdit[];
  /** Links naming a file with the old number: the moved file or another; references inside are settled. */
  all: Span[];
  /** Links naming another file with the old number. */
  others: Span[];
}

/** `[text](target "title")`, with the target optionally in angle brackets. */
const INLINE_LINK = /\[((?:[^[\]\n]|\[[^\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^)\s]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
/** A reference definition `[label]: target`. */
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;

function scanLinks(text: string, moved: MovedFile): ScannedLinks {
  const result: ScannedLinks = { edits: [], all: [], others: [] };
  const visit = (span: Span, label: Span | undefined, targetStart: number, rawTarget: string): void => {
    const target = rawTarget.startsWith('<') ? rawTarget.slice(1, -1) : rawTarget;
    const offset = targetStart + (rawTarget.startsWith('<') ? 1 : 0);
    const named = targetFileName(target);
    if (!named || numberFromFileName(named.name) !== moved.from) return;
    result.all.push(span);
    if (named.name !== moved.oldName) {
      result.others.push(span);
      return;
    }
    if (!named.absolute) {
      const start = offset + named.start;
      result.edits.push({ start, end: start + named.encodedLength, newText: moved.newName });
    }
    if (label) result.edits.push(...labelEdits(text.slice(label.start, label.end), label.start, moved));
  };
  for (const match of text.matchAll(INLINE_LINK)) {
    const start = match.index ?? 0;
    const labelStart = start + 1;
    const rawTarget = match[2];
    // The target follows `](` and optional spaces; it is the first occurrence of its text from there.
    const targetOffset = text.indexOf(rawTarget, labelStart + match[1].length + 2);
    visit({ start, end: start + match[0].length }, { start: labelStart, end: labelStart + match[1].length }, targetOffset, rawTarget);
  }
  for (const match of text.matchAll(LINK_DEFINITION)) {
    const start = match.index ?? 0;
    const targetOffset = start + match[0].length - match[1].length;
    visit({ start, end: start + match[0].length }, undefined, targetOffset, match[1]);
  }
  return result;
}

/** The file name a link target ends in (before `#anchor` or `?query`), with where it sits in the target. */
function targetFileName(target: string): { name: string; start: number; encodedLength: number; absolute: boolean } | undefined {
  const end = target.search(/[#?]/);
  const pathPart = end === -1 ? target : target.slice(0, end);
  const start = pathPart.lastIndexOf('/') + 1;
  const encoded = pathPart.slice(start);
  if (encoded === '') return undefined;
  let name = encoded;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    // A malformed escape is read as written.
  }
  return { name, start, encodedLength: encoded.length, absolute: /^[a-z][a-z0-9+.-]*:/i.test(target) };
}

/** In a link's text: `14. Title` (adr-tools) and `DR-14`/`ADR-0014` whatever the prefix, since the target settles which record. */
function labelEdits(label: string, offset: number, moved: MovedFile): TextEdit[] {
  const edits: TextEdit[] = [];
  const heading = /^(\s*)(\d+)\./.exec(label);
  if (heading && Number(heading[2]) === moved.from) {
    const start = offset + heading[1].length;
    edits.push({ start, end: start + heading[2].length, newText: String(moved.to).padStart(heading[2].length, '0') });
  }
  for (const match of label.matchAll(/(?<![\p{L}\p{N}_])[A-Za-z]+-(\d{1,6})(?![\p{L}\p{N}_])/gu)) {
    if (Number(match[1]) !== moved.from) continue;
    const start = offset + (match.index ?? 0) + match[0].length - match[1].length;
    edits.push({ start, end: start + match[1].length, newText: String(moved.to).padStart(match[1].length, '0') });
  }
  return edits;
}

/** The number of an adr-tools title `# 14. Title`: the first level-one heading only. */
function titleHeadingEdits(text: string, from: number, to: number): TextEdit[] {
  const heading = /^#[ \t]+(\d+)\.[ \t]/m.exec(text);
  const first = /^#[ \t]/m.exec(text);
  if (!heading || !first || heading.index !== first.index || Number(heading[1]) !== from) return [];
  const start = heading.index + heading[0].indexOf(heading[1]);
  return [{ start, end: start + heading[1].length, newText: String(to).padStart(heading[1].length, '0') }];
}

function listsNumber(record: DecisionRecord, number: number): boolean {
  return record.supersedes.includes(number) || record.supersededBy.includes(number) || record.related.includes(number);
}

function overlaps(edit: Span, span: Span): boolean {
  return edit.start < span.end && edit.end > span.start;
}

function insideAny(range: Span, spans: readonly Span[]): boolean {
  return spans.some((span) => overlaps(range, span));
}

/** Drops edits that overlap an earlier one (one number found by two rules), in offset order. */
function withoutOverlaps(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let end = -1;
  for (const edit of sorted) {
    if (edit.start < end) continue;
    kept.push(edit);
    end = edit.end;
  }
  return kept;
}

function refuse(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
