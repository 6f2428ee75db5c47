import { DirectoryEntry, FileStat, FileSystem, FileSystemError, dirName } from '../../src/core/fileSystem';

/**
 * An in-memory {@link FileSystem} for unit tests: honours the port's contract (exclusive create,
 * parents created on write, FileNotFound for missing folders) and gives each write a newer mtime.
 * Every operation yields to the event loop first, so concurrent callers really interleave.
 */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { content: Uint8Array; mtime: number }>();
  private readonly folders = new Set<string>();
  private clock = 1_700_000_000_000;
  /** Paths whose reads fail with `NoPermissions`, to test files that cannot be read. */
  readonly unreadable = new Set<string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(initial)) this.setText(path, text);
  }

  /** Writes a file synchronously (test setup), creating its parent folders. */
  setText(path: string, text: string): void {
    this.checkPath(path);
    this.addParents(path);
    this.files.set(path, { content: new TextEncoder().encode(text), mtime: this.tick() });
  }

  /** The text of a file, or undefined when there is none. */
  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file && new TextDecoder().decode(file.content);
  }

  /** Creates an empty folder (and its parents). */
  mkdir(path: string): void {
    this.checkPath(path);
    this.addParents(`${path}/x`);
  }

  /** Deletes a file, or a folder with everything under it. */
  delete(path: string): void {
    this.files.delete(path);
    this.folders.delete(path);
    for (const key of [...this.files.keys()]) if (key.startsWith(`${path}/`)) this.files.delete(key);
    for (const key of [...this.folders]) if (key.startsWith(`${path}/`)) this.folders.delete(key);
  }

  /** Every file path, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    await yieldToOthers();
    if (this.unreadable.has(path)) throw new FileSystemError('NoPermissions', path);
    const file = this.files.get(path);
    if (!file) throw new FileSystemError('FileNotFound', path);
    return file.content.slice();
  }

  async writeFile(path: string, content: Uint8Array): Promise<void> {
    await yieldToOthers();
    this.checkWritable(path);
    this.addParents(path);
    this.files.set(path, { content: content.slice(), mtime: this.tick() });
  }

  async createFile(path: string, content: Uint8Array): Promise<void> {
    await yieldToOthers();
    // Check and set run without an await between them: that is what makes the create exclusive.
    if (this.files.has(path)) throw new FileSystemError('FileExists', path);
    this.checkWritable(path);
    this.addParents(path);
    this.files.set(path, { content: content.slice(), mtime: this.tick() });
  }

  async stat(path: string): Promise<FileStat | undefined> {
    await yieldToOthers();
    const file = this.files.get(path);
    if (file) return { type: 'file', mtime: file.mtime, size: file.content.byteLength };
    if (path === '' || this.folders.has(path)) return { type: 'directory', mtime: 0, size: 0 };
    return undefined;
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    await yieldToOthers();
    if (path !== '' && !this.folders.has(path)) {
      if (this.files.has(path)) throw new FileSystemError('Unknown', path, `Not a folder: ${path}`);
      throw new FileSystemError('FileNotFound', path);
    }
    const entries: DirectoryEntry[] = [];
    for (const file of this.files.keys()) if (dirName(file) === path) entries.push({ name: childName(file, path), type: 'file' });
    for (const folder of this.folders) if (dirName(folder) === path) entries.push({ name: childName(folder, path), type: 'directory' });
    return entries.sort((a, b) => a.name.localeCompare(b.name));
  }

  private tick(): number {
    this.clock += 1000;
    return this.clock;
  }

  private checkPath(path: string): void {
    if (path === '' || path.startsWith('/') || path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new FileSystemError('Unknown', path, `Not a canonical relative path: ${path}`);
    }
  }

  private checkWritable(path: string): void {
    this.checkPath(path);
    if (this.folders.has(path)) throw new FileSystemError('FileExists', path, `A folder is in the way: ${path}`);
    for (let parent = dirName(path); parent !== ''; parent = dirName(parent)) {
      if (this.files.has(parent)) throw new FileSystemError('Unknown', path, `A file is in the way: ${parent}`);
    }
  }

  private addParents(path: string): void {
    for (let parent = dirName(path); parent !== ''; parent = dirName(parent)) this.folders.add(parent);
  }
}

function childName(path: string, parent: string): string {
  return parent === '' ? path : path.slice(parent.length + 1);
}

function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
