/**
 * The record a command acts on: the tree item it was run on, a Uri passed by a menu or another
 * extension, or else the record open in the active editor.
 */
import * as vscode from 'vscode';
import type { DecisionRecord } from '../core/record';
import type { DecisionLogs } from './decisionLogs';
import type { FolderLog } from './folderLog';
import { uriOfCommandArgument } from './openRecord';
import { pathInFolder } from './recordLookup';

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
  const path = log ? pathInFolder(log.folder, uri) : undefined;
  const record = log && path !== undefined ? log.log.get(path) : undefined;
  if (!log || !record) throw new Error(`${commandTitle}: ${vscode.workspace.asRelativePath(uri)} is not a decision record.`);
  return { uri, log, record };
}

