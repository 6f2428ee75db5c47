/**
 * The pull request commands (Copy Link for Pull Request, Copy PR Summary, Add Pull Request Link…)
 * and the context key that shows them in the title bar of a record's editor.
 */
import * as vscode from 'vscode';
import { recordFolders } from '../core/folders';
import { addPullRequestLink } from './addPullRequestLink';
import { registerCommand } from './commandRunner';
import { Commands, ContextKeys } from './constants';
import { copyPrSummary } from './copyPrSummary';
import { copyPullRequestLink } from './copyPullRequestLink';
import type { DecisionLogs } from './decisionLogs';

export function registerPullRequestCommands(logs: DecisionLogs, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(Commands.copyPullRequestLink, output, (argument: unknown) => copyPullRequestLink(logs, argument)),
    registerCommand(Commands.copyPrSummary, output, (argument: unknown) => copyPrSummary(logs, argument)),
    registerCommand(Commands.addPullRequestLink, output, (argument: unknown) => addPullRequestLink(logs, argument)),
    new DecisionFoldersContext(logs, output),
  );
}

/**
 * Keeps `rationale.decisionFolders` listing the decision folders of the loaded logs. Opening a
 * markdown file of a folder whose log is not loaded yet loads it, so the editor's buttons appear
 * without the Decisions view ever being shown.
 */
class DecisionFoldersContext implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private published = '';

  constructor(
    private readonly logs: DecisionLogs,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      logs.onDidChange(() => void this.update()),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.loadLogOf(editor)),
    ];
    void this.loadLogOf(vscode.window.activeTextEditor);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async loadLogOf(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || editor.document.languageId !== 'markdown') return;
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
    if (!folder || this.logs.isLoaded(folder)) return;
    try {
      await this.logs.getLog(folder);
      await this.update();
    } catch (error) {
      this.output.warn(`[pull request] ${folder.name}: cannot load the decision log`, error);
    }
  }

  private async update(): Promise<void> {
    const loaded = this.logs.folders().filter((folder) => this.logs.isLoaded(folder));
    const logs = await Promise.all(loaded.map((folder) => this.logs.getLog(folder).catch(() => undefined)));
    // The workbench spells `resourceDirname` as the file-system path for local files and as the
    // URI's path for remote ones (`/c:/…` where the host says `c:\…`), so both are listed. Records
    // filed in subfolders get the editor's buttons too.
    const paths = logs.flatMap((log) => {
      if (!log) return [];
      return recordFolders(log.decisionFolder, log.log.records().map((record) => record.path)).flatMap((relative) => {
        const folder = vscode.Uri.joinPath(log.folder.uri, relative);
        return folder.fsPath === folder.path ? [folder.fsPath] : [folder.fsPath, folder.path];
      });
    });
    const key = paths.join('\n');
    if (key === this.published) return;
    this.published = key;
    await vscode.commands.executeCommand('setContext', ContextKeys.decisionFolders, paths).then(undefined, (error: unknown) => {
      this.output.warn('[pull request] cannot set the decision folders context', error);
    });
  }
}
