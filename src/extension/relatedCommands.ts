/**
 * Link Related… and Add Data Source…: what a decision connects to. A data source is a link (a
 * dashboard, a query) or a file of the repository, stored relative to the workspace folder so it
 * resolves on every clone.
 */
import * as vscode from 'vscode';
import { recordLabel } from '../core/grouping';
import { addDataSource, addRelated, type DataSourceInput } from '../core/recordEdits';
import type { DecisionLogs } from './decisionLogs';
import { editRecord } from './recordEditing';
import { pathInFolder } from './recordLookup';
import { resolveRecordTarget } from './recordTarget';
import { referencePrefix } from './settings';
import { literalIconText } from '../core/iconSyntax';

export interface LinkRelatedArguments {
  uri?: vscode.Uri;
  /** Number of the related record. */
  related: number;
}

export interface AddDataSourceArguments extends DataSourceInput {
  uri?: vscode.Uri;
}

/** Runs Link Related…; false when cancelled or already linked. */
export async function linkRelated(logs: DecisionLogs, argument?: unknown): Promise<boolean> {
  const target = await resolveRecordTarget(logs, argument, 'Link Related');
  let number: number | undefined;
  if (isLinkRelatedArguments(argument)) {
    number = argument.related;
  } else {
    const prefix = referencePrefix(target.log.folder.uri);
    const items = target.log.log
      .records()
      .filter((record) => record.number !== undefined && record.number !== target.record.number)
      .map((record) => ({ label: literalIconText(recordLabel(record, prefix)), description: record.status, number: record.number }));
    if (items.length === 0) throw new Error('The log has no other numbered record to link.');
    number = (await vscode.window.showQuickPick(items, { title: 'Link Related', placeHolder: 'Related decision', matchOnDescription: true }))?.number;
  }
  if (number === undefined) return false;
  if (!Number.isInteger(number) || number < 1) throw new Error(`Not a record number: ${String(number)}`);
  if (number === target.record.number) throw new Error('A record cannot be related to itself.');
  const related = number;
  return editRecord(target.uri, (text) => addRelated(text, related));
}

/** Runs Add Data Source…; false when cancelled or already listed. */
export async function addDataSourceCommand(logs: DecisionLogs, argument?: unknown): Promise<boolean> {
  const target = await resolveRecordTarget(logs, argument, 'Add Data Source');
  const source = isDataSourceArguments(argument) ? checkedSource(argument) : await askDataSource(target.log.folder);
  if (!source) return false;
  return editRecord(target.uri, (text) => addDataSource(text, source));
}

function checkedSource(argument: AddDataSourceArguments): DataSourceInput {
  const { title, url, path, note } = argument;
  if (title.trim() === '') throw new Error('A data source needs a title.');
  if ((url === undefined) === (path === undefined)) throw new Error('A data source has either a url or a path.');
  if (url !== undefined && urlProblem(url)) throw new Error(urlProblem(url));
  return { title: title.trim(), url, path, note: note?.trim() || undefined };
}

async function askDataSource(folder: vscode.WorkspaceFolder): Promise<DataSourceInput | undefined> {
  const kinds = [
    { label: '$(link) Link', description: 'A dashboard, query, document or page', source: 'url' as const },
    { label: '$(file) File in the workspace', description: 'Stored as a path relative to the folder', source: 'path' as const },
  ];
  const kind = (await vscode.window.showQuickPick(kinds, { title: 'Add Data Source', placeHolder: 'What backs the decision?' }))?.source;
  if (!kind) return undefined;
  let location: { url?: string; path?: string; suggestedTitle: string };
  if (kind === 'url') {
    const url = await vscode.window.showInputBox({ title: 'Add Data Source', prompt: 'URL', placeHolder: 'https://', validateInput: urlProblem });
    if (url === undefined) return undefined;
    location = { url: url.trim(), suggestedTitle: '' };
  } else {
    const picked = await vscode.window.showOpenDialog({ defaultUri: folder.uri, canSelectFiles: true, canSelectFolders: false, canSelectMany: false, openLabel: 'Add Data Source' });
    if (!picked || picked.length === 0) return undefined;
    const path = pathInFolder(folder, picked[0]);
    if (path === undefined) throw new Error(`Pick a file inside ${folder.name}: a data source path is relative to the workspace folder.`);
    location = { path, suggestedTitle: path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '') };
  }
  const title = await vscode.window.showInputBox({
    title: 'Add Data Source',
    prompt: 'Title',
    value: location.suggestedTitle,
    validateInput: (value) => (value.trim() === '' ? 'A data source needs a title.' : undefined),
  });
  if (title === undefined) return undefined;
  const note = await vscode.window.showInputBox({ title: 'Add Data Source', prompt: 'What it shows (optional)' });
  if (note === undefined) return undefined;
  return { title: title.trim(), url: location.url, path: location.path, note: note.trim() || undefined };
}

function urlProblem(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : 'Use an http or https link.';
  } catch {
    return 'Not a URL.';
  }
}

function isLinkRelatedArguments(value: unknown): value is LinkRelatedArguments {
  return typeof value === 'object' && value !== null && 'related' in value && typeof value.related === 'number';
}

function isDataSourceArguments(value: unknown): value is AddDataSourceArguments {
  return typeof value === 'object' && value !== null && 'title' in value && typeof value.title === 'string';
}
