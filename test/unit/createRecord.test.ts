import { CORPUS, skipWithoutCorpus } from './corpusLocation';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';
import { CreateRecordInput, createRecord, detectNamingConvention, localIsoDate, nextFreeNumber } from '../../src/core/createRecord';
import { FileSystem, FileSystemError } from '../../src/core/fileSystem';
import { BUILT_IN_TEMPLATES } from '../../src/core/templates';
import { MemoryFileSystem } from './memoryFileSystem';

const FOLDER = 'docs/decisions';

function input(title: string, overrides: Partial<CreateRecordInput> = {}): CreateRecordInput {
  return {
    title,
    template: BUILT_IN_TEMPLATES[0],
    date: '2026-11-22',
    prefix: 'DR',
    decisionMakers: [],
    tags: [],
    stakeholders: [],
    ...overrides,
  };
}

describe('createRecord numbering', () => {
  it('starts an empty log at 1 and creates the folder', async () => {
    const fs = new MemoryFileSystem();
    const created = await createRecord(fs, FOLDER, input('Bill annual plans upfront'));
    assert.equal(created.path, 'docs/decisions/0001-bill-annual-plans-upfront.md');
    assert.equal(created.number, 1);
    assert.equal(fs.text(created.path), created.text);
    assert.match(created.text, /^---\ntitle: Bill annual plans upfront\n/);
  });

  it('continues after the highest number and never fills gaps', async () => {
    const fs = new MemoryFileSystem({
      'docs/decisions/0001-a.md': '# A',
      'docs/decisions/0004-d.md': '# D',
      'docs/decisions/README.md': '# Decisions',
      'docs/decisions/template.md': '# Template',
      'docs/decisions/notes.md': '# Not numbered',
    });
    const created = await createRecord(fs, FOLDER, input('Next'));
    assert.equal(created.number, 5);
    assert.equal(created.path, 'docs/decisions/0005-next.md');
  });

  it('counts duplicate numbers once and looks into subfolders', async () => {
    const fs = new MemoryFileSystem({
      'docs/decisions/0007-a.md': '',
      'docs/decisions/0007-b.md': '',
      'docs/decisions/archive/0009-old.md': '',
    });
    assert.equal((await createRecord(fs, FOLDER, input('X'))).number, 10);
  });

  it('uses the number in the Nygard heading', async () => {
    const fs = new MemoryFileSystem({ 'doc/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions' });
    const nygard = BUILT_IN_TEMPLATES.find((template) => template.id === 'nygard');
    assert.ok(nygard);
    const created = await createRecord(fs, 'doc/adr', input('Use shell', { template: nygard }));
    assert.equal(created.path, 'doc/adr/0002-use-shell.md');
    assert.match(created.text, /^# 2\. Use shell\n/);
  });

  it('keeps titles from leaving the folder', async () => {
    const fs = new MemoryFileSystem();
    const created = await createRecord(fs, FOLDER, input('../../../etc/passwd'));
    assert.equal(created.path, 'docs/decisions/0001-etc-passwd.md');
    assert.deepEqual(fs.paths(), ['docs/decisions/0001-etc-passwd.md']);
  });

  it('refuses a folder outside the workspace', async () => {
    await assert.rejects(createRecord(new MemoryFileSystem(), '../elsewhere', input('X')), /relative path inside the workspace/);
  });

  it('moves to the next number when another writer took the name meanwhile', async () => {
    const memory = new MemoryFileSystem({ 'docs/decisions/0001-a.md': '' });
    // Another process writes 0002-same.md between our listing and our create.
    const racing: FileSystem = {
      readFile: (p) => memory.readFile(p),
      writeFile: (p, c) => memory.writeFile(p, c),
      stat: (p) => memory.stat(p),
      readDirectory: (p) => memory.readDirectory(p),
      createFile: async (p, c) => {
        if (p === 'docs/decisions/0002-same.md' && memory.text(p) === undefined) memory.setText(p, 'theirs');
        return memory.createFile(p, c);
      },
    };
    const created = await createRecord(racing, FOLDER, input('Same'));
    assert.equal(created.path, 'docs/decisions/0003-same.md');
    assert.equal(memory.text('docs/decisions/0002-same.md'), 'theirs');
  });

  it('gives up after many taken names instead of looping forever', async () => {
    const alwaysTaken: FileSystem = {
      ...new MemoryFileSystem(),
      readDirectory: async () => [],
      readFile: async (p) => {
        throw new FileSystemError('FileNotFound', p);
      },
      writeFile: async () => undefined,
      stat: async () => undefined,
      createFile: async (p) => {
        throw new FileSystemError('FileExists', p);
      },
    };
    await assert.rejects(createRecord(alwaysTaken, FOLDER, input('X')), /after 50 tries/);
  });

  it('passes on other write errors', async () => {
    const memory = new MemoryFileSystem();
    const readOnly: FileSystem = {
      readFile: (p) => memory.readFile(p),
      writeFile: (p, c) => memory.writeFile(p, c),
      stat: (p) => memory.stat(p),
      readDirectory: (p) => memory.readDirectory(p),
      createFile: async (p) => {
        throw new FileSystemError('NoPermissions', p);
      },
    };
    await assert.rejects(createRecord(readOnly, FOLDER, input('X')), (error: unknown) => error instanceof FileSystemError && error.code === 'NoPermissions');
  });
});

describe('createRecord races', () => {
  it('gives concurrent calls on one file system different numbers', async () => {
    const fs = new MemoryFileSystem({ 'docs/decisions/0003-c.md': '' });
    const created = await Promise.all([
      createRecord(fs, FOLDER, input('First')),
      createRecord(fs, FOLDER, input('Second')),
      createRecord(fs, FOLDER, input('Third')),
      createRecord(fs, FOLDER, input('First')),
    ]);
    assert.deepEqual(created.map((record) => record.number).sort(), [4, 5, 6, 7]);
    assert.equal(new Set(created.map((record) => record.path)).size, 4);
  });

  it('refuses to number a record while a subfolder cannot be read, since a number there is unknown', async () => {
    const memory = new MemoryFileSystem({ 'docs/decisions/0001-a.md': '', 'docs/decisions/team/0002-b.md': '' });
    const unlistable: FileSystem = Object.assign(Object.create(memory) as MemoryFileSystem, {
      readDirectory: (p: string) => (p === 'docs/decisions/team' ? Promise.reject(new FileSystemError('NoPermissions', p)) : memory.readDirectory(p)),
    });
    await assert.rejects(createRecord(unlistable, FOLDER, input('Next')), /^Error: Cannot read docs\/decisions\/team: a record there may already have the next number/);
    assert.deepEqual(
      (await memory.readDirectory(FOLDER)).map((entry) => entry.name).sort(),
      ['0001-a.md', 'team'],
    );
  });

  it('keeps going after a failed call', async () => {
    const fs = new MemoryFileSystem();
    const results = await Promise.allSettled([
      createRecord(fs, '/absolute', input('Bad')),
      createRecord(fs, FOLDER, input('Good')),
    ]);
    assert.equal(results[0].status, 'rejected');
    assert.equal(results[1].status, 'fulfilled');
  });

  describe('on a real disk', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'rationale-create-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('gives concurrent calls different numbers and creates the folder', async () => {
      const fs = new NodeFileSystem(root);
      const created = await Promise.all(Array.from({ length: 8 }, (_, i) => createRecord(fs, FOLDER, input(`Decision ${i % 3}`))));
      assert.deepEqual(
        created.map((record) => record.number).sort((a, b) => (a ?? 0) - (b ?? 0)),
        [1, 2, 3, 4, 5, 6, 7, 8],
      );
      const files = readdirSync(path.join(root, FOLDER)).sort();
      assert.equal(files.length, 8);
      for (const record of created) assert.equal(readFileSync(path.join(root, record.path), 'utf8'), record.text);
    });

    it('never overwrites a file created by another writer', async () => {
      const first = new NodeFileSystem(root);
      const second = new NodeFileSystem(root); // a second window: no shared queue, only the kernel's O_EXCL
      const created = await Promise.all([createRecord(first, FOLDER, input('Same')), createRecord(second, FOLDER, input('Same'))]);
      assert.notEqual(created[0].path, created[1].path);
      for (const record of created) assert.equal(readFileSync(path.join(root, record.path), 'utf8'), record.text);
    });

    it('never leaves one number to two titles written by separate processes at once', async () => {
      // Separate instances share no queue, like the CLI beside the editor: each lists the folder,
      // picks the same number and creates a different name; exclusive creation alone lets both stand.
      const writers = ['Use Postgres', 'Use Redis', 'Use SQLite', 'Use Kafka'].map((title) => createRecord(new NodeFileSystem(root), FOLDER, input(title)));
      const created = await Promise.all(writers);
      // Four distinct numbers, not necessarily 1 to 4: when two writers both give a number back while
      // a third has already taken the next one, the given-back number stays a gap, as gaps do (about
      // 1 run in 150 here).
      const numbers = created.map((record) => record.number);
      assert.equal(new Set(numbers).size, 4, `numbers ${numbers.join(', ')}`);
      const files = readdirSync(path.join(root, FOLDER)).sort();
      assert.deepEqual(files, created.map((record) => path.basename(record.path)).sort(), 'nothing left behind');
      for (const record of created) assert.equal(readFileSync(path.join(root, record.path), 'utf8'), record.text);
    });
  });
});

describe('createRecord in dated logs', () => {
  const log4brains = {
    'docs/adr/20200924-use-markdown-architectural-decision-records.md': '',
    'docs/adr/20200925-multi-packages-architecture.md': '',
    'docs/adr/README.md': '',
    'docs/adr/template.md': '',
  };

  it('continues log4brains naming with the record date', async () => {
    const fs = new MemoryFileSystem(log4brains);
    const created = await createRecord(fs, 'docs/adr', input('Use Yarn workspaces', { date: '2026-11-22' }));
    assert.equal(created.path, 'docs/adr/20261122-use-yarn-workspaces.md');
    assert.equal(created.number, undefined);
    assert.doesNotMatch(created.text, /DR-/);
  });

  it('adds a suffix when the name is taken', async () => {
    const fs = new MemoryFileSystem({ ...log4brains, 'docs/adr/20261122-same.md': '' });
    const first = await createRecord(fs, 'docs/adr', input('Same'));
    const second = await createRecord(fs, 'docs/adr', input('Same'));
    assert.equal(first.path, 'docs/adr/20261122-same-2.md');
    assert.equal(second.path, 'docs/adr/20261122-same-3.md');
  });

  it('reads the real log4brains log as dated', function () {
    skipWithoutCorpus(this);
    assert.equal(detectNamingConvention(readdirSync(path.join(CORPUS, 'thomvaill__log4brains/docs/adr'))), 'dated');
  });
});

describe('naming helpers', () => {
  it('detects the convention most files follow', () => {
    assert.equal(detectNamingConvention([]), 'numbered');
    assert.equal(detectNamingConvention(['0001-a.md', '20240101-b.md', '0002-c.md']), 'numbered');
    assert.equal(detectNamingConvention(['20240101-a.md', '20240102-b.md', 'README.md']), 'dated');
  });

  it('finds the next free number from names', () => {
    assert.equal(nextFreeNumber(['README.md', 'adr-007-x.md', '0002-y.md', '20240101-z.md']), 8);
    assert.equal(nextFreeNumber([]), 1);
  });

  it('dates a record by the local calendar day', () => {
    assert.equal(localIsoDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    assert.equal(localIsoDate(new Date(2026, 10, 22, 0, 1)), '2026-11-22');
  });
});
