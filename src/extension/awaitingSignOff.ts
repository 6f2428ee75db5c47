/**
 * The status-bar item "$(pass) N awaiting sign-off": how many records of the loaded logs name the
 * git user as a pending stakeholder. Hidden at zero. Clicking it lists them. It counts only logs
 * already loaded (by the tree, a command or an open record), so activation stays free of scans.
 */
import * as vscode from 'vscode';
import { awaitingSignOff, recordLabel } from '../core/grouping';
import type { DecisionRecord } from '../core/record';
import type { DecisionLogs } from './decisionLogs';
import type { FolderLog } from './folderLog';
import { cachedGitIdentity } from './identityCache';
import { openRecord } from './openRecord';
import { referencePrefix } from './settings';
import { literalIconText } from '../core/iconSyntax';

export interface AwaitingRecord {
  readonly log: FolderLog;
  readonly record: DecisionRecord;
  readonly uri: vscode.Uri;
}

/** The records of every loaded log that await the sign-off of that folder's git user. */
export async function awaitingRecords(logs: DecisionLogs): Promise<AwaitingRecord[]> {
  const found: AwaitingRecord[] = [];
  for (const folder of logs.folders()) {
    if (!logs.isLoaded(folder)) continue;
    const log = await logs.getLog(folder);
    if (!log) continue;
    const identity = await cachedGitIdentity(folder.uri);
    for (const record of awaitingSignOff(log.log.records(), identity)) found.push({ log, record, uri: log.fs.uri(record.path) });
  }
  return found;
}

export class AwaitingSignOffStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Counts one at a time; a change during a count asks for one more afterwards. */
  private updating: Promise<void> | undefined;
  private again = false;
  private shownCount = 0;

  constructor(
    private readonly logs: DecisionLogs,
    private readonly output: vscode.LogOutputChannel,
    command: string,
  ) {
    this.item = vscode.window.createStatusBarItem('rationale.awaitingSignOff', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Rationale: Awaiting Sign-off';
    this.item.command = command;
    this.subscriptions.push(this.item, logs.onDidChange(() => void this.update()));
    void this.update();
  }

  /** The count shown now (0 when hidden); for tests. */
  get count(): number {
    return this.shownCount;
  }

  /** Recounts; resolves once the item shows the result. */
  update(): Promise<void> {
    if (this.updating) {
      this.again = true;
      return this.updating;
    }
    this.updating = this.recount().finally(() => {
      this.updating = undefined;
      if (this.again) {
        this.again = false;
        void this.update();
      }
    });
    return this.updating;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async recount(): Promise<void> {
    try {
      const count = (await awaitingRecords(this.logs)).length;
      this.shownCount = count;
      if (count === 0) {
        this.item.hide();
        return;
      }
      this.item.text = `$(pass) ${count} awaiting sign-off`;
      this.item.tooltip = `${count} decision record${count === 1 ? '' : 's'} await${count === 1 ? 's' : ''} your sign-off`;
      this.item.show();
    } catch (error) {
      this.output.error('[awaiting] cannot count the records awaiting sign-off', error);
    }
  }
}

/** The quick pick behind the status-bar item; opens the chosen record. */
export async function showAwaitingSignOff(logs: DecisionLogs): Promise<void> {
  const awaiting = await awaitingRecords(logs);
  if (awaiting.length === 0) {
    void vscode.window.showInformationMessage('No decision record awaits your sign-off.');
    return;
  }
  const items = awaiting.map((entry) => ({
    label: literalIconText(recordLabel(entry.record, referencePrefix(entry.log.folder.uri))),
    description: entry.record.status,
    detail: literalIconText(entry.record.path),
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Awaiting My Sign-off', placeHolder: 'Open a record to sign off', matchOnDetail: true });
  if (picked) await openRecord(picked.entry.uri);
}
