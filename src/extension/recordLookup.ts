/**
 * Finding records for the editor features (hovers, links, completion, quick fixes) from the loaded
 * index, never from the disk: these run on every hover and keystroke.
 */
import * as vscode from 'vscode';
import { baseName } from '../core/fileSystem';
import { isInsideFolder } from '../core/folders';
import { isRecordFileName } from '../core/naming';
import type { DecisionRecord } from '../core/record';
import type { DecisionLogs } from './decisionLogs';
import type { FolderLog } from './folderLog';
import { referencePrefix } from './settings';

export interface LogContext {
  log: FolderLog;
  /** The reference prefix configured for the log's folder. */
  prefix: string;
}

/**
 * The log a document's references point into: its workspace folder's, or for an untitled or
 * outside file the first folder's. Loads the log on first use (once per session).
 */
export async function logContextOf(logs: DecisionLogs, uri: vscode.Uri): Promise<LogContext | undefined> {
  const folder = folderOf(logs, uri);
  if (!folder) return undefined;
  const log = await logs.getLog(folder);
  return log && { log, prefix: referencePrefix(folder.uri) };
}

/** The workspace folder whose log a document refers to (see {@link logContextOf}), without loading it. */
export function folderOf(logs: DecisionLogs, uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.getWorkspaceFolder(uri) ?? logs.folders()[0];
}

/** The reference prefix for a document, without loading any log. */
export function prefixOf(logs: DecisionLogs, uri: vscode.Uri): string | undefined {
  const folder = folderOf(logs, uri);
  return folder && referencePrefix(folder.uri);
}

/** The record a number refers to; when two records share it, the first by path. */
export function recordByNumber(log: FolderLog, number: number): DecisionRecord | undefined {
  return log.log.byNumber(number)[0];
}

/** A file's path relative to a workspace folder (POSIX), or undefined when it lies outside. */
export function pathInFolder(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const root = folder.uri.path.replace(/\/+$/, '');
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority || !uri.path.startsWith(`${root}/`)) return undefined;
  return uri.path.slice(root.length + 1);
}

/**
 * The log and path of a document that is a record: a record's file name inside its workspace
 * folder's decision folder. Other markdown (a blog post with `status:` in its front matter, a
 * README) gets none of the record features. Loads the log on first use.
 */
export async function recordDocumentOf(logs: DecisionLogs, uri: vscode.Uri): Promise<{ log: FolderLog; path: string } | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const path = folder && pathInFolder(folder, uri);
  if (!folder || path === undefined || !isRecordFileName(baseName(path))) return undefined;
  const log = await logs.getLog(folder);
  return log && isInsideFolder(path, log.decisionFolder) ? { log, path } : undefined;
}
