/**
 * Keeps each log's index snapshot in the extension's workspace storage, so reopening a workspace
 * reads only the records whose modification time or size changed since last time.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { IndexSnapshot } from '../core/decisionLog';

/** Saving waits for a quiet moment: a checkout touching many records is written once. */
const SAVE_DELAY_MS = 2000;

export class SnapshotStore implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    /** `context.storageUri`: undefined when no folder is open, and then nothing is kept. */
    private readonly storage: vscode.Uri | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** The snapshot stored for a log, or undefined when there is none or it cannot be read. */
  async read(folder: vscode.Uri, decisionFolder: string): Promise<IndexSnapshot | undefined> {
    const file = this.fileOf(folder, decisionFolder);
    if (!file) return undefined;
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      // The log checks version and folder itself; this only keeps out what is not an object at all.
      return typeof parsed === 'object' && parsed !== null ? (parsed as IndexSnapshot) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Saves a log's snapshot after a quiet moment; `take` is called only then. */
  scheduleSave(folder: vscode.Uri, decisionFolder: string, take: () => IndexSnapshot): void {
    const file = this.fileOf(folder, decisionFolder);
    if (!file) return;
    const key = file.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.write(file, take());
      }, SAVE_DELAY_MS),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async write(file: vscode.Uri, snapshot: IndexSnapshot): Promise<void> {
    try {
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(snapshot)));
    } catch (error) {
      // Only a cache: the next start reads every record instead.
      this.output.warn('[cache] cannot save the index snapshot', error);
    }
  }

  private fileOf(folder: vscode.Uri, decisionFolder: string): vscode.Uri | undefined {
    if (!this.storage) return undefined;
    const key = createHash('sha1').update(`${folder.toString()}\n${decisionFolder}`).digest('hex').slice(0, 16);
    return vscode.Uri.joinPath(this.storage, `index-${key}.json`);
  }
}
