/**
 * Renumber Decision…: moves a record to the next free number (after a merge left two records 14)
 * in one workspace edit — the file's rename plus the text edits of every file whose references
 * meant it — so one undo takes everything back. Which references are updated is the plan's rule
 * (src/core/renumber.ts); references that a shared number makes ambiguous are updated only when
 * the user says so, after being told how many there are. Callers (tests, the quick fix) may pass
 * the answer in the argument, and nothing is asked.
 */
import * as vscode from 'vscode';
import { baseName, joinPath } from '../core/fileSystem';
import { isRecordFileName } from '../core/naming';
import type { DecisionRecord } from '../core/record';
import { formatReference } from '../core/references';
import { type FileEdits, type RenumberPlan, countEdits, planEdits, planRenumber } from '../core/renumber';
import { DUPLICATE_NUMBER } from '../core/decisionLog';
import type { DecisionLogs } from './decisionLogs';
import type { FolderLog } from './folderLog';
import { openRecord, uriOfCommandArgument } from './openRecord';
import { RecordEditError, addTextEdits, assertWritable } from './recordEditing';
import { type RecordTarget, resolveRecordTarget } from './recordTarget';
import { referencePrefix } from './settings';
import { literalIconText } from '../core/iconSyntax';

const TITLE = 'Renumber Decision';

export interface RenumberArguments {
  uri?: vscode.Uri;
  /**
   * Whether references in other records that may mean a record keeping the number (`DR-14` in
   * prose, `related: [14]`) are updated too. Nothing is asked when this is given.
   */
  updateReferences: boolean;
  /** The new number; the next free one when left out. */
  number?: number;
}

export interface RenumberResult {
  uri: vscode.Uri;
  /** The new path, relative to the workspace folder. */
  path: string;
  from: number;
  to: number;
  /** Paths (relative to the workspace folder, as they were before the rename) of the files whose text changed. */
  editedFiles: string[];
}

/** Runs Renumber Decision…; undefined when the user cancelled. */
export async function renumberDecision(logs: DecisionLogs, argument?: unknown): Promise<RenumberResult | undefined> {
  const target = await targetOf(logs, argument);
  if (!target) return undefined;
  const { log } = target;
  const prefix = referencePrefix(log.folder.uri);
  const given = isRenumberArguments(argument) ? argument : undefined;
  await assertWritable(target.uri);

  const texts = await currentTexts(log);
  const plan = planRenumber({ records: log.log.records(), texts, path: target.record.path, prefix, to: given?.number });
  if (!plan.ok) throw new RecordEditError(plan.message);
  const includeAmbiguous = given ? given.updateReferences : await askScope(plan, prefix);
  if (includeAmbiguous === undefined) return undefined;
  const files = planEdits(plan, includeAmbiguous).filter((file) => file.edits.length > 0 || file.path === plan.oldPath);

  const edit = new vscode.WorkspaceEdit();
  const documents = await documentsFor(log, files, texts);
  // Text edits first, on the old name, then the rename: VS Code applies a workspace edit in order,
  // and moves an edited (or unsaved) document's content along with its file.
  for (const { file, document } of documents) addTextEdits(edit, document, file.edits);
  const oldUri = log.fs.uri(plan.oldPath);
  const newUri = log.fs.uri(plan.newPath);
  edit.renameFile(oldUri, newUri, { overwrite: false, ignoreIfExists: false });

  const cleanBefore = new Set(documents.filter(({ document }) => !document.isDirty).map(({ file }) => file.path));
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new RecordEditError(`${baseName(plan.oldPath)} could not be renumbered (a file changed meanwhile, or ${baseName(plan.newPath)} exists); nothing was changed.`);
  }
  // Documents without unsaved changes before are saved, so the log, git and other tools see the
  // renumbering; one with unsaved changes stays unsaved, as its author left it.
  const unsaved: string[] = [];
  for (const path of cleanBefore) {
    const uri = path === plan.oldPath ? newUri : log.fs.uri(path);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty && !(await document.save())) unsaved.push(baseName(path === plan.oldPath ? plan.newPath : path));
  }
  await Promise.all([plan.oldPath, plan.newPath, ...files.map((file) => file.path)].map((path) => log.refreshFile(path)));
  await openRecord(newUri);
  if (unsaved.length > 0) {
    throw new RecordEditError(`Renumbered, but ${unsaved.join(', ')} could not be saved; the edits are in their editors, unsaved.`);
  }
  return {
    uri: newUri,
    path: plan.newPath,
    from: plan.from,
    to: plan.to,
    editedFiles: files.filter((file) => file.edits.length > 0).map((file) => file.path),
  };
}

/**
 * The record to move: the argument's, else the active editor's; from the palette with neither, a
 * pick among the records whose number is shared.
 */
async function targetOf(logs: DecisionLogs, argument: unknown): Promise<RecordTarget | undefined> {
  if (uriOfCommandArgument(argument) || (await activeRecord(logs))) return resolveRecordTarget(logs, argument, TITLE);
  const duplicates: { label: string; description: string; uri: vscode.Uri }[] = [];
  for (const log of await logs.allLogs()) {
    const prefix = referencePrefix(log.folder.uri);
    for (const record of log.log.records()) {
      if (!isDuplicate(record) || record.number === undefined) continue;
      duplicates.push({
        label: literalIconText(`${formatReference(record.number, prefix)} ${record.title}`),
        description: literalIconText(record.path),
        uri: log.fs.uri(record.path),
      });
    }
  }
  if (duplicates.length === 0) return resolveRecordTarget(logs, argument, TITLE);
  const picked = await vscode.window.showQuickPick(duplicates, { title: TITLE, placeHolder: 'Records sharing a number: which one moves to the next free number?' });
  return picked ? resolveRecordTarget(logs, picked.uri, TITLE) : undefined;
}

async function activeRecord(logs: DecisionLogs): Promise<boolean> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri) return false;
  try {
    await resolveRecordTarget(logs, uri, TITLE);
    return true;
  } catch {
    return false;
  }
}

function isDuplicate(record: DecisionRecord): boolean {
  return record.problems.some((problem) => problem.code === DUPLICATE_NUMBER);
}

/** True (all references), false (only those that surely meant it) or undefined (cancelled), asked in one modal. */
async function askScope(plan: RenumberPlan, prefix: string): Promise<boolean | undefined> {
  const from = formatReference(plan.from, prefix);
  const to = formatReference(plan.to, prefix);
  const name = baseName(plan.oldPath);
  const certain = countEdits(plan.certain.filter((file) => file.path !== plan.oldPath));
  const ambiguous = countEdits(plan.ambiguous);
  const certainText = certain.edits === 0 ? '' : ` ${plural(certain.edits, 'link')} naming ${name} in ${plural(certain.files, 'file')} will follow it.`;
  if (ambiguous.edits === 0) {
    const choice = await vscode.window.showInformationMessage(
      `Renumber ${from} to ${to}?`,
      { modal: true, detail: `${name} becomes ${baseName(plan.newPath)}.${certainText} One undo takes it back.` },
      'Renumber',
    );
    return choice === 'Renumber' ? false : undefined;
  }
  const all = 'Renumber and Update All';
  const linksOnly = 'Renumber, Update Links Only';
  const sharing = plan.sharing.map(baseName).join(', ');
  const choice = await vscode.window.showWarningMessage(
    `Renumber ${from} to ${to}?`,
    {
      modal: true,
      detail:
        `${name} becomes ${baseName(plan.newPath)}.${certainText} ` +
        `${from} is also the number of ${sharing}, so ${plural(ambiguous.edits, 'reference')} to ${from} in ${plural(ambiguous.files, 'other file')} ` +
        `may mean either record. Update them to ${to} only if they meant ${name}.`,
    },
    all,
    linksOnly,
  );
  return choice === all ? true : choice === linksOnly ? false : undefined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The text of every record, and of the other markdown files beside them (an adr-tools README's
 * table of contents links records by file name): an open document's text with its unsaved changes,
 * else the file's. A file that cannot be read is left out; the plan refuses if it needed it.
 */
async function currentTexts(log: FolderLog): Promise<Map<string, string>> {
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  const paths = log.log.records().map((record) => record.path);
  try {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(log.fs.uri(log.decisionFolder))) {
      if (type === vscode.FileType.File && /\.(md|markdown)$/i.test(name) && !isRecordFileName(name)) paths.push(joinPath(log.decisionFolder, name));
    }
  } catch {
    // The records are what matters; a folder listing that fails leaves out only the extra files.
  }
  const texts = new Map<string, string>();
  const decoder = new TextDecoder();
  const read = async (path: string): Promise<void> => {
    const document = open.get(log.fs.uri(path).toString());
    if (document) {
      texts.set(path, document.getText());
      return;
    }
    try {
      texts.set(path, decoder.decode(await log.fs.readFile(path)));
    } catch {
      // Left out: see above.
    }
  };
  // A few reads at a time: enough to hide latency, few enough not to exhaust handles.
  for (let index = 0; index < paths.length; index += 32) await Promise.all(paths.slice(index, index + 32).map(read));
  return texts;
}

/** The documents to edit, each checked writable and still holding the text the plan was made from. */
async function documentsFor(log: FolderLog, files: readonly FileEdits[], texts: ReadonlyMap<string, string>): Promise<{ file: FileEdits; document: vscode.TextDocument }[]> {
  const result: { file: FileEdits; document: vscode.TextDocument }[] = [];
  for (const file of files) {
    const uri = log.fs.uri(file.path);
    await assertWritable(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== texts.get(file.path)) {
      throw new RecordEditError(`${baseName(file.path)} changed while renumbering; nothing was changed. Try again.`);
    }
    result.push({ file, document });
  }
  return result;
}

function isRenumberArguments(value: unknown): value is RenumberArguments {
  return typeof value === 'object' && value !== null && 'updateReferences' in value && typeof value.updateReferences === 'boolean';
}
