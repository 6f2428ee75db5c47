/**
 * The Decisions tree: renders the logs, grouped by the current grouping. It owns no data; it reads
 * the logs and refreshes when they announce a change. One root per workspace folder when there are
 * several, otherwise the groups directly.
 */
import * as vscode from 'vscode';
import { awaitingSignOff, groupRecords, recordLabel } from '../core/grouping';
import type { DecisionRecord, SignOff } from '../core/record';
import type { SignOffProvenance } from '../core/signOffProvenance';
import { Commands, Views } from './constants';
import type { DecisionLogs } from './decisionLogs';
import type { FolderLog } from './folderLog';
import type { GroupingState } from './groupingState';
import { cachedGitIdentity } from './identityCache';
import { recordContextValue, recordIcon, recordLine, recordTooltip, savedRationaleExcerpt } from './recordPresentation';
import { affectsLabels, referencePrefix } from './settings';
import { signOffDescription, signOffIcon } from './signOffPresentation';
import { onDidChangeSignOffProvenance, provenanceAt, signOffProvenanceOf } from './signOffProvenance';

export interface FolderNode {
  readonly kind: 'folder';
  readonly folder: vscode.WorkspaceFolder;
}

export interface GroupNode {
  readonly kind: 'group';
  readonly folder: vscode.WorkspaceFolder;
  readonly key: string;
  readonly label: string;
  readonly records: readonly DecisionRecord[];
}

export interface RecordNode {
  readonly kind: 'record';
  readonly folder: vscode.WorkspaceFolder;
  /** The group the record is shown in: a record with two tags appears twice, as two nodes. */
  readonly groupKey: string;
  readonly record: DecisionRecord;
  /** The file of the record. */
  readonly uri: vscode.Uri;
}

/** One person on a record's sign-off list, shown when the record is expanded. */
export interface StakeholderNode {
  readonly kind: 'stakeholder';
  readonly parent: RecordNode;
  readonly signOff: SignOff;
  readonly index: number;
  /** Whether git vouches for the sign-off; absent when git may not run or has nothing to say. */
  readonly provenance?: SignOffProvenance;
}

export type DecisionNode = FolderNode | GroupNode | RecordNode | StakeholderNode;

/** Key of the group of records awaiting the git user's sign-off; cannot collide with a grouping's keys. */
export const AWAITING_GROUP_KEY = 'awaiting';
export const AWAITING_GROUP_LABEL = 'Awaiting my sign-off';

export class DecisionTreeProvider implements vscode.TreeDataProvider<DecisionNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<DecisionNode | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [this.changeEmitter];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly logs: DecisionLogs,
    private readonly grouping: GroupingState,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      logs.onDidChange(() => this.refresh()),
      grouping.onDidChange(() => this.refresh()),
      onDidChangeSignOffProvenance(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsLabels(event)) this.refresh();
      }),
    );
  }

  /**
   * Schedules one full refresh. Every change asks for it; the requests of one moment collapse into
   * a single `fire(undefined)` (VS Code would debounce them too, but only after rendering work).
   */
  refresh(): void {
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.changeEmitter.fire(undefined);
    }, 0);
  }

  async getChildren(node?: DecisionNode): Promise<DecisionNode[]> {
    if (!node) {
      const folders = this.logs.folders();
      if (folders.length === 1) return this.groupsOf(folders[0]);
      return folders.map((folder): FolderNode => ({ kind: 'folder', folder }));
    }
    switch (node.kind) {
      case 'folder':
        return this.groupsOf(node.folder);
      case 'group':
        return node.records.map((record) => this.recordNode(node, record));
      case 'record': {
        // Provenance runs git, so only for a record someone expands.
        const provenance = node.record.signOff.length > 0 ? await signOffProvenanceOf(node.uri) : undefined;
        return node.record.signOff.map(
          (signOff, index): StakeholderNode => ({ kind: 'stakeholder', parent: node, signOff, index, provenance: provenanceAt(provenance, index, signOff) }),
        );
      }
      case 'stakeholder':
        return [];
    }
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `folder|${node.folder.uri.toString()}`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = node.folder.uri;
        item.contextValue = 'folder';
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group|${node.folder.uri.toString()}|${node.key}`;
        item.description = String(node.records.length);
        item.contextValue = node.key === AWAITING_GROUP_KEY ? 'group+awaiting' : 'group';
        if (node.key === AWAITING_GROUP_KEY) item.iconPath = new vscode.ThemeIcon('bell');
        return item;
      }
      case 'record':
        return this.recordItem(node);
      case 'stakeholder':
        return this.stakeholderItem(node);
    }
  }

  /** The tooltip is built only when the user hovers: most items are never hovered. */
  async resolveTreeItem(item: vscode.TreeItem, node: DecisionNode): Promise<vscode.TreeItem> {
    if (node.kind === 'record') item.tooltip = recordTooltip(node.record, referencePrefix(node.folder.uri), await savedRationaleExcerpt(node.uri));
    return item;
  }

  dispose(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private recordItem(node: RecordNode): vscode.TreeItem {
    const { record } = node;
    const prefix = referencePrefix(node.folder.uri);
    // Expandable only when there is someone to show: an arrow that opens onto nothing is noise.
    const collapsible = record.signOff.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(recordLabel(record, prefix), collapsible);
    item.id = this.recordItemId(node);
    item.description = recordLine(record, prefix);
    item.iconPath = recordIcon(record);
    item.contextValue = recordContextValue(record);
    // The Uri lets VS Code decorate the item like the file (git status, problems).
    item.resourceUri = node.uri;
    item.command = { command: Commands.openRecord, title: 'Open Decision Record', arguments: [node.uri] };
    return item;
  }

  private stakeholderItem(node: StakeholderNode): vscode.TreeItem {
    const { signOff } = node;
    const item = new vscode.TreeItem(signOff.name, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.recordItemId(node.parent)}|sign-off|${node.index}`;
    item.description = signOffDescription(signOff, node.provenance);
    item.iconPath = signOffIcon(signOff.state);
    // Plain text: a comment comes from the file and must not render as markdown.
    if (signOff.comment) item.tooltip = signOff.comment;
    item.contextValue = `stakeholder+${signOff.state}`;
    return item;
  }

  private recordItemId(node: RecordNode): string {
    return `record|${node.folder.uri.toString()}|${node.groupKey}|${node.record.path}`;
  }

  private recordNode(group: GroupNode, record: DecisionRecord): RecordNode {
    const uri = vscode.Uri.joinPath(group.folder.uri, ...record.path.split('/'));
    return { kind: 'record', folder: group.folder, groupKey: group.key, record, uri };
  }

  private async groupsOf(folder: vscode.WorkspaceFolder): Promise<GroupNode[]> {
    let log: FolderLog | undefined;
    try {
      log = await this.load(folder);
    } catch (error) {
      // An unreadable folder shows as empty (with the cause in the output) rather than break the view.
      this.output.error(`[tree] ${folder.name}: cannot load the decision log`, error);
      return [];
    }
    if (!log) return [];
    const records = log.log.records();
    const groups: GroupNode[] = groupRecords(records, this.grouping.current).map((group) => ({ kind: 'group', folder, ...group }));
    const awaiting = awaitingSignOff(records, await cachedGitIdentity(folder.uri));
    if (awaiting.length > 0) groups.unshift({ kind: 'group', folder, key: AWAITING_GROUP_KEY, label: AWAITING_GROUP_LABEL, records: awaiting });
    return groups;
  }

  /** Loads a folder's log, with the view's progress bar the first time (that is the slow one). */
  private load(folder: vscode.WorkspaceFolder): Promise<FolderLog | undefined> {
    if (this.logs.isLoaded(folder)) return this.logs.getLog(folder);
    return Promise.resolve(
      vscode.window.withProgress({ location: { viewId: Views.decisions } }, () => this.logs.getLog(folder)),
    );
  }
}
