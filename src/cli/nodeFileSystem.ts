import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import * as nodePath from 'node:path';
import { DirectoryEntry, FileStat, FileSystem, FileSystemError, FileSystemErrorCode, FileType } from '../core/fileSystem';

// The index reads thousands of files through these. Node 20's `fs.promises` goes through FileHandle
// objects and costs about twice the main-thread time of the callback API per file (measured by
// scripts/bench.js), so the hot paths use the callback API.

/** The largest file a Buffer can hold. */
const MAX_LENGTH = bufferConstants.MAX_LENGTH;

/** Relative POSIX segments that can only name something below the root: no `.`/`..`, `\`, `:` or empty segment. */
const PLAIN_RELATIVE_PATH = /^[^/\\:.][^/\\:]*(?:\/[^/\\:.][^/\\:]*)*$/;

/**
 * The {@link FileSystem} port over Node's `fs`, rooted at an absolute directory, for the CLI and
 * for tests on real disks. Paths given to it are POSIX and relative to the root; one that would
 * resolve outside the root is refused rather than followed.
 */
export class NodeFileSystem implements FileSystem {
  readonly root: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const absolute = this.resolve(path);
    try {
      return await fsp.readFile(absolute);
    } catch (error) {
      throw toFileSystemError(error, path);
    }
  }

  readFileWithStat(path: string): Promise<{ content: Uint8Array; stat: FileStat }> {
    // The index calls this for every record, so it is written as one chain of callbacks (open,
    // fstat, read, close: the system calls readFile itself makes) under a single promise; four
    // promisified steps cost about a third more main-thread time per file.
    return new Promise((resolve, reject) => {
      const fail = (error: unknown): void => reject(toFileSystemError(error, path));
      fs.open(this.resolve(path), 'r', (openError, descriptor) => {
        if (openError) return fail(openError);
        // Every way out closes the descriptor first, a throw inside a callback included.
        const finish = (error: unknown, result?: { content: Uint8Array; stat: FileStat }): void => {
          fs.close(descriptor, (closeError) => {
            if (error || closeError) fail(error ?? closeError);
            else if (result) resolve(result);
          });
        };
        const guarded =
          <A extends unknown[]>(step: (...args: A) => void) =>
          (...args: A): void => {
            try {
              step(...args);
            } catch (error) {
              finish(error);
            }
          };
        fs.fstat(
          descriptor,
          guarded((statError: NodeJS.ErrnoException | null, stats: fs.Stats) => {
            if (statError) return finish(statError);
            if (!stats.isFile()) return finish(new FileSystemError('Unknown', path, `Not a file: ${path}`));
            if (stats.size >= MAX_LENGTH) return finish(new FileSystemError('Unknown', path, `${path} is ${(stats.size / 2 ** 30).toFixed(1)} GB, too large to read`));
            const stat: FileStat = { type: 'file', mtime: stats.mtimeMs, size: stats.size };
            // One byte more than the size tells a file that grew since the fstat; then the rest is read too.
            const buffer = Buffer.allocUnsafe(stats.size + 1);
            const readFrom = (offset: number): void => {
              fs.read(
                descriptor,
                buffer,
                offset,
                buffer.length - offset,
                null,
                guarded((readError: NodeJS.ErrnoException | null, bytesRead: number) => {
                  if (readError) return finish(readError);
                  const total = offset + bytesRead;
                  // Less than asked before the size is reached: some file systems (network, FUSE) read in parts.
                  if (bytesRead > 0 && total < stats.size) return readFrom(total);
                  if (total < buffer.length) return finish(undefined, { content: buffer.subarray(0, total), stat });
                  // Reading a descriptor continues from where the last read stopped.
                  fs.readFile(
                    descriptor,
                    guarded((restError: NodeJS.ErrnoException | null, rest: Buffer) => {
                      if (restError) finish(restError);
                      else finish(undefined, { content: Buffer.concat([buffer, rest]), stat });
                    }),
                  );
                }),
              );
            };
            readFrom(0);
          }),
        );
      });
    });
  }

  async deleteFile(path: string): Promise<void> {
    try {
      await fsp.unlink(this.resolve(path));
    } catch (error) {
      throw toFileSystemError(error, path);
    }
  }

  async writeFile(path: string, content: Uint8Array): Promise<void> {
    const absolute = this.resolve(path);
    try {
      await fsp.mkdir(nodePath.dirname(absolute), { recursive: true });
      await fsp.writeFile(absolute, content);
    } catch (error) {
      throw toFileSystemError(error, path);
    }
  }

  async createFile(path: string, content: Uint8Array): Promise<void> {
    const absolute = this.resolve(path);
    try {
      await fsp.mkdir(nodePath.dirname(absolute), { recursive: true });
      // `wx` is O_CREAT | O_EXCL: the kernel, not a check before writing, decides who gets the name.
      await fsp.writeFile(absolute, content, { flag: 'wx' });
    } catch (error) {
      throw toFileSystemError(error, path);
    }
  }

  stat(path: string): Promise<FileStat | undefined> {
    // A re-opened index stats every record: one callback under one promise, as readFileWithStat.
    return new Promise((resolve, reject) => {
      fs.stat(this.resolve(path), (error, stats) => {
        if (!error) return resolve({ type: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', mtime: stats.mtimeMs, size: stats.size });
        const mapped = toFileSystemError(error, path);
        if (mapped.code === 'FileNotFound') resolve(undefined);
        else reject(mapped);
      });
    });
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const absolute = this.resolve(path);
    try {
      const entries = await fsp.readdir(absolute, { withFileTypes: true });
      const listed: DirectoryEntry[] = entries.map((entry) => ({ name: entry.name, type: entryType(entry) }));
      // A link counts as what it points to, so linked records and folders are not skipped. Only links
      // wait on a stat; everything else is typed from the listing at once, without a promise each.
      const links: Promise<void>[] = [];
      entries.forEach((entry, index) => {
        if (!entry.isSymbolicLink()) return;
        const resolved = linkTargetType(nodePath.join(absolute, entry.name)).then((type) => {
          listed[index] = { name: entry.name, type };
        });
        links.push(resolved);
      });
      await Promise.all(links);
      return listed;
    } catch (error) {
      throw toFileSystemError(error, path);
    }
  }

  private resolve(path: string): string {
    // Most paths are plain `folder/0001-title.md`: joined directly, without path.resolve's work,
    // which showed in the index's profile. Anything with dots, backslashes or colons is checked in full.
    if (PLAIN_RELATIVE_PATH.test(path)) return this.root + nodePath.sep + (nodePath.sep === '/' ? path : path.replaceAll('/', nodePath.sep));
    const absolute = nodePath.resolve(this.root, ...path.split('/').filter((segment) => segment !== ''));
    const relative = nodePath.relative(this.root, absolute);
    if (relative.startsWith('..') || nodePath.isAbsolute(relative)) {
      throw new FileSystemError('NoPermissions', path, `Outside ${this.root}: ${path}`);
    }
    return absolute;
  }
}

function entryType(entry: { isFile(): boolean; isDirectory(): boolean }): FileType {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}

async function linkTargetType(absolute: string): Promise<FileType> {
  try {
    return entryType(await fsp.stat(absolute));
  } catch {
    return 'other'; // a dangling link
  }
}

const CODES: Record<string, FileSystemErrorCode> = {
  ENOENT: 'FileNotFound',
  ENOTDIR: 'FileNotFound',
  EEXIST: 'FileExists',
  EACCES: 'NoPermissions',
  EPERM: 'NoPermissions',
  EROFS: 'NoPermissions',
  EISDIR: 'FileExists',
  EBUSY: 'Unavailable',
  EAGAIN: 'Unavailable',
  EMFILE: 'Unavailable',
  ENFILE: 'Unavailable',
  EIO: 'Unavailable',
};

function toFileSystemError(error: unknown, path: string): FileSystemError {
  if (error instanceof FileSystemError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new FileSystemError((code && CODES[code]) || 'Unknown', path, message);
}
