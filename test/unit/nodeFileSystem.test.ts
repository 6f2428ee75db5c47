import * as assert from 'node:assert/strict';
// The module object itself, whose functions the Node file system calls, rather than a namespace copy of it.
import nodeFs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';
import { FileSystemError } from '../../src/core/fileSystem';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

type ReadCallback = (error: NodeJS.ErrnoException | null, bytesRead: number, buffer: Buffer) => void;
type StatCallback = (error: NodeJS.ErrnoException | null, stats: nodeFs.Stats) => void;

/** Runs `body` with `object[key]` replaced (Node's own `fs` functions, to make them misbehave), then puts it back. */
async function withPatched<T extends object, K extends keyof T>(object: T, key: K, replace: (original: T[K]) => unknown, body: () => Promise<void>): Promise<void> {
  const original = object[key];
  const bound = typeof original === 'function' ? (original as (...args: unknown[]) => unknown).bind(object) : original;
  (object as Record<K, unknown>)[key] = replace(bound as T[K]);
  try {
    await body();
  } finally {
    (object as Record<K, unknown>)[key] = original;
  }
}

function isCode(code: FileSystemError['code']): (error: unknown) => boolean {
  return (error) => error instanceof FileSystemError && error.code === code;
}

describe('NodeFileSystem', () => {
  let root: string;
  let fs: NodeFileSystem;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'rationale-nodefs-'));
    fs = new NodeFileSystem(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes, creating parent folders, and reads back', async () => {
    await fs.writeFile('docs/decisions/0001-a.md', bytes('one'));
    assert.equal(new TextDecoder().decode(await fs.readFile('docs/decisions/0001-a.md')), 'one');
    await fs.writeFile('docs/decisions/0001-a.md', bytes('two'));
    assert.equal(readFileSync(path.join(root, 'docs/decisions/0001-a.md'), 'utf8'), 'two');
  });

  it('creates exclusively, creating parent folders', async () => {
    await fs.createFile('a/b/c.md', bytes('first'));
    await assert.rejects(fs.createFile('a/b/c.md', bytes('second')), isCode('FileExists'));
    assert.equal(readFileSync(path.join(root, 'a/b/c.md'), 'utf8'), 'first');
  });

  it('reports missing files as FileNotFound', async () => {
    await assert.rejects(fs.readFile('nope.md'), isCode('FileNotFound'));
    await assert.rejects(fs.readDirectory('nope'), isCode('FileNotFound'));
    assert.equal(await fs.stat('nope.md'), undefined);
  });

  it('stats files and folders', async () => {
    writeFileSync(path.join(root, 'x.md'), 'hello');
    const file = await fs.stat('x.md');
    assert.equal(file?.type, 'file');
    assert.equal(file?.size, 5);
    assert.ok((file?.mtime ?? 0) > 0);
    assert.equal((await fs.stat(''))?.type, 'directory');
  });

  it('lists folders with entry types, following links', async () => {
    mkdirSync(path.join(root, 'd/sub'), { recursive: true });
    writeFileSync(path.join(root, 'd/0001-a.md'), '');
    symlinkSync(path.join(root, 'd/0001-a.md'), path.join(root, 'd/0002-link.md'));
    symlinkSync(path.join(root, 'missing'), path.join(root, 'd/dangling.md'));
    const entries = (await fs.readDirectory('d')).sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(entries, [
      { name: '0001-a.md', type: 'file' },
      { name: '0002-link.md', type: 'file' },
      { name: 'dangling.md', type: 'other' },
      { name: 'sub', type: 'directory' },
    ]);
  });

  it('reads a file with the same metadata stat reports', async () => {
    writeFileSync(path.join(root, 'r.md'), 'héllo');
    const { content, stat } = await fs.readFileWithStat('r.md');
    assert.equal(new TextDecoder().decode(content), 'héllo');
    assert.deepEqual(stat, await fs.stat('r.md'));
    writeFileSync(path.join(root, 'empty.md'), '');
    assert.equal((await fs.readFileWithStat('empty.md')).content.byteLength, 0);
    await assert.rejects(fs.readFileWithStat('missing.md'), isCode('FileNotFound'));
    await assert.rejects(fs.readFileWithStat(''), (error: unknown) => error instanceof FileSystemError);
  });

  it('reads a large file whole', async () => {
    const large = 'x'.repeat(3 * 1024 * 1024);
    writeFileSync(path.join(root, 'large.md'), large);
    assert.equal((await fs.readFileWithStat('large.md')).content.byteLength, large.length);
  });

  it('reads a file that a file system hands over in parts, and one that grew after its stat', async () => {
    const text = 'é'.repeat(500);
    writeFileSync(path.join(root, 'r.md'), text);
    // Network and FUSE file systems may return fewer bytes than asked before the end of the file.
    await withPatched(nodeFs, 'read', (original) => (descriptor: number, buffer: Buffer, offset: number, length: number, position: null, callback: ReadCallback) =>
      original(descriptor, buffer, offset, Math.min(length, 100), position, callback),
    async () => {
      assert.equal(new TextDecoder().decode((await fs.readFileWithStat('r.md')).content), text);
    });
    await withPatched(nodeFs, 'fstat', (original) => (descriptor: number, callback: StatCallback) =>
      original(descriptor, (error, stats) => callback(error, Object.assign(stats, { size: 10 }))),
    async () => {
      assert.equal(new TextDecoder().decode((await fs.readFileWithStat('r.md')).content), text);
    });
  });

  it('turns a failure in any step into a rejection, and closes the file', async () => {
    writeFileSync(path.join(root, 'r.md'), 'x'.repeat(100));
    const openFiles = (): number => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    // Grown after the stat, and the rest cannot be read.
    await withPatched(nodeFs, 'fstat', (original) => (descriptor: number, callback: StatCallback) =>
      original(descriptor, (error, stats) => callback(error, Object.assign(stats, { size: 10 }))),
    () => withPatched(nodeFs, 'readFile', () => (_file: unknown, callback: (error: Error) => void) => callback(new Error('EIO: i/o error')),
      async () => {
        await assert.rejects(fs.readFileWithStat('r.md'), (error: unknown) => error instanceof FileSystemError && /EIO/.test(error.message));
      }),
    );
    // Larger than a Buffer can hold (a sparse file, say): refused with the reason, not a crash.
    await withPatched(nodeFs, 'fstat', (original) => (descriptor: number, callback: StatCallback) =>
      original(descriptor, (error, stats) => callback(error, Object.assign(stats, { size: 5 * 2 ** 30 }))),
    async () => {
      await assert.rejects(fs.readFileWithStat('r.md'), (error: unknown) => error instanceof FileSystemError && /r\.md is 5\.0 GB, too large to read/.test(error.message));
    });
    assert.equal(openFiles(), before, 'no descriptor left open');
  });

  it('refuses paths that leave the root', async () => {
    await assert.rejects(fs.readFile('../outside.md'), isCode('NoPermissions'));
    await assert.rejects(fs.writeFile('a/../../outside.md', bytes('x')), isCode('NoPermissions'));
  });

  it('maps writing through a file to a file-system error', async () => {
    writeFileSync(path.join(root, 'file'), '');
    await assert.rejects(fs.writeFile('file/child.md', bytes('x')), (error: unknown) => error instanceof FileSystemError);
  });
});
