/**
 * Entry point. Activation only wires things up: no folder is scanned until the tree is shown or a
 * command needs a log, so opening a workspace stays as fast as without the extension.
 */
import * as vscode from 'vscode';
import type { Grouping } from '../core/grouping';
import { type RationaleApi, logView } from './api';
import { chooseDecisionFolder } from './chooseFolder';
import { registerCommand } from './commandRunner';
import { Commands, DISPLAY_NAME, Views } from './constants';
import { DecisionLogs } from './decisionLogs';
import { DecisionTreeProvider } from './decisionTree';
import { GroupingState } from './groupingState';
import { type LanguageFeaturesApi, registerLanguageFeatures } from './languageFeatures';
import { SnapshotStore } from './snapshotStore';
import { type NewRecordArguments, newRecord } from './newRecord';
import { allDecisionPickItems, openDecision } from './openDecision';
import { openRecord, uriOfCommandArgument } from './openRecord';
import { registerPullRequestCommands } from './pullRequestLinks';
import { renumberDecision } from './renumberCommand';
import { registerSignOffFeatures } from './signOffFeatures';
import { logSignOffProvenanceFailuresTo } from './signOffProvenance';

const GROUP_BY_COMMANDS: readonly [string, Grouping][] = [
  [Commands.groupByStatus, 'status'],
  [Commands.groupByTag, 'tag'],
  [Commands.groupByStakeholder, 'stakeholder'],
  [Commands.groupByMonth, 'month'],
];

export function activate(context: vscode.ExtensionContext): RationaleApi & LanguageFeaturesApi {
  const output = vscode.window.createOutputChannel(DISPLAY_NAME, { log: true });
  logSignOffProvenanceFailuresTo(output);
  const snapshots = new SnapshotStore(context.storageUri, output);
  const logs = new DecisionLogs(output, snapshots);
  const grouping = new GroupingState(context.workspaceState);
  const tree = new DecisionTreeProvider(logs, grouping, output);
  const treeView = vscode.window.createTreeView(Views.decisions, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(output, snapshots, logs, grouping, tree, treeView);

  const createRecord = (argument?: NewRecordArguments) => newRecord(logs, output, argument);
  context.subscriptions.push(
    registerCommand(Commands.newRecord, output, createRecord),
    registerCommand(Commands.openDecision, output, () => openDecision(logs)),
    registerCommand(Commands.openRecord, output, async (argument: unknown) => {
      const uri = uriOfCommandArgument(argument);
      if (!uri) throw new Error('Open Decision Record needs the record to open.');
      await openRecord(uri);
    }),
    registerCommand(Commands.refresh, output, () => logs.reloadAll()),
    registerCommand(Commands.chooseFolder, output, () => chooseDecisionFolder()),
    ...GROUP_BY_COMMANDS.map(([id, value]) => registerCommand(id, output, () => grouping.set(value))),
    registerPullRequestCommands(logs, output),
    registerCommand(Commands.renumber, output, (argument?: unknown) => renumberDecision(logs, argument)),
  );
  const languageFeatures = registerLanguageFeatures(context, logs, output);
  registerSignOffFeatures(context, logs, output);
  output.info(`[activate] ${context.extension.packageJSON.version ?? ''} activated`);

  return {
    version: 1,
    getLog: logView(logs),
    onDidChangeLogs: logs.onDidChange,
    whenIdle: () => logs.whenIdle(),
    tree,
    decisionPickItems: () => allDecisionPickItems(logs),
    newRecord: createRecord,
    ...languageFeatures,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
