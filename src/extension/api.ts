/**
 * What `activate()` returns: the extension's live objects for other extensions and for the
 * integration tests (`extensions.getExtension('rationale.rationale').exports`).
 */
import type * as vscode from 'vscode';
import type { DecisionRecord } from '../core/record';
import type { DecisionLogs, LogsChange } from './decisionLogs';
import type { DecisionTreeProvider } from './decisionTree';
import type { NewRecordArguments, NewRecordResult } from './newRecord';
import type { DecisionPickItem } from './openDecision';

/** The part of one folder's log the API shares: read-only. */
export interface LogView {
  readonly folder: vscode.WorkspaceFolder;
  /** The decision folder, relative to the workspace folder. */
  readonly decisionFolder: string;
  records(): readonly DecisionRecord[];
  get(path: string): DecisionRecord | undefined;
}

export interface RationaleApi {
  /** Version of this API; grows when members are added. */
  readonly version: 1;
  /** The loaded log of a workspace folder (or of the folder holding a Uri); loads it on first use. */
  getLog(folder: vscode.Uri | vscode.WorkspaceFolder): Promise<LogView | undefined>;
  /** Fires after records changed in any log, once per batch of file events. */
  readonly onDidChangeLogs: vscode.Event<LogsChange>;
  /** Resolves once every log has applied all file events received so far. */
  whenIdle(): Promise<void>;
  /** The Decisions tree's data provider. */
  readonly tree: DecisionTreeProvider;
  /** The items Open Decision… offers, over every log. */
  decisionPickItems(): Promise<DecisionPickItem[]>;
  /** Creates a record without asking anything, as `rationale.newRecord` with an argument does. */
  newRecord(argument: NewRecordArguments): Promise<NewRecordResult | undefined>;
}

export function logView(logs: DecisionLogs): RationaleApi['getLog'] {
  return async (folder) => {
    const log = await logs.getLog(folder);
    if (!log) return undefined;
    return {
      folder: log.folder,
      decisionFolder: log.decisionFolder,
      records: () => log.log.records(),
      get: (path) => log.log.get(path),
    };
  };
}
