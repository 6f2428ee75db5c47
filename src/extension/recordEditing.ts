/**
 * The one place where the core's text edits reach a file. Everything goes through a
 * `WorkspaceEdit` against the document (opened in the background when no editor shows it), so an
 * edit is undoable and an editor's unsaved changes are edited rather than overwritten. A file that
 * is read-only or gone is refused before anything is written.
 */
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { EditResult, TextEdit } from '../core/frontMatterEdit';
import { whyOutsideWorkspace } from './workspaceContainment';

/** A refusal to show as it is: the file cannot take the edit, or the core refused it. */
export class RecordEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordEditError';
  }
}

/** The current text of a record (with unsaved changes) and the document it comes from. */
export async function openRecordDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await assertWritable(uri);
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    throw new RecordEditError(`${fileName(uri)} cannot be opened; it may have been deleted or moved.`);
  }
}

/**
 * The bit VS Code's disk file system sets on a file without write permission (`chmod a-w`); the API's
 * `FilePermission` enum does not name it yet. Root could still write such a file, so honour the mode.
 */
const LOCKED = 2;

/** Refuses a file that is gone, that this workspace cannot write, or that a symbolic link puts outside the workspace. */
export async function assertWritable(uri: vscode.Uri): Promise<void> {
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) {
    throw new RecordEditError(`${fileName(uri)} is on a read-only file system; nothing was changed.`);
  }
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    throw new RecordEditError(`${fileName(uri)} no longer exists; nothing was changed.`);
  }
  if (stat.type !== vscode.FileType.File) throw new RecordEditError(`${fileName(uri)} is not a file; nothing was changed.`);
  if (((stat.permissions ?? 0) & (vscode.FilePermission.Readonly | LOCKED)) !== 0 || (await lacksOwnerWriteBit(uri))) {
    throw new RecordEditError(`${fileName(uri)} is read-only; nothing was changed.`);
  }
  const outside = await whyOutsideWorkspace(uri);
  if (outside) throw new RecordEditError(outside);
}

/**
 * The extension API passes on only the Readonly bit of a stat (VS Code 1.100's ExtHostConsumerFileSystem
 * drops Locked), so a local file is asked directly, with the rule VS Code's disk provider uses for Locked.
 */
async function lacksOwnerWriteBit(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file') return false;
  try {
    return ((await fs.stat(uri.fsPath)).mode & 0o200) === 0;
  } catch {
    return false;
  }
}

/** The edits of a core operation, or its refusal as an error. */
export function editsOrRefuse(result: EditResult): TextEdit[] {
  if (!result.ok) throw new RecordEditError(result.message);
  return result.edits;
}

/**
 * Adds core edits (offsets into `document`'s current text) to a workspace edit. Edits that touch or
 * share an offset are merged into one replacement, so two insertions at one place keep the order
 * the core made them in (VS Code does not promise an order for those).
 */
export function addTextEdits(workspaceEdit: vscode.WorkspaceEdit, document: vscode.TextDocument, edits: readonly TextEdit[]): void {
  const text = document.getText();
  for (const edit of mergeTouching(text, edits)) {
    const range = new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
    workspaceEdit.replace(document.uri, range, edit.newText);
  }
}

/**
 * Applies `compute` to the record's current text and writes the result as one undoable edit.
 * Returns false when there was nothing to change. A document that had no unsaved changes is
 * saved afterwards (so the log and other tools see the edit); one with unsaved changes stays
 * unsaved, as its author left it.
 */
export async function editRecord(uri: vscode.Uri, compute: (text: string) => EditResult): Promise<boolean> {
  const document = await openRecordDocument(uri);
  const edits = editsOrRefuse(compute(document.getText()));
  if (edits.length === 0) return false;
  const workspaceEdit = new vscode.WorkspaceEdit();
  addTextEdits(workspaceEdit, document, edits);
  await applyAndSave(workspaceEdit, [document]);
  return true;
}

/** Applies a workspace edit, then saves those of `documents` that were clean before it. */
export async function applyAndSave(workspaceEdit: vscode.WorkspaceEdit, documents: readonly vscode.TextDocument[]): Promise<void> {
  const clean = documents.filter((document) => !document.isDirty);
  const applied = await vscode.workspace.applyEdit(workspaceEdit);
  if (!applied) throw new RecordEditError('The edit could not be applied (the file changed meanwhile or cannot be written); nothing was changed.');
  for (const document of clean) {
    if (!(await document.save())) {
      throw new RecordEditError(`${fileName(document.uri)} was edited but could not be saved; the edit is in its editor, unsaved.`);
    }
  }
}

function mergeTouching(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const ordered = edits.map((edit, index) => ({ edit, index }));
  ordered.sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  const merged: TextEdit[] = [];
  for (const { edit } of ordered) {
    const last = merged[merged.length - 1];
    if (last && edit.start <= last.end) {
      last.newText += text.slice(last.end, edit.start) + edit.newText;
      last.end = Math.max(last.end, edit.end);
    } else {
      merged.push({ ...edit });
    }
  }
  return merged;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
