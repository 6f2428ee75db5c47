/**
 * The decision log of one workspace folder, kept current by a file watcher. The core's
 * DecisionLog holds the records; this class feeds it the file events, batched, and in order.
 */
import * as vscode from 'vscode';
import { DecisionLog } from '../core/decisionLog';
import { isInsideFolder } from '../core/folders';
import { ChangeBatcher, type ChangeBatch } from './changeBatcher';
import type { SnapshotStore } from './snapshotStore';
import { VscodeFileSystem } from './vscodeFileSystem';

export interface LogChange {
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export class FolderLog implements vscode.Disposable {
  readonly log: DecisionLog;
  readonly fs: VscodeFileSystem;
  private readonly batcher: ChangeBatcher;
  private readonly watcher: vscode.FileSystemWatcher;
  /** The folders above the decision folder, whose deletion or arrival takes it away or brings it. */
  private readonly parents: readonly string[];
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Every load and update runs in this chain, one after another, so none sees another half-done. */
  private queue: Promise<void> = Promise.resolve();
  private loading: Promise<void> | undefined;
  private disposed = false;
  private readonly changeEmitter = new vscode.EventEmitter<LogChange>();
  /** What the running task changed so far; announced once when it ends, so a batch is one event. */
  private pendingChange = { changed: new Set<string>(), removed: new Set<string>() };

  /** Fires once per load or batch of file events that changed records. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    /** The decision folder, relative to the workspace folder. */
    readonly decisionFolder: string,
    private readonly output: vscode.LogOutputChannel,
    private readonly snapshots: SnapshotStore,
  ) {
    this.fs = new VscodeFileSystem(folder.uri);
    this.log = new DecisionLog(this.fs, decisionFolder);
    this.batcher = new ChangeBatcher((batch) => this.enqueue(() => this.apply(batch)));
    // Watching starts before the first load so nothing written meanwhile is missed; the batcher
    // holds those events until the load is done. `folder/**` also matches the folder itself, so
    // deleting the whole folder arrives here too. Its parents are watched as well: VS Code reports
    // deleting (or renaming) `docs` as that one event, not one for each record below it.
    this.parents = parentsOf(decisionFolder);
    const pattern = this.parents.length === 0 ? `${decisionFolder}/**` : `{${[...this.parents, `${decisionFolder}/**`].join(',')}}`;
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
    this.subscriptions.push(
      this.changeEmitter,
      this.log.onDidChange((change) => {
        for (const path of change.changed) {
          this.pendingChange.changed.add(path);
          this.pendingChange.removed.delete(path);
        }
        for (const path of change.removed) {
          this.pendingChange.removed.add(path);
          this.pendingChange.changed.delete(path);
        }
      }),
      this.watcher,
      this.watcher.onDidCreate((uri) => this.onFileEvent(uri, 'created')),
      this.watcher.onDidChange((uri) => this.onFileEvent(uri, 'changed')),
      this.watcher.onDidDelete((uri) => this.onFileEvent(uri, 'deleted')),
    );
  }

  /** Loads the log once; later calls return the same promise. */
  ready(): Promise<void> {
    this.loading ??= this.enqueue(async () => {
      const started = Date.now();
      let snapshot = await this.snapshots.read(this.folder.uri, this.decisionFolder);
      try {
        await this.log.load({ snapshot });
      } catch (error) {
        if (!snapshot) throw error;
        // A cached index that cannot be used must not keep the log from loading: read every file.
        this.output.warn(`[log] ${this.folder.name}: the cached index could not be used; reading every record`, error);
        snapshot = undefined;
        await this.log.load();
      }
      this.output.info(
        `[log] ${this.folder.name}: ${this.log.records().length} records in ${this.decisionFolder}` +
          ` (${Date.now() - started} ms${snapshot ? ', from cache' : ''})`,
      );
      this.warnOfUnreadableFolders();
    }).then(
      () => this.batcher.resume(),
      (error: unknown) => {
        // Let the next caller try again rather than keep a failed load forever.
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** Reads the whole folder again; for when events were missed. */
  reload(): Promise<void> {
    if (!this.loading) return this.ready();
    return this.enqueue(() => this.log.load());
  }

  /** Reads one file again now, without waiting for its file event (after writing it ourselves). */
  async refreshFile(path: string): Promise<void> {
    await this.ready();
    await this.enqueue(() => this.log.update(path));
  }

  /** Resolves once the first load and every batch of events received so far have been applied. */
  async idle(): Promise<void> {
    // A batch may be waiting for its timer, and applying one may queue more: loop until quiet.
    for (;;) {
      const queued = this.queue;
      await queued;
      if (this.batcher.hasPending) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      if (queued === this.queue) return;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.batcher.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Records in a folder that cannot be read are missing from the log: say so rather than show less in silence. */
  private warnOfUnreadableFolders(): void {
    const unreadable = this.log.unreadableFolders();
    if (unreadable.length === 0) return;
    for (const { path, reason } of unreadable) this.output.warn(`[log] ${this.folder.name}: cannot read ${path}: ${reason}`);
    const names = unreadable.map(({ path }) => path).join(', ');
    void vscode.window.showWarningMessage(`Rationale: cannot read ${names} in ${this.folder.name}, so the records there are not shown or checked.`);
  }

  private onFileEvent(uri: vscode.Uri, event: 'created' | 'changed' | 'deleted'): void {
    const path = this.relativePath(uri);
    if (path === undefined) return;
    if (isInsideFolder(path, this.decisionFolder)) {
      this.batcher.add(path, event === 'deleted' ? 'deleted' : 'changed');
    } else if (this.parents.includes(path) && event !== 'changed') {
      // A parent that went takes the decision folder with it; one that appeared may bring it back.
      this.batcher.add(this.decisionFolder, event === 'deleted' ? 'deleted' : 'changed');
    }
  }

  private relativePath(uri: vscode.Uri): string | undefined {
    const root = this.folder.uri.path.replace(/\/+$/, '');
    if (uri.scheme !== this.folder.uri.scheme || !uri.path.startsWith(`${root}/`)) return undefined;
    return uri.path.slice(root.length + 1);
  }

  private async apply(batch: ChangeBatch): Promise<void> {
    if (this.disposed) return;
    // The log tells files from folders itself: a deleted folder drops its records, a folder that
    // appeared at once (moved in, restored) has its records read, non-records are ignored.
    for (const path of batch.deleted) this.log.remove(path);
    for (const path of batch.changed) await this.log.update(path);
  }

  private announce(): void {
    const { changed, removed } = this.pendingChange;
    if (this.disposed || (changed.size === 0 && removed.size === 0)) return;
    this.pendingChange = { changed: new Set(), removed: new Set() };
    this.snapshots.scheduleSave(this.folder.uri, this.decisionFolder, () => this.log.snapshot());
    this.changeEmitter.fire({ changed: [...changed], removed: [...removed] });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).finally(() => this.announce());
    // The chain goes on after a failure; the failure is logged here and reported to the caller.
    this.queue = run.catch((error: unknown) => {
      this.output.error(`[log] ${this.folder.name}:`, error);
    });
    return run;
  }
}

/** `docs/architecture/decisions` → `docs`, `docs/architecture`. */
function parentsOf(folder: string): string[] {
  const segments = folder.split('/');
  return segments.slice(1).map((_segment, index) => segments.slice(0, index + 1).join('/'));
}
