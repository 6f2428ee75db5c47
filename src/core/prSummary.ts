/**
 * The part of a pull request description that lists the decision records a branch adds, edits,
 * re-decides or removes. Which files changed comes from git (the CLI's `git diff --name-status`);
 * the records on each side come from the parser; this module only compares and renders.
 */

import { codeSpan, formatPullRequestLine, type SignOffCounts } from './permalink';
import type { DecisionRecord, SignOff } from './record';

/** One line of `git diff --name-status`: added, modified, deleted or renamed (from `oldPath`). */
export interface ChangedPath {
  status: 'A' | 'M' | 'D' | 'R';
  /** Repository-relative path, POSIX separators; the new path of a rename. */
  path: string;
  oldPath?: string;
}

/** A record as the summary shows it. */
export interface SummaryEntry {
  path: string;
  number?: number;
  title: string;
  /** The status as written when it is not a known one (`✅ done`). */
  status?: string;
  signOff?: SignOffCounts;
  /** Web address of the file; the line shows the path instead when there is none. */
  permalink?: string;
}

export interface ChangedSummaryEntry extends SummaryEntry {
  /** The status on the base side; the entry is listed under "Status changed" when it differs from `statusAfter`. */
  statusBefore?: string;
  statusAfter?: string;
  /** The path on the base side when the file was renamed (or renumbered). */
  previousPath?: string;
}

export interface RecordChanges {
  added: SummaryEntry[];
  changed: ChangedSummaryEntry[];
  removed: SummaryEntry[];
}

export interface RecordChangesOptions {
  /**
   * The web address of a record's file on one side of the change: `head` for added and changed
   * records, `base` for removed ones (their last version). Undefined when there is none.
   */
  linkTo?: (path: string, side: 'base' | 'head') => string | undefined;
}

/**
 * Sorts the changed paths of a branch into added, changed and removed records. Paths that are not
 * records on either side (a README, an image) are left out. A rename counts as an edit of the same
 * record only when both sides are records with the same number or the same title (so renumbering
 * a duplicate still reads as a rename); git pairs files by similar content, and a record deleted
 * while another is written from the same template looks like a rename to it. Any other rename, and
 * one into or out of the decision folder, counts as a removal and an addition.
 */
export function computeRecordChanges(
  before: readonly DecisionRecord[],
  after: readonly DecisionRecord[],
  changedPaths: readonly ChangedPath[],
  options: RecordChangesOptions = {},
): RecordChanges {
  const beforeByPath = new Map(before.map((record) => [record.path, record]));
  const afterByPath = new Map(after.map((record) => [record.path, record]));
  const link = options.linkTo ?? (() => undefined);
  const changes: RecordChanges = { added: [], changed: [], removed: [] };
  const seen = new Set<string>();

  for (const change of changedPaths) {
    const oldPath = change.status === 'R' && change.oldPath !== undefined ? change.oldPath : change.path;
    const key = `${oldPath}\u0000${change.path}`;
    if (seen.has(key)) continue;
    seen.add(key);

    const old = change.status === 'A' ? undefined : beforeByPath.get(oldPath);
    const current = change.status === 'D' ? undefined : afterByPath.get(change.path);
    if (old && current && isSameRecord(old, current)) {
      const entry: ChangedSummaryEntry = { ...entryFor(current, link(current.path, 'head')) };
      setIfDefined(entry, 'statusBefore', statusOf(old));
      setIfDefined(entry, 'statusAfter', statusOf(current));
      if (old.path !== current.path) entry.previousPath = old.path;
      changes.changed.push(entry);
      continue;
    }
    if (current) changes.added.push(entryFor(current, link(current.path, 'head')));
    if (old) changes.removed.push(entryFor(old, link(old.path, 'base')));
  }

  changes.added.sort(byNumberThenPath);
  changes.changed.sort(byNumberThenPath);
  changes.removed.sort(byNumberThenPath);
  return changes;
}

/** Whether the two sides of a change are one record: the same file, or the same number or title. */
function isSameRecord(old: DecisionRecord, current: DecisionRecord): boolean {
  if (old.path === current.path) return true;
  if (old.number !== undefined && old.number === current.number) return true;
  const title = old.title.trim();
  return title !== '' && title === current.title.trim();
}

/** How the sign-off of a record stands: approvals out of everyone named, and objections. */
export function countSignOffs(signOff: readonly SignOff[]): SignOffCounts {
  return {
    approved: signOff.filter((entry) => entry.state === 'approved').length,
    total: signOff.length,
    objected: signOff.filter((entry) => entry.state === 'objected').length,
  };
}

export const SUMMARY_HEADING = 'Decision records in this change';
export const NO_CHANGES = 'No decision records changed.';

export interface RenderOptions {
  /** The reference prefix of the log: `DR` gives `DR-12`. */
  prefix: string;
}

/**
 * Markdown for a pull request description: a heading, then the sections Added, Status changed,
 * Edited and Removed, each left out when empty, each record on one line. The same changes always
 * give the same text (records in order of number, then path), so CI can update a comment in place
 * and tell when nothing changed.
 */
export function renderPrSummary(changes: RecordChanges, options: RenderOptions): string {
  const statusChanged = changes.changed.filter(hasStatusChange);
  const edited = changes.changed.filter((entry) => !hasStatusChange(entry));
  const sections: [string, string[]][] = [
    ['Added', [...changes.added].sort(byNumberThenPath).map((entry) => lineFor(entry, options))],
    ['Status changed', [...statusChanged].sort(byNumberThenPath).map((entry) => changedLineFor(entry, options, true))],
    ['Edited', [...edited].sort(byNumberThenPath).map((entry) => changedLineFor(entry, options, false))],
    ['Removed', [...changes.removed].sort(byNumberThenPath).map((entry) => lineFor(entry, options))],
  ];

  const blocks = [`## ${SUMMARY_HEADING}`];
  for (const [title, lines] of sections) {
    if (lines.length === 0) continue;
    blocks.push(`### ${title}`, lines.map((line) => `- ${line}`).join('\n'));
  }
  if (blocks.length === 1) blocks.push(NO_CHANGES);
  return `${blocks.join('\n\n')}\n`;
}

function lineFor(entry: SummaryEntry, options: RenderOptions, status = entry.status, note?: string): string {
  return formatPullRequestLine({
    prefix: options.prefix,
    number: entry.number,
    title: entry.title,
    status,
    signOff: entry.signOff,
    url: entry.permalink,
    path: entry.path,
    note,
  });
}

function changedLineFor(entry: ChangedSummaryEntry, options: RenderOptions, statusChanged: boolean): string {
  const status = statusChanged ? `${entry.statusBefore ?? 'no status'} → ${entry.statusAfter ?? 'no status'}` : entry.status;
  const note = entry.previousPath === undefined ? undefined : `renamed from ${codeSpan(entry.previousPath)}`;
  return lineFor(entry, options, status, note);
}

function hasStatusChange(entry: ChangedSummaryEntry): boolean {
  return (entry.statusBefore ?? '').toLowerCase() !== (entry.statusAfter ?? '').toLowerCase();
}

function entryFor(record: DecisionRecord, permalink: string | undefined): SummaryEntry {
  const entry: SummaryEntry = { path: record.path, title: record.title };
  setIfDefined(entry, 'number', record.number);
  setIfDefined(entry, 'status', statusOf(record));
  if (record.signOff.length > 0) entry.signOff = countSignOffs(record.signOff);
  setIfDefined(entry, 'permalink', permalink);
  return entry;
}

/** The known status, or the text as written when it is not one (`✅ done`); undefined when there is none. */
function statusOf(record: DecisionRecord): string | undefined {
  if (record.status) return record.status;
  const text = record.statusText?.trim();
  return text ? text : undefined;
}

/** Keeps entries free of `key: undefined`, so they compare and serialise the same however they were made. */
function setIfDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function byNumberThenPath(a: SummaryEntry, b: SummaryEntry): number {
  if (a.number !== b.number) {
    if (a.number === undefined) return 1;
    if (b.number === undefined) return -1;
    return a.number - b.number;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
