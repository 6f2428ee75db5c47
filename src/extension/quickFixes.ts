/**
 * Quick fixes for the diagnostics where the fix is obvious: an unknown status or sign-off state is
 * replaced by a known one (closest first), and a supersede link that only one side states is
 * completed by marking the old record superseded. Missing references have no obvious fix.
 */
import * as vscode from 'vscode';
import { byCloseness } from '../core/closest';
import { setSupersededBy } from '../core/recordEdits';
import type { TextEdit } from '../core/frontMatterEdit';
import { formatReference } from '../core/references';
import { SIGN_OFF_STATES, STATUSES } from '../core/record';
import { LOG_RULES } from '../core/validation';
import { Commands, DIAGNOSTIC_SOURCE } from './constants';
import type { DecisionLogs } from './decisionLogs';
import { pathInFolder } from './recordLookup';
import { referencePrefix } from './settings';

/** `status: value  # comment` → the value's columns. */
const STATUS_VALUE = /^(\s*["']?status["']?\s*:[ \t]*)(.*?)[ \t]*(?:#.*)?$/;
/** A sign-off item's state line; `status:` and `decision:` are read as the state too. */
const STATE_VALUE = /^(\s*(?:-\s+)?["']?(?:state|status|decision)["']?\s*:[ \t]*)(.*?)[ \t]*(?:#.*)?$/;

export class RecordQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly logs: DecisionLogs) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      switch (codeOf(diagnostic)) {
        case 'unknown-status':
          actions.push(...replaceValue(document, diagnostic, diagnostic.range.start.line, STATUS_VALUE, STATUSES, 'status'));
          break;
        case 'unknown-sign-off-state': {
          const line = stateLine(document, diagnostic.range.start.line);
          if (line !== undefined) actions.push(...replaceValue(document, diagnostic, line, STATE_VALUE, SIGN_OFF_STATES, 'sign-off state'));
          break;
        }
        case LOG_RULES.supersedeMismatch:
          actions.push(...(await this.markSuperseded(document, diagnostic)));
          break;
        case LOG_RULES.duplicateNumber:
          actions.push(renumberAction(document, diagnostic));
          break;
      }
    }
    return actions;
  }

  /** One fix per record this one supersedes that does not say so itself. */
  private async markSuperseded(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    const log = await this.logs.getLog(document.uri);
    if (!log) return [];
    const path = pathInFolder(log.folder, document.uri);
    const record = path === undefined ? undefined : log.log.get(path);
    if (!record || record.number === undefined) return [];
    const prefix = referencePrefix(log.folder.uri);
    const actions: vscode.CodeAction[] = [];
    for (const number of new Set(record.supersedes)) {
      const [target] = log.log.byNumber(number);
      if (!target || number === record.number) continue;
      if (target.status === 'superseded' && target.supersededBy.includes(record.number)) continue;
      const uri = log.fs.uri(target.path);
      const targetDocument = await vscode.workspace.openTextDocument(uri);
      const result = setSupersededBy(targetDocument.getText(), record.number, { prefix });
      if (!result.ok) continue;
      const action = new vscode.CodeAction(
        `Mark ${formatReference(number, prefix)} superseded by ${formatReference(record.number, prefix)}`,
        vscode.CodeActionKind.QuickFix,
      );
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = toWorkspaceEdit(targetDocument, result.edits);
      actions.push(action);
    }
    return actions;
  }
}

/** Runs Renumber Decision… on this record, which asks before touching references that may mean the other one. */
function renumberAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction('Renumber this record to the next free number…', vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { command: Commands.renumber, title: 'Renumber Decision…', arguments: [document.uri] };
  return action;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Replaces the value on `line` by each known word, the closest first (and preferred). */
function replaceValue(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  line: number,
  pattern: RegExp,
  known: readonly string[],
  what: string,
): vscode.CodeAction[] {
  if (line >= document.lineCount) return [];
  const match = pattern.exec(document.lineAt(line).text);
  if (!match) return [];
  const start = match[1].length;
  const range = new vscode.Range(line, start, line, start + match[2].length);
  const typed = match[2].replace(/^["'[]+|["'\]]+$/g, '');
  return byCloseness(typed, known).map((word, index) => {
    const action = new vscode.CodeAction(`Change ${what} to "${word}"`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = index === 0;
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, range, word);
    return action;
  });
}

/**
 * The line of the state of the sign-off item starting on `itemLine`: the item's own line or one of
 * the lines indented under it, before the next item or key.
 */
function stateLine(document: vscode.TextDocument, itemLine: number): number | undefined {
  const first = document.lineAt(itemLine).text;
  const dash = /^(\s*)-\s/.exec(first);
  if (STATE_VALUE.test(first) && dash) return itemLine;
  const itemIndent = dash ? dash[1].length : first.length - first.trimStart().length;
  for (let line = itemLine + 1; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (text.trim() === '') continue;
    const indent = text.length - text.trimStart().length;
    if (indent <= itemIndent || /^---\s*$/.test(text)) return undefined;
    if (STATE_VALUE.test(text)) return line;
  }
  return undefined;
}

/** Core edits (offsets into the document's text) as one undoable workspace edit. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
  }
  return edit;
}
