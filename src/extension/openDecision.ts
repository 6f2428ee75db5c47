/**
 * Open Decision…: one quick pick over every record of every log, searchable by number, title,
 * status, tag and stakeholder.
 */
import * as vscode from 'vscode';
import { recordLabel, stakeholdersOf } from '../core/grouping';
import type { DecisionRecord } from '../core/record';
import type { DecisionLogs } from './decisionLogs';
import { openRecord } from './openRecord';
import { hasError } from './recordPresentation';
import { referencePrefix } from './settings';
import { literalIconText } from '../core/iconSyntax';

export interface DecisionPickItem extends vscode.QuickPickItem {
  readonly record: DecisionRecord;
  readonly uri: vscode.Uri;
}

export interface LogRecords {
  readonly folder: vscode.WorkspaceFolder;
  readonly records: readonly DecisionRecord[];
}

/**
 * The pick's items: label `DR-12 Title`, description status and date (and the folder in a
 * multi-root workspace), detail tags and stakeholders, so matching on description and detail
 * finds a record by any of them.
 */
export function decisionPickItems(logs: readonly LogRecords[], prefixOf: (folder: vscode.WorkspaceFolder) => string): DecisionPickItem[] {
  const multiRoot = logs.length > 1;
  const items: DecisionPickItem[] = [];
  for (const { folder, records } of logs) {
    const prefix = prefixOf(folder);
    for (const record of records) {
      const description = [
        hasError(record) ? '$(error)' : undefined,
        record.status ?? literalIconText(record.statusText ?? ''),
        record.date,
        multiRoot ? literalIconText(folder.name) : undefined,
      ].filter((part): part is string => part !== undefined && part !== '');
      const tags = record.tags.map((tag) => `#${tag}`);
      items.push({
        label: literalIconText(recordLabel(record, prefix)),
        description: description.join(' · '),
        detail: literalIconText([...tags, ...stakeholdersOf(record)].join('  ')) || undefined,
        record,
        uri: vscode.Uri.joinPath(folder.uri, ...record.path.split('/')),
      });
    }
  }
  return items;
}

/** The pick's items over every log of the workspace, loading logs not loaded yet. */
export async function allDecisionPickItems(logs: DecisionLogs): Promise<DecisionPickItem[]> {
  const loaded = await logs.allLogs();
  return decisionPickItems(
    loaded.map((log) => ({ folder: log.folder, records: log.log.records() })),
    (folder) => referencePrefix(folder.uri),
  );
}

/** Shows the pick and opens the chosen record. */
export async function openDecision(logs: DecisionLogs): Promise<void> {
  const pick = vscode.window.createQuickPick<DecisionPickItem>();
  pick.placeholder = 'Search decisions by number, title, status, tag or stakeholder';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  // Listen before showing: the user may press Esc while the logs still load.
  const chosen = new Promise<DecisionPickItem | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
  });
  pick.show();
  try {
    const filled = allDecisionPickItems(logs).then((items) => {
      pick.items = items;
      pick.busy = false;
      if (pick.items.length === 0) pick.placeholder = 'No decision records yet';
    });
    const [, choice] = await Promise.all([filled, chosen]);
    pick.hide();
    if (choice) await openRecord(choice.uri);
  } finally {
    pick.dispose();
  }
}
