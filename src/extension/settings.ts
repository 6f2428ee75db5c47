/**
 * Typed reads of the `rationale.*` settings. Folder-scoped settings are read for one workspace
 * folder, so a multi-root workspace can keep its logs in different places.
 */
import * as vscode from 'vscode';
import { NAMESPACE, Settings } from './constants';
import { GROUPINGS, type Grouping } from '../core/grouping';
import { normalizeRelativePath } from '../core/folders';

const DEFAULT_PREFIX = 'DR';

function section(folder?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(NAMESPACE, folder);
}

/** The configured decision folder (relative, POSIX), or undefined when the log should be found. */
export function configuredDecisionFolder(folder: vscode.Uri): string | undefined {
  return relativePath(section(folder).get<string>(Settings.decisionFolder));
}

/** The configured folder of custom templates, or undefined. */
export function configuredTemplateFolder(folder: vscode.Uri): string | undefined {
  return relativePath(section(folder).get<string>(Settings.templateFolder));
}

/** `DR` in `DR-12`. */
export function referencePrefix(folder?: vscode.Uri): string {
  const prefix = section(folder).get<string>(Settings.referencePrefix)?.trim();
  return prefix ? prefix : DEFAULT_PREFIX;
}

export function defaultGrouping(): Grouping {
  const value = section().get<string>(Settings.defaultGrouping);
  return GROUPINGS.find((grouping) => grouping === value) ?? 'status';
}

/** Stores the decision folder in the workspace folder's own settings (`.vscode/settings.json`). */
export async function storeDecisionFolder(folder: vscode.WorkspaceFolder, decisionFolder: string): Promise<void> {
  await section(folder.uri).update(Settings.decisionFolder, decisionFolder, vscode.ConfigurationTarget.WorkspaceFolder);
}

/** True when a configuration change moves the decision folder of some workspace folder. */
export function affectsDecisionFolder(event: vscode.ConfigurationChangeEvent, folder?: vscode.Uri): boolean {
  return event.affectsConfiguration(`${NAMESPACE}.${Settings.decisionFolder}`, folder);
}

/** True when a configuration change alters how records are labelled. */
export function affectsLabels(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${NAMESPACE}.${Settings.referencePrefix}`);
}

/** A usable relative path (absolute paths and `..` escapes are ignored, like an unset value). */
function relativePath(value: string | undefined): string | undefined {
  return value === undefined ? undefined : normalizeRelativePath(value);
}
