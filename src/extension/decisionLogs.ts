/**
 * One decision log per workspace folder, created the first time something needs it (never at
 * activation), and dropped or rebuilt when folders come and go or the decision folder setting
 * changes.
 */
import * as vscode from 'vscode';
import { DEFAULT_DECISION_FOLDER, findDecisionFolder } from '../core/folders';
import { FolderLog } from './folderLog';
import type { SnapshotStore } from './snapshotStore';
import { affectsDecisionFolder, configuredDecisionFolder } from './settings';
import { VscodeFileSystem } from './vscodeFileSystem';

export interface LogsChange {
  /** The folder whose log changed; undefined when the set of logs itself changed. */
  readonly folder?: vscode.WorkspaceFolder;
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export class DecisionLogs implements vscode.Disposable {
  private readonly logs = new Map<string, Promise<FolderLog>>();
  private readonly created = new Map<string, FolderLog>();
  /** One token per requested log; a drop replaces it, so a lookup still running knows it is stale. */
  private readonly tokens = new Map<string, object>();
  private readonly changeEmitter = new vscode.EventEmitter<LogsChange>();
  private readonly subscriptions: vscode.Disposable[] = [this.changeEmitter];

  /** Fires after a log changed (records added, edited, removed) or logs came or went. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly snapshots: SnapshotStore,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.drop(folder.uri);
        this.changeEmitter.fire({ changed: [], removed: [] });
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        const moved = (vscode.workspace.workspaceFolders ?? []).filter((folder) => affectsDecisionFolder(event, folder.uri));
        if (moved.length === 0) return;
        for (const folder of moved) this.drop(folder.uri);
        this.changeEmitter.fire({ changed: [], removed: [] });
      }),
    );
  }

  /** The workspace folders, in the order the user arranged them. */
  folders(): readonly vscode.WorkspaceFolder[] {
    return vscode.workspace.workspaceFolders ?? [];
  }

  /** The loaded log of a workspace folder (or of the folder holding a Uri); undefined outside the workspace. */
  async getLog(target: vscode.Uri | vscode.WorkspaceFolder): Promise<FolderLog | undefined> {
    const folder = target instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(target) : target;
    if (!folder) return undefined;
    const log = await this.logOf(folder);
    await log.ready();
    return log;
  }

  /** Every folder's log, loaded. A folder whose log cannot be read is logged and left out. */
  async allLogs(): Promise<FolderLog[]> {
    const logs = await Promise.all(
      this.folders().map((folder) =>
        this.getLog(folder).catch((error: unknown) => {
          this.output.error(`[logs] ${folder.name}: cannot load the decision log`, error);
          return undefined;
        }),
      ),
    );
    return logs.filter((log): log is FolderLog => log !== undefined);
  }

  /** True when the log of `folder` has been loaded already (so using it costs no scan). */
  isLoaded(folder: vscode.WorkspaceFolder): boolean {
    return this.created.get(folder.uri.toString())?.log.isLoaded ?? false;
  }

  /** Resolves once every log created so far has applied all the file events it received. */
  async whenIdle(): Promise<void> {
    await Promise.all([...this.logs.values()].map(async (pending) => (await pending).idle()));
  }

  /**
   * Reads every loaded log again from disk. A folder's decision folder is looked for again first:
   * `adr init` may have written an `.adr-dir`, or a checkout brought `docs/adr`, since it was found;
   * a log whose folder moved is dropped, and made afresh when next asked for.
   */
  async reloadAll(): Promise<void> {
    await Promise.all(
      [...this.created.values()].map(async (log) => {
        const found = (await findDecisionFolder(log.fs, configuredDecisionFolder(log.folder.uri))) ?? DEFAULT_DECISION_FOLDER;
        if (found === log.decisionFolder) await log.reload();
        else this.drop(log.folder.uri);
      }),
    );
    this.changeEmitter.fire({ changed: [], removed: [] });
  }

  dispose(): void {
    for (const log of this.created.values()) log.dispose();
    this.created.clear();
    this.logs.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private logOf(folder: vscode.WorkspaceFolder): Promise<FolderLog> {
    const key = folder.uri.toString();
    let pending = this.logs.get(key);
    if (!pending) {
      pending = this.create(folder);
      this.logs.set(key, pending);
      // A failed lookup should not stick: the next request tries again. It forgets only itself: a lookup
      // abandoned when the folder's setting changed fails late, after its successor took its place.
      const lookup = pending;
      lookup.catch(() => {
        if (this.logs.get(key) === lookup) this.logs.delete(key);
      });
    }
    return pending;
  }

  private async create(folder: vscode.WorkspaceFolder): Promise<FolderLog> {
    const key = folder.uri.toString();
    const token = {};
    this.tokens.set(key, token);
    const fs = new VscodeFileSystem(folder.uri);
    const found = await findDecisionFolder(fs, configuredDecisionFolder(folder.uri));
    // With no log yet, watch where the first record will be created, so it shows up at once.
    const decisionFolder = found ?? DEFAULT_DECISION_FOLDER;
    // The folder may have left the workspace, or its setting changed, while we looked.
    if (this.tokens.get(key) !== token) throw new Error(`${folder.name} is no longer in the workspace`);
    const log = new FolderLog(folder, decisionFolder, this.output, this.snapshots);
    this.created.get(key)?.dispose(); // never two logs, and two watchers, for one folder
    this.created.set(key, log);
    log.onDidChange((change) => this.changeEmitter.fire({ folder, ...change }));
    return log;
  }

  private drop(uri: vscode.Uri): void {
    const key = uri.toString();
    this.created.get(key)?.dispose();
    this.created.delete(key);
    this.logs.delete(key);
    this.tokens.delete(key);
  }
}
