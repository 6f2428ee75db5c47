/**
 * The Problems panel: every loaded log's validation (parser problems plus the log-level rules) as
 * diagnostics, kept current from the logs' change events. Validation is linear and cheap; what is
 * costly — reading a record's text to place a problem on its line, and checking data-source files —
 * is done only for records that have a problem, and cached.
 */
import * as vscode from 'vscode';
import { validateLog } from '../core/validation';
import type { DecisionRecord, Problem, Severity } from '../core/record';
import { DIAGNOSTIC_SOURCE, NAMESPACE, Settings } from './constants';
import type { DecisionLogs } from './decisionLogs';
import type { FolderLog } from './folderLog';
import { DataSourceFiles } from '../core/dataSourceFiles';
import { referencePrefix } from './settings';

/** Long enough to fold a burst of saves (a branch switch) into one validation. */
const DEBOUNCE_MS = 150;
/** Loading every log for the Problems panel waits until activation and the first views are done. */
const INITIAL_DELAY_MS = 1500;

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** `rationale.completenessSeverity` of a folder, in the core's terms. */
export function completenessSeverity(folder: vscode.Uri): Severity | 'off' {
  const value = vscode.workspace.getConfiguration(NAMESPACE, folder).get<string>(Settings.completenessSeverity);
  switch (value) {
    case 'error':
    case 'warning':
    case 'off':
      return value;
    case 'information':
      return 'info';
    default:
      return 'warning';
  }
}

export class RecordDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(NAMESPACE);
  /** What was last published, per folder and record path, so only records whose problems changed are set again. */
  private readonly published = new Map<string, Map<string, string>>();
  /** Record texts read to place problems, valid while the index holds the same record object. */
  private readonly texts = new WeakMap<DecisionRecord, string>();
  private readonly files = new DataSourceFiles();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly updatedEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.collection, this.updatedEmitter];

  /** Fires after diagnostics were published, for tests and anything that shows them. */
  readonly onDidUpdate = this.updatedEmitter.event;

  constructor(
    private readonly logs: DecisionLogs,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      logs.onDidChange((change) => this.schedule(change.folder ? [change.folder] : logs.folders())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        const prefix = `${NAMESPACE}.`;
        if (event.affectsConfiguration(prefix + Settings.completenessSeverity) || event.affectsConfiguration(prefix + Settings.referencePrefix)) {
          this.schedule(logs.folders());
        }
      }),
      // A record opened before its log was needed by anything else still gets its problems shown.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.languageId === 'markdown' && document.uri.scheme !== 'untitled') void this.loadLogOf(document.uri);
      }),
    );
    const initial = setTimeout(() => void this.loadAll(), INITIAL_DELAY_MS);
    this.subscriptions.push({ dispose: () => clearTimeout(initial) });
  }

  /** Resolves once every scheduled validation has been published. */
  async whenIdle(): Promise<void> {
    while (this.timer !== undefined || this.pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await this.running;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async loadAll(): Promise<void> {
    await this.logs.allLogs();
    this.schedule(this.logs.folders());
  }

  private async loadLogOf(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || this.logs.isLoaded(folder)) return;
    try {
      await this.logs.getLog(folder);
    } catch (error) {
      this.output.error(`[diagnostics] ${folder.name}: cannot load the decision log`, error);
    }
  }

  private schedule(folders: readonly vscode.WorkspaceFolder[]): void {
    for (const folder of folders) this.pending.add(folder.uri.toString());
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const keys = [...this.pending];
      this.pending.clear();
      this.running = this.running.then(() => this.validateFolders(keys));
    }, DEBOUNCE_MS);
  }

  private async validateFolders(keys: readonly string[]): Promise<void> {
    const folders = new Map(this.logs.folders().map((folder) => [folder.uri.toString(), folder]));
    // A folder that left the workspace is in no change event of its own: its problems go with it.
    const departed = [...this.published.keys()].filter((key) => !folders.has(key));
    for (const key of new Set([...keys, ...departed])) {
      const folder = folders.get(key);
      try {
        if (folder && this.logs.isLoaded(folder)) {
          const log = await this.logs.getLog(folder);
          if (log) await this.validate(key, log);
        } else {
          // Gone from the workspace, or its log was dropped (its decision folder setting changed):
          // what was published came from a log that no longer exists.
          this.clearFolder(key);
        }
      } catch (error) {
        this.output.error(`[diagnostics] ${folder?.name ?? key}:`, error);
      }
    }
    this.updatedEmitter.fire();
  }

  private async validate(key: string, log: FolderLog): Promise<void> {
    const records = log.log.records();
    const options = {
      prefix: referencePrefix(log.folder.uri),
      requireComplete: completenessSeverity(log.folder.uri),
    };
    await this.files.prefetch(log.fs, records);
    const fileExists = (path: string): boolean => this.files.exists(log.fs, path);
    // A first pass tells which records have problems; only their texts are read to place them.
    const unplaced = validateLog(records, { ...options, fileExists });
    const withProblems = records.filter((record) => (unplaced.get(record.path)?.length ?? 0) > 0);
    await Promise.all(withProblems.map((record) => this.readText(log, record)));
    const byPath = new Map(records.map((record) => [record.path, record]));
    const textOf = (path: string): string | undefined => {
      const record = byPath.get(path);
      return record && this.texts.get(record);
    };
    const problems = validateLog(records, { ...options, fileExists, textOf });
    this.publish(key, log, problems, textOf);
  }

  private async readText(log: FolderLog, record: DecisionRecord): Promise<void> {
    if (this.texts.has(record)) return;
    try {
      this.texts.set(record, new TextDecoder().decode(await log.fs.readFile(record.path)));
    } catch {
      // Deleted meanwhile: the next change event drops the record; until then problems sit on the title line.
    }
  }

  private publish(key: string, log: FolderLog, problems: Map<string, Problem[]>, textOf: (path: string) => string | undefined): void {
    const previous = this.published.get(key) ?? new Map<string, string>();
    const next = new Map<string, string>();
    for (const [path, list] of problems) {
      const fingerprint = JSON.stringify(list);
      next.set(path, fingerprint);
      if (previous.get(path) === fingerprint) continue;
      this.collection.set(log.fs.uri(path), toDiagnostics(list, textOf(path)));
    }
    for (const path of previous.keys()) {
      if (!next.has(path)) this.collection.delete(log.fs.uri(path));
    }
    this.published.set(key, next);
  }

  private clearFolder(key: string): void {
    const folderUri = vscode.Uri.parse(key);
    for (const path of this.published.get(key)?.keys() ?? []) this.collection.delete(vscode.Uri.joinPath(folderUri, path));
    this.published.delete(key);
  }
}

/** Problems as diagnostics over their line, from its first non-blank character to its end. */
export function toDiagnostics(problems: readonly Problem[], text: string | undefined): vscode.Diagnostic[] {
  const lines = text?.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return problems.map((problem) => {
    const line = problem.line ?? 0;
    const content = lines?.[line];
    const start = content === undefined ? 0 : content.length - content.trimStart().length;
    const end = content === undefined ? Number.MAX_SAFE_INTEGER : Math.max(content.trimEnd().length, start);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(line, start, line, end), problem.message, SEVERITIES[problem.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = problem.code;
    return diagnostic;
  });
}
