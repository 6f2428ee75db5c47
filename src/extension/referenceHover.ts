/**
 * Hover over `DR-12` in any file: the record's title, status, date, sign-off summary and the first
 * lines of its rationale. The record's text is the file's author's, not ours: it is appended as
 * plain text (escaped), and the hover is untrusted with no HTML, so it cannot run commands.
 */
import * as vscode from 'vscode';
import { signOffSummary } from '../core/grouping';
import { formatReference, referenceAt } from '../core/references';
import type { DecisionRecord } from '../core/record';
import { type SignOffProvenance, needsProvenance } from '../core/signOffProvenance';
import type { DecisionLogs } from './decisionLogs';
import { logContextOf, prefixOf, recordByNumber } from './recordLookup';
import { savedRationaleExcerpt } from './recordPresentation';
import { provenanceAt, provenanceText, signOffProvenanceOf } from './signOffProvenance';

export class ReferenceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly logs: DecisionLogs) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const prefix = prefixOf(this.logs, document.uri);
    if (prefix === undefined) return undefined;
    // Only the hovered line is scanned, whatever the size of the file; the log is asked only for a reference.
    const line = document.lineAt(position.line).text;
    const reference = referenceAt(line, position.character, prefix);
    if (!reference) return undefined;
    const context = await logContextOf(this.logs, document.uri);
    if (!context) return undefined;
    const range = new vscode.Range(position.line, reference.start, position.line, reference.end);
    const name = formatReference(reference.number, context.prefix);
    const record = recordByNumber(context.log, reference.number);
    if (!record) return new vscode.Hover(appendFileText(untrusted(), `${name}: no record has this number.`), range);
    const uri = vscode.Uri.joinPath(context.log.folder.uri, ...record.path.split('/'));
    // Provenance runs git: only for a record with a decided sign-off, and only now it is hovered.
    const decided = record.signOff.some((signOff) => needsProvenance(signOff.state));
    const [provenance, excerpt] = await Promise.all([decided ? signOffProvenanceOf(uri) : undefined, savedRationaleExcerpt(uri)]);
    return new vscode.Hover(describe(record, name, provenance, excerpt), range);
  }
}

function untrusted(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}

/** The hover's content; every piece of file text goes through appendText, which escapes markdown. */
export function describe(record: DecisionRecord, name: string, provenance?: readonly SignOffProvenance[], excerpt?: string): vscode.MarkdownString {
  const markdown = untrusted();
  markdown.appendMarkdown('**').appendText(name).appendMarkdown('** ');
  appendFileText(markdown, record.title).appendMarkdown('\n\n');
  const facts = [record.statusText ?? record.status ?? 'no status', record.date, signOffSummary(record)].filter(
    (fact): fact is string => fact !== undefined && fact !== '',
  );
  appendFileText(markdown, facts.join(' · '));
  // Who signed off and whether git vouches for it, one person per line.
  record.signOff.forEach((signOff, index) => {
    const note = provenanceText(provenanceAt(provenance, index, signOff));
    if (note === '') return;
    appendFileText(markdown.appendMarkdown('  \n'), `${signOff.name}: ${signOff.state} · ${note}`);
  });
  if (excerpt) appendFileText(markdown.appendMarkdown('\n\n---\n\n'), excerpt);
  return markdown;
}

/**
 * Text from a file, shown as written: appendText escapes markdown syntax but leaves `<`, which
 * the renderer would otherwise take for the start of an HTML tag.
 */
function appendFileText(markdown: vscode.MarkdownString, text: string): vscode.MarkdownString {
  return markdown.appendText(text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
}
