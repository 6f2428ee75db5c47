/**
 * The core's FileSystem port over `vscode.workspace.fs`, rooted at a workspace folder. Going through
 * workspace.fs (never Node's fs) is what makes remote, container and virtual workspaces work.
 */
import * as vscode from 'vscode';
import {
  type DirectoryEntry,
  type FileStat,
  type FileSystem,
  FileSystemError,
  type FileSystemErrorCode,
  type FileType,
  baseName,
  dirName,
  joinPath,
} from '../core/fileSystem';

export class VscodeFileSystem implements FileSystem {
  constructor(readonly root: vscode.Uri) {}

  /** The Uri of a root-relative POSIX path. */
  uri(path: string): vscode.Uri {
    return path === '' ? this.root : vscode.Uri.joinPath(this.root, ...path.split('/'));
  }

  async readFile(path: string): Promise<Uint8Array> {
    try {
      return await vscode.workspace.fs.readFile(this.uri(path));
    } catch (error) {
      throw toCoreError(error, path);
    }
  }

  async writeFile(path: string, content: Uint8Array): Promise<void> {
    try {
      // workspace.fs.writeFile creates missing parent folders itself.
      await vscode.workspace.fs.writeFile(this.uri(path), content);
    } catch (error) {
      throw toCoreError(error, path);
    }
  }

  /**
   * Exclusive create. VS Code 1.100's `workspace.fs.writeFile` always overwrites (the provider-level
   * `{ create, overwrite }` options are not exposed to consumers), so a plain stat-then-write would
   * let two writers racing for the same number clobber each other. Instead the content goes to a
   * hidden temporary sibling that is then renamed with `overwrite: false`: the rename fails with
   * FileExists when the name is taken, and the file never appears half-written. The file service
   * checks the target right before renaming, which narrows the race to that check; the API offers
   * nothing tighter. The early stat saves the temporary file in the common taken-name case.
   */
  async createFile(path: string, content: Uint8Array): Promise<void> {
    if ((await this.stat(path)) !== undefined) throw new FileSystemError('FileExists', path);
    const temporary = joinPath(dirName(path), `.${baseName(path)}.${randomSuffix()}.tmp`);
    await this.writeFile(temporary, content);
    try {
      await vscode.workspace.fs.rename(this.uri(temporary), this.uri(path), { overwrite: false });
    } catch (error) {
      await vscode.workspace.fs.delete(this.uri(temporary)).then(undefined, () => undefined);
      throw toCoreError(error, path);
    }
  }

  async deleteFile(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(path), { useTrash: false });
    } catch (error) {
      throw toCoreError(error, path);
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(this.uri(path));
      return { type: toFileType(stat.type), mtime: stat.mtime, size: stat.size };
    } catch (error) {
      const coreError = toCoreError(error, path);
      if (coreError.code === 'FileNotFound') return undefined;
      throw coreError;
    }
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
      return entries.map(([name, type]) => ({ name, type: toFileType(type) }));
    } catch (error) {
      throw toCoreError(error, path);
    }
  }
}

const CODES: readonly FileSystemErrorCode[] = ['FileNotFound', 'FileExists', 'NoPermissions', 'Unavailable'];

/** Maps whatever workspace.fs rejected with to the core's error, keeping the cause's message. */
export function toCoreError(error: unknown, path: string): FileSystemError {
  if (error instanceof FileSystemError) return error;
  const code = error instanceof vscode.FileSystemError ? error.code : undefined;
  const known = CODES.find((candidate) => candidate === code);
  const message = error instanceof Error ? error.message : String(error);
  // FileNotADirectory/FileIsADirectory have no core counterpart: the core only needs to tell them apart from the others.
  return new FileSystemError(known ?? 'Unknown', path, message);
}

function toFileType(type: vscode.FileType): FileType {
  // The type is a bit field: a symbolic link to a file is File | SymbolicLink.
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}
