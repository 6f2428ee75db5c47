/**
 * The record a command acts on: the tree item it was run on, a Uri passed by a menu or another
 * extension, or else the record open in the active editor.
 */
import * as vscode from 'vscode';
import type { DecisionRecord } from '../core/record';
import type { DecisionLogs } from './decisionLogs';
import type { FolderLog } from './folderLog';
import { uriOfCommandArgument } from './openRecord';

export interface RecordTarget {
  readonly uri: vscode.Uri;
  readonly log: FolderLog;
  readonly record: DecisionRecord;
}

/**
 * Resolves the record, or throws with a sentence for the user when there is none (no argument and
 * no record in the active editor, or a file that is not a record of any log).
 */
export async function resolveRecordTarget(logs: DecisionLogs, argument: unknown, commandTitle: string): Promise<RecordTarget> {
  const uri = uriOfCommandArgument(argument) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) throw new Error(`${commandTitle}: open a decision record or pick one in the Decisions view.`);
  const log = await logs.getLog(uri);
  const path = log ? relativePathIn(log.folder, uri) : undefined;
  const record = log && path !== undefined ? log.log.get(path) : undefined;
  if (!log || !record) throw new Error(`${commandTitle}: ${vscode.workspace.asRelativePath(uri)} is not a decision record.`);
  return { uri, log, record };
}

/** `uri`'s path relative to a workspace folder, POSIX; undefined when it lies outside. */
export function relativePathIn(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const root = folder.uri.path.replace(/\/+$/, '');
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority || !uri.path.startsWith(`${root}/`)) {
    return undefined;
  }
  return uri.path.slice(root.length + 1);
}
