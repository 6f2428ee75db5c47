/**
 * Which workspace folder a command acts on: the one named by the caller, the only one, the one of
 * the active editor, or the one the user picks.
 */
import * as vscode from 'vscode';

/** A folder as callers name it: a WorkspaceFolder, a Uri inside one, or its name or path. */
export type FolderArgument = vscode.WorkspaceFolder | vscode.Uri | string;

export class NoWorkspaceFolderError extends Error {
  constructor() {
    super('Open a folder first: decision records live in a workspace folder.');
    this.name = 'NoWorkspaceFolderError';
  }
}

/** The folder to act on; undefined when the user dismissed the pick. */
export async function chooseWorkspaceFolder(argument?: FolderArgument): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) throw new NoWorkspaceFolderError();
  if (argument !== undefined) {
    const named = resolveFolder(argument, folders);
    if (!named) throw new Error(`Not a folder of this workspace: ${String(argument)}`);
    return named;
  }
  if (folders.length === 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const ofActive = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  if (ofActive) return ofActive;
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder of the decision log' });
}

function resolveFolder(argument: FolderArgument, folders: readonly vscode.WorkspaceFolder[]): vscode.WorkspaceFolder | undefined {
  if (argument instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(argument);
  if (typeof argument === 'string') {
    return folders.find((folder) => folder.name === argument || folder.uri.fsPath === argument || folder.uri.toString() === argument);
  }
  return argument;
}
