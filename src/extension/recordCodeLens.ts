/**
 * The lenses over a record's title: its status, how far sign-off has come, and the actions a
 * reader takes from there. Read from the document's current text, so they follow unsaved edits.
 */
import * as vscode from 'vscode';
import { signOffSummary } from '../core/grouping';
import { parseRecord } from '../core/parse';
import { Commands } from './constants';
import type { DecisionLogs } from './decisionLogs';
import { recordDocumentOf } from './recordLookup';
import { literalIconText } from '../core/iconSyntax';

export class RecordCodeLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly logs: DecisionLogs) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const path = (await recordDocumentOf(this.logs, document.uri))?.path;
    if (path === undefined) return [];

    const record = parseRecord(path, document.getText());
    const line = Math.min(record.titleLine ?? 0, document.lineCount - 1);
    const range = document.lineAt(line).range;
    const target = [document.uri];
    const lens = (title: string, command = '', tooltip?: string): vscode.CodeLens =>
      // An empty command id makes a lens plain text: the status and the count inform, they do nothing.
      new vscode.CodeLens(range, { title, command, tooltip, arguments: command === '' ? undefined : target });

    // The status as written may be any text; `$(…)` in it must not draw an icon.
    const lenses = [lens(record.status ?? literalIconText(record.statusText ?? 'no status'))];
    const signed = signOffSummary(record);
    if (signed) lenses.push(lens(signed));
    lenses.push(
      lens('Sign Off', Commands.signOff, 'Approve, object or abstain as your git user'),
      lens('Change Status', Commands.changeStatus, 'Accept, reject, deprecate or supersede'),
      lens('Copy Link', Commands.copyPullRequestLink, 'Copy a link to this record for a pull request'),
    );
    return lenses;
  }
}
