/**
 * How one record looks in the editor's lists: its icon, its description, its tooltip and its
 * context value. Shared by the tree and the Open Decision pick so both say the same thing.
 */
import * as vscode from 'vscode';
import type { DecisionRecord, Status } from '../core/record';
import { DUPLICATE_NUMBER, isBinary } from '../core/decisionLog';
import { recordDescription, signOffSummary } from '../core/grouping';
import { rationaleExcerpt } from '../core/parse';

interface IconSpec {
  readonly id: string;
  readonly color: string;
}

/** Icon and theme color per status; colors are theme tokens so every theme gets readable ones. */
const STATUS_ICONS: Record<Status, IconSpec> = {
  accepted: { id: 'pass', color: 'testing.iconPassed' },
  proposed: { id: 'circle-outline', color: 'charts.yellow' },
  rejected: { id: 'circle-slash', color: 'errorForeground' },
  deprecated: { id: 'archive', color: 'disabledForeground' },
  superseded: { id: 'arrow-swap', color: 'disabledForeground' },
};
const UNKNOWN_STATUS_ICON: IconSpec = { id: 'question', color: 'descriptionForeground' };
const PROBLEM_ICON: IconSpec = { id: 'error', color: 'errorForeground' };

/** A record whose file could not be read properly shows that first, whatever its status says. */
export function hasError(record: DecisionRecord): boolean {
  return record.problems.some((problem) => problem.severity === 'error');
}

export function recordIcon(record: DecisionRecord): vscode.ThemeIcon {
  const spec = hasError(record) ? PROBLEM_ICON : record.status ? STATUS_ICONS[record.status] : UNKNOWN_STATUS_ICON;
  return new vscode.ThemeIcon(spec.id, new vscode.ThemeColor(spec.color));
}

/** `DR-15`, or undefined for a record without a number. */
export function reference(number: number | undefined, prefix: string): string | undefined {
  return number === undefined ? undefined : `${prefix}-${number}`;
}

/**
 * The one-line description: date and sign-off, `→ DR-15` for a superseded record, or the first
 * error of a record that has one (that matters more than its date).
 */
export function recordLine(record: DecisionRecord, prefix: string): string {
  const firstError = record.problems.find((problem) => problem.severity === 'error');
  if (firstError) return firstError.message;
  const successors = record.supersededBy.map((number) => `→ ${prefix}-${number}`).join(', ');
  return [successors, recordDescription(record)].filter((part) => part !== '').join(' · ');
}

/**
 * `decision`, with `+superseded` / `+duplicate` / `+problem` so menus can match them
 * (`viewItem =~ /^decision/`); a duplicate number gets an inline Renumber button.
 */
export function recordContextValue(record: DecisionRecord): string {
  let value = 'decision';
  if (record.status === 'superseded' || record.supersededBy.length > 0) value += '+superseded';
  if (record.problems.some((problem) => problem.code === DUPLICATE_NUMBER)) value += '+duplicate';
  if (record.problems.length > 0) value += '+problem';
  return value;
}

/**
 * The hover of a record. Untrusted and without command links: everything from the file goes in
 * through `appendText`, which escapes markdown, so a record cannot inject links or markup.
 */
export function recordTooltip(record: DecisionRecord, prefix: string, excerpt?: string): vscode.MarkdownString {
  // Theme icons on from the start: appendText then escapes `$(…)` in file text as well.
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  const label = reference(record.number, prefix);
  tooltip.appendMarkdown('**');
  tooltip.appendText(label ? `${label} ${record.title}` : record.title);
  tooltip.appendMarkdown('**\n\n');
  const facts: string[] = [];
  facts.push(`Status: ${record.status ?? record.statusText ?? 'unknown'}`);
  if (record.date) facts.push(`Date: ${record.date}`);
  const signOff = signOffSummary(record);
  if (signOff) facts.push(`Sign-off: ${signOff}`);
  if (record.supersededBy.length > 0) {
    facts.push(`Superseded by ${record.supersededBy.map((number) => `${prefix}-${number}`).join(', ')}`);
  }
  if (record.tags.length > 0) facts.push(`Tags: ${record.tags.join(', ')}`);
  appendLines(tooltip, facts);
  for (const problem of record.problems) {
    tooltip.appendMarkdown('\n\n$(error) ');
    tooltip.appendText(problem.line === undefined ? problem.message : `${problem.message} (line ${problem.line + 1})`);
  }
  if (excerpt) {
    tooltip.appendMarkdown('\n\n---\n\n');
    tooltip.appendText(excerpt);
  }
  return tooltip;
}

/**
 * The first lines of a record's rationale, read from its saved file when a tooltip or hover shows
 * them (the index does not keep them). Undefined when the file cannot be read: the rest still shows.
 */
export async function savedRationaleExcerpt(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    // A binary file (the index lists it as one) has no rationale to show.
    return isBinary(bytes) ? undefined : rationaleExcerpt(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** One fact per line: a markdown hard break between escaped pieces of text. */
function appendLines(markdown: vscode.MarkdownString, lines: readonly string[]): void {
  lines.forEach((line, index) => {
    if (index > 0) markdown.appendMarkdown('  \n');
    markdown.appendText(line);
  });
}
