/**
 * Add Pull Request Link…: appends a pull request's URL to a record's `links:`. The edit goes
 * through a WorkspaceEdit on the document, so it can be undone and never overwrites unsaved text.
 */
import * as vscode from 'vscode';
import { addLink } from '../core/recordEdits';
import type { DecisionLogs } from './decisionLogs';
import { openRecordDocument } from './recordEditing';
import { resolveRecordTarget } from './recordTarget';
import { referencePrefix } from './settings';

const TITLE = 'Add Pull Request Link';

export interface AddedLink {
  readonly uri: vscode.Uri;
  readonly url: string;
  /** False when the record listed the URL already. */
  readonly changed: boolean;
}

export async function addPullRequestLink(logs: DecisionLogs, argument: unknown): Promise<AddedLink | undefined> {
  const { uri, log, record } = await resolveRecordTarget(logs, argument, TITLE);
  const given = urlOfArgument(argument);
  if (given !== undefined && urlProblem(given) !== undefined) throw new Error(`${TITLE}: ${urlProblem(given)}`);
  const name = record.number === undefined ? `“${record.title}”` : `${referencePrefix(log.folder.uri)}-${record.number}`;
  const url = given ?? (await askForUrl(name));
  if (url === undefined) return undefined;

  // Refuses a read-only, deleted or outside-the-workspace file before anything is edited.
  const document = await openRecordDocument(uri);
  const wasDirty = document.isDirty;
  const text = document.getText();
  const result = addLink(text, url);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`${TITLE}: ${result.message}`);
    return undefined;
  }
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(`${name} links to ${url} already.`);
    return { uri, url, changed: false };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) {
    edit.replace(uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`${TITLE}: VS Code did not apply the edit to ${record.path}.`);
  // A document the user was editing stays theirs to save; one that was clean is saved, so the
  // link reaches the file (and the log) like any other command's edit.
  if (!wasDirty) await document.save();
  void vscode.window.showInformationMessage(`Added the link to ${name}.`);
  return { uri, url, changed: true };
}

function urlOfArgument(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null || !('url' in argument)) return undefined;
  return typeof argument.url === 'string' ? argument.url.trim() : undefined;
}

/** Why a text is not a web address a reviewer can follow, or undefined when it is one. */
export function urlProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Paste the address of the pull request.';
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return 'Not a web address: it should start with https://';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'Only http and https addresses can be linked.';
  if (parsed.hostname === '') return 'The address names no host.';
  if (/\s/.test(text)) return 'A web address cannot contain spaces.';
  return undefined;
}

function askForUrl(name: string): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title: `${TITLE} to ${name}`,
      prompt: 'The address of the pull request (or issue) that implements this decision.',
      placeHolder: 'https://github.com/acme/app/pull/412',
      ignoreFocusOut: true,
      validateInput: urlProblem,
    })
    .then((value) => value?.trim());
}
