/**
 * Choose Decision Folder: picks an existing decision folder or names a new one, creates it when
 * missing, and stores it in the workspace folder's `rationale.decisionFolder` setting.
 */
import * as vscode from 'vscode';
import { CANDIDATE_FOLDERS, DEFAULT_DECISION_FOLDER, normalizeRelativePath } from '../core/folders';
import { configuredDecisionFolder, storeDecisionFolder } from './settings';
import { VscodeFileSystem } from './vscodeFileSystem';
import { chooseWorkspaceFolder } from './workspaceFolderChoice';

interface FolderItem extends vscode.QuickPickItem {
  /** The folder, or undefined for "another folder…". */
  path?: string;
}

/** Runs the command; resolves to the stored folder, or undefined when the user cancelled. */
export async function chooseDecisionFolder(): Promise<string | undefined> {
  const folder = await chooseWorkspaceFolder();
  if (!folder) return undefined;
  const fs = new VscodeFileSystem(folder.uri);
  const current = configuredDecisionFolder(folder.uri);
  const existing = await Promise.all(
    CANDIDATE_FOLDERS.map(async (path) => ((await fs.stat(path).catch(() => undefined))?.type === 'directory' ? path : undefined)),
  );
  const items: FolderItem[] = existing
    .filter((path): path is string => path !== undefined)
    .map((path) => ({ label: path, description: path === current ? 'current' : 'exists', path }));
  if (!items.some((item) => item.path === DEFAULT_DECISION_FOLDER)) {
    items.push({ label: DEFAULT_DECISION_FOLDER, description: 'create (MADR default)', path: DEFAULT_DECISION_FOLDER });
  }
  items.push({ label: 'Another folder…', description: 'type a path relative to the workspace folder' });

  const picked = await vscode.window.showQuickPick(items, { placeHolder: `Decision folder of ${folder.name}` });
  if (!picked) return undefined;
  const path =
    picked.path ??
    (await vscode.window.showInputBox({
      prompt: `Folder for decision records, relative to ${folder.name}`,
      value: current ?? DEFAULT_DECISION_FOLDER,
      validateInput: (value) => (normalizeRelativePath(value) ? undefined : 'A relative path inside the workspace folder, e.g. docs/decisions'),
    }));
  const normalized = path === undefined ? undefined : normalizeRelativePath(path);
  if (!normalized) return undefined;

  // createDirectory is a no-op for an existing folder (mkdirp semantics).
  await vscode.workspace.fs.createDirectory(fs.uri(normalized));
  await storeDecisionFolder(folder, normalized);
  return normalized;
}
