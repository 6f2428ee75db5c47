/**
 * Opens a record's file in an editor, optionally with the cursor on a given line. A record that
 * failed to parse opens like any other: the file is what the user needs to fix it.
 */
import * as vscode from 'vscode';

export async function openRecord(uri: vscode.Uri, line?: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const options: vscode.TextDocumentShowOptions = { preview: true };
  if (line !== undefined) {
    const target = document.lineAt(Math.max(0, Math.min(line, document.lineCount - 1))).range.end;
    options.selection = new vscode.Range(target, target);
    options.preview = false;
  }
  return vscode.window.showTextDocument(document, options);
}

/** Arguments the openRecord command receives: a Uri from the tree's click, or a node from a menu. */
export function uriOfCommandArgument(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === 'object' && argument !== null && 'uri' in argument && argument.uri instanceof vscode.Uri) {
    return argument.uri;
  }
  return undefined;
}
