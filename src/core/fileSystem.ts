/**
 * The one port through which the core touches files. The extension implements it over
 * `vscode.workspace.fs` (so remote and virtual workspaces work), the CLI and the unit tests over
 * Node's `fs`.
 *
 * Paths are POSIX-style and relative to the root the implementation was created for (a workspace
 * folder, a repository): `docs/decisions/0001-use-markdown.md`. Only the adapters know URIs or
 * absolute paths.
 */
export interface FileSystem {
  /** Reads a file's bytes. Rejects with a {@link FileSystemError} when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a file, creating missing parent folders and replacing an existing file. */
  writeFile(path: string, content: Uint8Array): Promise<void>;
  /**
   * Creates a file that must not exist yet. Rejects with code `FileExists` when it does, so two
   * writers racing for the same name never overwrite each other.
   */
  createFile(path: string, content: Uint8Array): Promise<void>;
  /**
   * Optional: deletes a file. Record creation uses it to give back a number another process took
   * at the same moment under another name; without it that race can leave a duplicate number.
   */
  deleteFile?(path: string): Promise<void>;
  /** Metadata of a file or folder, or `undefined` when nothing is there. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The entries of a folder. Rejects with code `FileNotFound` when the folder does not exist. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /**
   * Optional: a file's bytes and metadata from one open (Node: `open`, `fstat`, `read`), so the
   * index learns mtime and size for its cache without a second round trip per file. Left out where
   * there is nothing cheaper than {@link stat} plus {@link readFile} (`vscode.workspace.fs`).
   */
  readFileWithStat?(path: string): Promise<{ content: Uint8Array; stat: FileStat }>;
}

export type FileType = 'file' | 'directory' | 'other';

export interface FileStat {
  readonly type: FileType;
  /** Modification time in milliseconds since the epoch. */
  readonly mtime: number;
  readonly size: number;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly type: FileType;
}

export type FileSystemErrorCode = 'FileNotFound' | 'FileExists' | 'NoPermissions' | 'Unavailable' | 'Unknown';

/** The error every implementation rejects with, so the core can react to a cause, not a message. */
export class FileSystemError extends Error {
  constructor(
    readonly code: FileSystemErrorCode,
    readonly path: string,
    message?: string,
  ) {
    super(message ?? `${describeCode(code)}: ${path}`);
    this.name = 'FileSystemError';
  }
}

function describeCode(code: FileSystemErrorCode): string {
  switch (code) {
    case 'FileNotFound':
      return 'No such file or folder';
    case 'FileExists':
      return 'A file already exists';
    case 'NoPermissions':
      return 'Permission denied';
    case 'Unavailable':
      return 'File system unavailable';
    default:
      return 'File system error';
  }
}

/** Joins POSIX path segments, ignoring empty ones: `joinPath('docs/decisions', '0001-a.md')`. */
export function joinPath(...segments: string[]): string {
  return segments
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/')
    .replace(/\/{2,}/g, '/');
}

/** The last segment of a POSIX path. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/** Everything before the last segment of a POSIX path, or '' for a bare name. */
export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
