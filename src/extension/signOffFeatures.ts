/**
 * Registers the sign-off workflow: the record commands (sign off, request sign-off, change
 * status, supersede, link related, add data source), the "awaiting sign-off" status-bar item and
 * the CodeLens over record titles. One call from activate().
 */
import * as vscode from 'vscode';
import { AwaitingSignOffStatus, showAwaitingSignOff } from './awaitingSignOff';
import { registerCommand } from './commandRunner';
import { Commands } from './constants';
import type { DecisionLogs } from './decisionLogs';
import { RecordCodeLensProvider } from './recordCodeLens';
import { addDataSourceCommand, linkRelated } from './relatedCommands';
import { requestSignOffCommand, signOff } from './signOffCommands';
import { changeStatus } from './statusCommands';
import { supersede } from './supersede';

export function registerSignOffFeatures(context: vscode.ExtensionContext, logs: DecisionLogs, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    registerCommand(Commands.signOff, output, (argument?: unknown) => signOff(logs, argument)),
    registerCommand(Commands.requestSignOff, output, (argument?: unknown) => requestSignOffCommand(logs, argument)),
    registerCommand(Commands.changeStatus, output, (argument?: unknown) => changeStatus(logs, argument)),
    registerCommand(Commands.supersede, output, (argument?: unknown) => supersede(logs, argument)),
    registerCommand(Commands.linkRelated, output, (argument?: unknown) => linkRelated(logs, argument)),
    registerCommand(Commands.addDataSource, output, (argument?: unknown) => addDataSourceCommand(logs, argument)),
    registerCommand(Commands.showAwaitingSignOff, output, () => showAwaitingSignOff(logs)),
    new AwaitingSignOffStatus(logs, output, Commands.showAwaitingSignOff),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, new RecordCodeLensProvider(logs)),
  );
}
