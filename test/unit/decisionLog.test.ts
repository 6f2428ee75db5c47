import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';
import { DUPLICATE_NUMBER, DecisionLog, IndexSnapshot, LogChange, SNAPSHOT_VERSION, SnapshotEntry, UNREADABLE } from '../../src/core/decisionLog';
import * as fc from 'fast-check';
import { FileSystem, FileSystemError } from '../../src/core/fileSystem';
import type { DecisionRecord } from '../../src/core/record';
import { MemoryFileSystem } from './memoryFileSystem';

const FOLDER = 'docs/decisions';

function recordText(title: string, extra = ''): string {
  return `---\ntitle: ${title}\nstatus: accepted\ndate: 2026-11-22\n${extra}---\n# ${title}\n\n## Context\n\nText.\n`;
}

/** Wraps a file system and counts what the log asks of it. */
class CountingFileSystem implements FileSystem {
  reads: string[] = [];
  listings = 0;
  stats = 0;
  constructor(private readonly inner: FileSystem) {}
  readFile(p: string): Promise<Uint8Array> {
    this.reads.push(p);
    return this.inner.readFile(p);
  }
  writeFile(p: string, c: Uint8Array): Promise<void> {
    return this.inner.writeFile(p, c);
  }
  createFile(p: string, c: Uint8Array): Promise<void> {
    return this.inner.createFile(p, c);
  }
  stat(p: string): ReturnType<FileSystem['stat']> {
    this.stats++;
    return this.inner.stat(p);
  }
  readDirectory(p: string): ReturnType<FileSystem['readDirectory']> {
    this.listings++;
    return this.inner.readDirectory(p);
  }
}

function sampleFs(): MemoryFileSystem {
  return new MemoryFileSystem({
    'docs/decisions/0002-use-postgres.md': recordText('Use Postgres', 'decision-makers: [Ana Ruiz]\n'),
    'docs/decisions/0001-record-decisions.md': recordText('Record decisions', 'consulted: [sam lee, Finance]\n'),
    'docs/decisions/archive/0003-old-pricing.md': recordText(
      'Old pricing',
      'sign-off:\n  - name: Sam Lee\n    email: sam@example.com\n    state: pending\n',
    ),
    'docs/decisions/README.md': '# Decisions\n',
    'docs/decisions/.drafts/0009-hidden.md': recordText('Hidden'),
    'docs/decisions-old/0004-sibling.md': recordText('Sibling folder'),
    'src/0005-not-a-decision.md': recordText('Elsewhere'),
  });
}

async function loaded(fs: FileSystem, folder = FOLDER): Promise<{ log: DecisionLog; events: LogChange[] }> {
  const log = new DecisionLog(fs, folder);
  const events: LogChange[] = [];
  log.onDidChange((event) => events.push(event));
  await log.load();
  return { log, events };
}

describe('DecisionLog.load', () => {
  it('indexes every record under the folder, recursively, sorted by number', async () => {
    const { log, events } = await loaded(sampleFs());
    assert.ok(log.isLoaded);
    assert.deepEqual(
      log.records().map((record) => [record.number, record.title, record.path]),
      [
        [1, 'Record decisions', 'docs/decisions/0001-record-decisions.md'],
        [2, 'Use Postgres', 'docs/decisions/0002-use-postgres.md'],
        [3, 'Old pricing', 'docs/decisions/archive/0003-old-pricing.md'],
      ],
    );
    assert.equal(events.length, 1);
    assert.deepEqual([...events[0].changed].sort(), log.records().map((record) => record.path).sort());
    assert.deepEqual(events[0].removed, []);
  });

  it('treats a missing folder as an empty log', async () => {
    const { log } = await loaded(new MemoryFileSystem(), 'docs/adr');
    assert.ok(log.isLoaded);
    assert.deepEqual(log.records(), []);
    assert.equal(log.nextNumber(), 1);
  });

  it('shows an unreadable file as a record with a problem and keeps the rest', async () => {
    const fs = sampleFs();
    fs.unreadable.add('docs/decisions/0002-use-postgres.md');
    const { log } = await loaded(fs);
    assert.equal(log.records().length, 3);
    const broken = log.get('docs/decisions/0002-use-postgres.md');
    assert.ok(broken);
    assert.equal(broken.number, 2);
    assert.deepEqual(broken.problems.map((problem) => problem.code), [UNREADABLE]);
  });

  it('answers the questions the tree and the wizard ask', async () => {
    const { log } = await loaded(sampleFs());
    assert.equal(log.nextNumber(), 4);
    assert.deepEqual(log.titles(), ['Record decisions', 'Use Postgres', 'Old pricing']);
    assert.deepEqual(log.stakeholders(), ['Ana Ruiz', 'Finance', 'sam lee']);
    assert.equal(log.get('docs/decisions/0002-use-postgres.md')?.title, 'Use Postgres');
    assert.equal(log.get('docs/decisions/README.md'), undefined);
    assert.deepEqual(log.byNumber(3).map((record) => record.title), ['Old pricing']);
    assert.deepEqual(log.byNumber(42), []);
  });

  it('replaces the index on a second load, reporting what disappeared', async () => {
    const fs = sampleFs();
    const { log, events } = await loaded(fs);
    fs.delete('docs/decisions/archive');
    await log.load();
    assert.equal(log.records().length, 2);
    assert.deepEqual(events[1].removed, ['docs/decisions/archive/0003-old-pricing.md']);
  });
});

describe('DecisionLog.update and remove', () => {
  it('adds a new record without listing the folder again', async () => {
    const memory = sampleFs();
    const fs = new CountingFileSystem(memory);
    const { log, events } = await loaded(fs);
    const listings = fs.listings;
    const before = log.records();
    memory.setText('docs/decisions/0004-new.md', recordText('New'));
    await log.update('docs/decisions/0004-new.md');
    assert.equal(fs.listings, listings);
    assert.deepEqual(log.titles(), ['Record decisions', 'Use Postgres', 'Old pricing', 'New']);
    assert.notEqual(log.records(), before);
    assert.deepEqual(events.at(-1), { changed: ['docs/decisions/0004-new.md'], removed: [] });
  });

  it('re-reads a changed record', async () => {
    const fs = sampleFs();
    const { log } = await loaded(fs);
    fs.setText('docs/decisions/0002-use-postgres.md', recordText('Use Postgres 16'));
    await log.update('docs/decisions/0002-use-postgres.md');
    assert.equal(log.get('docs/decisions/0002-use-postgres.md')?.title, 'Use Postgres 16');
  });

  it('ignores files that are not records and paths outside the folder', async () => {
    const fs = sampleFs();
    const { log, events } = await loaded(fs);
    fs.setText('docs/decisions/README.md', '# Changed');
    fs.setText('docs/decisions/diagram.png', 'png');
    fs.setText('docs/decisions-old/0006-x.md', recordText('X'));
    fs.setText('docs/decisions/.drafts/0010-y.md', recordText('Y'));
    for (const changed of ['docs/decisions/README.md', 'docs/decisions/diagram.png', 'docs/decisions-old/0006-x.md', 'docs/decisions/.drafts/0010-y.md']) {
      await log.update(changed);
    }
    assert.equal(events.length, 1);
    assert.equal(log.records().length, 3);
  });

  it('drops a record whose file is gone when its event arrives', async () => {
    const fs = sampleFs();
    const { log, events } = await loaded(fs);
    fs.delete('docs/decisions/0001-record-decisions.md');
    await log.update('docs/decisions/0001-record-decisions.md');
    assert.deepEqual(log.titles(), ['Use Postgres', 'Old pricing']);
    assert.deepEqual(events.at(-1), { changed: [], removed: ['docs/decisions/0001-record-decisions.md'] });
  });

  it('removes a record, and every record under a removed folder', async () => {
    const fs = sampleFs();
    fs.setText('docs/decisions/archive/deep/0007-deeper.md', recordText('Deeper'));
    const { log, events } = await loaded(fs);
    log.remove('docs/decisions/0002-use-postgres.md');
    assert.equal(log.get('docs/decisions/0002-use-postgres.md'), undefined);
    log.remove('docs/decisions/archive');
    assert.deepEqual(log.titles(), ['Record decisions']);
    assert.deepEqual([...(events.at(-1)?.removed ?? [])].sort(), [
      'docs/decisions/archive/0003-old-pricing.md',
      'docs/decisions/archive/deep/0007-deeper.md',
    ]);
    const count = events.length;
    log.remove('docs/decisions/nothing-here');
    assert.equal(events.length, count);
  });

  it('empties the log when the whole folder is deleted', async () => {
    const fs = sampleFs();
    const { log } = await loaded(fs);
    fs.delete(FOLDER);
    await log.update(FOLDER);
    assert.deepEqual(log.records(), []);
  });

  it('reads the records of a folder that appears (moved in)', async () => {
    const fs = sampleFs();
    const { log } = await loaded(fs);
    fs.setText('docs/decisions/moved/0011-a.md', recordText('Moved A'));
    fs.setText('docs/decisions/moved/sub/0012-b.md', recordText('Moved B'));
    await log.update('docs/decisions/moved');
    assert.deepEqual(log.byNumber(11).map((record) => record.title), ['Moved A']);
    assert.deepEqual(log.byNumber(12).map((record) => record.title), ['Moved B']);
  });

  it('drops what a folder replaced under the same name no longer holds (one event for the folder)', async () => {
    const fs = sampleFs();
    const { log, events } = await loaded(fs);
    fs.delete('docs/decisions/archive');
    fs.setText('docs/decisions/archive/0013-new.md', recordText('New in archive'));
    await log.update('docs/decisions/archive');
    assert.equal(log.get('docs/decisions/archive/0003-old-pricing.md'), undefined);
    assert.deepEqual(log.byNumber(13).map((record) => record.title), ['New in archive']);
    assert.deepEqual(events.at(-1), { changed: ['docs/decisions/archive/0013-new.md'], removed: ['docs/decisions/archive/0003-old-pricing.md'] });
    assert.deepEqual(
      log.records().map((record) => record.number),
      [1, 2, 13],
    );
  });

  it('keeps the sorted list until something changes', async () => {
    const { log } = await loaded(sampleFs());
    assert.equal(log.records(), log.records());
  });

  it('patches the sorted list on a change, leaving the list a caller holds as it was', async () => {
    const fs = sampleFs();
    const { log } = await loaded(fs);
    const held = log.records();
    const heldPaths = held.map((record) => record.path);
    fs.setText('docs/decisions/0002-use-postgres.md', recordText('Use Postgres, again'));
    await log.update('docs/decisions/0002-use-postgres.md');
    assert.deepEqual(
      held.map((record) => record.path),
      heldPaths,
    );
    assert.notEqual(log.records(), held);
    assert.equal(log.records()[1].title, 'Use Postgres, again');
  });

  it('keeps records in the order a fresh load gives, whatever sequence of changes arrives', async () => {
    const name = fc.record({ number: fc.integer({ min: 1, max: 4 }), slug: fc.constantFrom('a', 'b', 'c'), nested: fc.boolean() });
    const change = fc.record({ kind: fc.constantFrom('write', 'write', 'delete'), file: name, title: fc.constantFrom('X', 'Y', 'Z') });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 12 }), async (changes) => {
        const fs = sampleFs();
        const { log } = await loaded(fs);
        for (const { kind, file, title } of changes) {
          const path = `${FOLDER}/${file.nested ? 'archive/' : ''}000${file.number}-${file.slug}.md`;
          if (kind === 'write') fs.setText(path, recordText(title));
          else fs.delete(path);
          log.records(); // the tree has read the list: the change patches it
          await log.update(path);
          const fresh = (await loaded(fs)).log.records();
          const shown = (records: readonly DecisionRecord[]): string[] => records.map((record) => `${record.path} ${record.title} ${record.problems.map((problem) => problem.message).join('; ')}`);
          assert.deepEqual(shown(log.records()), shown(fresh));
        }
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });
});

/** A file system on which one folder cannot be listed while `blocked`, as a folder without read permission. */
class UnlistableFolder extends CountingFileSystem {
  blocked = true;
  constructor(
    inner: FileSystem,
    private readonly folder: string,
  ) {
    super(inner);
  }
  readDirectory(p: string): ReturnType<FileSystem['readDirectory']> {
    if (this.blocked && p === this.folder) return Promise.reject(new FileSystemError('NoPermissions', p, `EACCES: permission denied, scandir '${p}'`));
    return super.readDirectory(p);
  }
}

describe('DecisionLog and folders it cannot read', () => {
  it('names a subfolder it cannot list, keeps the rest, and forgets it once it is read', async () => {
    const fs = new UnlistableFolder(sampleFs(), 'docs/decisions/archive');
    const log = new DecisionLog(fs, FOLDER);
    await log.load();
    assert.deepEqual(log.unreadableFolders(), [{ path: 'docs/decisions/archive', reason: "EACCES: permission denied, scandir 'docs/decisions/archive'" }]);
    assert.deepEqual(
      log.records().map((record) => record.number),
      [1, 2],
    );
    // Made readable, and its event arrives: it is read and no longer named.
    fs.blocked = false;
    await log.update('docs/decisions/archive');
    assert.deepEqual(log.unreadableFolders(), []);
    assert.equal(log.byNumber(3).length, 1);
  });
});

describe('DecisionLog duplicate numbers', () => {
  it('flags every record sharing a number, and clears the flag when the clash goes', async () => {
    const fs = sampleFs();
    fs.setText('docs/decisions/0002-use-mysql.md', recordText('Use MySQL'));
    const { log, events } = await loaded(fs);
    const clashing = log.byNumber(2);
    assert.deepEqual(clashing.map((record) => record.title), ['Use MySQL', 'Use Postgres']);
    for (const record of clashing) {
      const duplicates = record.problems.filter((problem) => problem.code === DUPLICATE_NUMBER);
      assert.equal(duplicates.length, 1, record.path);
      assert.equal(duplicates[0].severity, 'error');
      assert.equal(typeof duplicates[0].line, 'number');
    }
    assert.match(log.get('docs/decisions/0002-use-mysql.md')?.problems[0]?.message ?? '', /0002-use-postgres\.md/);

    // Re-reading a clashing record must not pile up problems.
    await log.update('docs/decisions/0002-use-postgres.md');
    await log.update('docs/decisions/0002-use-postgres.md');
    const postgres = log.get('docs/decisions/0002-use-postgres.md');
    assert.equal(postgres?.problems.filter((problem) => problem.code === DUPLICATE_NUMBER).length, 1);

    // Renumbering one of them clears the problem on the other, which is reported as changed.
    fs.delete('docs/decisions/0002-use-mysql.md');
    fs.setText('docs/decisions/0004-use-mysql.md', recordText('Use MySQL'));
    await log.update('docs/decisions/0002-use-mysql.md');
    assert.deepEqual(events.at(-1), {
      changed: ['docs/decisions/0002-use-postgres.md'],
      removed: ['docs/decisions/0002-use-mysql.md'],
    });
    await log.update('docs/decisions/0004-use-mysql.md');
    assert.deepEqual(log.get('docs/decisions/0002-use-postgres.md')?.problems, []);
    assert.equal(log.nextNumber(), 5);
  });

  it('reports a new clash on the record that already had the number', async () => {
    const fs = sampleFs();
    const { log, events } = await loaded(fs);
    fs.setText('docs/decisions/0001-other.md', recordText('Other'));
    await log.update('docs/decisions/0001-other.md');
    assert.deepEqual([...(events.at(-1)?.changed ?? [])].sort(), ['docs/decisions/0001-other.md', 'docs/decisions/0001-record-decisions.md']);
    assert.equal(log.get('docs/decisions/0001-record-decisions.md')?.problems[0]?.code, DUPLICATE_NUMBER);
  });
});

describe('DecisionLog snapshots', () => {
  it('reloads from a snapshot reading only the files that changed', async () => {
    const memory = sampleFs();
    for (let i = 10; i < 60; i++) memory.setText(`docs/decisions/00${i}-r.md`, recordText(`Record ${i}`));
    const { log: first } = await loaded(memory);
    const snapshot = JSON.parse(JSON.stringify(first.snapshot())) as IndexSnapshot;
    assert.equal(snapshot.entries.length, 53);

    memory.setText('docs/decisions/0020-r.md', recordText('Record 20, revised'));
    memory.setText('docs/decisions/0070-new.md', recordText('Brand new'));
    memory.delete('docs/decisions/0011-r.md');

    const counting = new CountingFileSystem(memory);
    const second = new DecisionLog(counting, FOLDER);
    await second.load({ snapshot });
    assert.deepEqual(counting.reads.sort(), ['docs/decisions/0020-r.md', 'docs/decisions/0070-new.md']);
    assert.equal(second.records().length, 53);
    assert.equal(second.get('docs/decisions/0020-r.md')?.title, 'Record 20, revised');
    assert.equal(second.get('docs/decisions/0011-r.md'), undefined);

    const fresh = new DecisionLog(memory, FOLDER);
    await fresh.load();
    // Compared as JSON: a snapshot drops keys whose value is undefined, which changes nothing.
    assert.deepEqual(JSON.parse(JSON.stringify(second.records())), JSON.parse(JSON.stringify(fresh.records())));
  });

  it('reads again the files whose snapshot entries are damaged, and uses the rest', async () => {
    const memory = sampleFs();
    const first = new DecisionLog(memory, FOLDER);
    await first.load();
    const snapshot = JSON.parse(JSON.stringify(first.snapshot())) as IndexSnapshot;
    const [postgres, records, archive] = snapshot.entries;
    const damaged: unknown[] = [null, { ...postgres, record: null }, { path: records.path }, archive, 'garbage'];
    const counting = new CountingFileSystem(memory);
    const second = new DecisionLog(counting, FOLDER);
    await second.load({ snapshot: { ...snapshot, entries: damaged as SnapshotEntry[] } });
    assert.deepEqual(counting.reads.sort(), [postgres.path, records.path].sort());
    assert.deepEqual(
      second.records().map((record) => record.path),
      first.records().map((record) => record.path),
    );
  });

  it('reopens a log on disk without reading a file again', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'rationale-log-'));
    try {
      const disk = new NodeFileSystem(root);
      for (let i = 1; i <= 20; i++) await disk.writeFile(`${FOLDER}/${String(i).padStart(4, '0')}-r.md`, new TextEncoder().encode(recordText(`R ${i}`)));
      const first = new DecisionLog(disk, FOLDER);
      await first.load();
      const snapshot = JSON.parse(JSON.stringify(first.snapshot())) as IndexSnapshot;
      const counting = new CountingFileSystem(disk);
      const second = new DecisionLog(counting, FOLDER);
      await second.load({ snapshot });
      assert.deepEqual(counting.reads, []);
      assert.equal(second.records().length, 20);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads everything when the snapshot is of another folder or version', async () => {
    const memory = sampleFs();
    const { log } = await loaded(memory);
    const snapshot = log.snapshot();
    for (const stale of [{ ...snapshot, folder: 'docs/adr' }, { ...snapshot, version: 1 as unknown as typeof SNAPSHOT_VERSION }]) {
      const counting = new CountingFileSystem(memory);
      await new DecisionLog(counting, FOLDER).load({ snapshot: stale });
      assert.equal(counting.reads.length, 3);
    }
  });

  it('gives back, through JSON, exactly the records it stored, without their paths or empty lists', async () => {
    const memory = sampleFs();
    const { log } = await loaded(memory);
    const stored = JSON.stringify(log.snapshot());
    assert.ok(!stored.includes('"record":{"path"'));
    assert.ok(!stored.includes('"consulted":[]'));
    const counting = new CountingFileSystem(memory);
    const reopened = new DecisionLog(counting, FOLDER);
    await reopened.load({ snapshot: JSON.parse(stored) as IndexSnapshot });
    assert.equal(counting.reads.length, 0);
    assert.deepEqual(reopened.records(), log.records());
  });

  it('keeps unreadable files out of the snapshot so they are tried again', async () => {
    const memory = sampleFs();
    memory.unreadable.add('docs/decisions/0001-record-decisions.md');
    const { log } = await loaded(memory);
    assert.deepEqual(
      log.snapshot().entries.map((entry) => entry.path).sort(),
      ['docs/decisions/0002-use-postgres.md', 'docs/decisions/archive/0003-old-pricing.md'],
    );
  });

  it('derives duplicate problems afresh after a snapshot load', async () => {
    const memory = sampleFs();
    memory.setText('docs/decisions/0001-again.md', recordText('Again'));
    const { log } = await loaded(memory);
    const snapshot = log.snapshot();
    assert.ok(snapshot.entries.every((entry) => (entry.record.problems ?? []).every((problem) => problem.code !== DUPLICATE_NUMBER)));
    const second = new DecisionLog(memory, FOLDER);
    await second.load({ snapshot });
    assert.equal(second.byNumber(1).length, 2);
    for (const record of second.byNumber(1)) assert.equal(record.problems.filter((p) => p.code === DUPLICATE_NUMBER).length, 1);
  });
});

describe('DecisionLog on the real-world corpus', () => {
  const corpus = path.resolve(__dirname, '../../../../shared/corpus');
  const logs: Array<[string, string, number]> = [
    ['npryce__adr-tools', 'doc/adr', 9],
    ['thomvaill__log4brains', 'docs/adr', 9],
    ['adr__madr', 'docs/decisions', 19],
    ['backstage__backstage', 'docs/architecture-decisions', 18],
    ['edgexfoundry__edgex-docs', 'docs_src/design/adr', 31],
    // Holds 0039-use-apache-velocity-as-template-engine.md: a record about templates, not a template.
    ['JabRef__jabref', 'docs/decisions', 70],
  ];
  for (const [repo, folder, count] of logs) {
    it(`loads ${repo} without losing a record`, async function () {
      if (!existsSync(path.join(corpus, repo))) this.skip();
      const log = new DecisionLog(new NodeFileSystem(path.join(corpus, repo)), folder);
      await log.load();
      assert.equal(log.records().length, count);
      for (const record of log.records()) assert.ok(record.title.trim() !== '', record.path);
    });
  }

  it('flags the duplicate numbers of the backstage log', async function () {
    if (!existsSync(path.join(corpus, 'backstage__backstage'))) this.skip();
    const log = new DecisionLog(new NodeFileSystem(path.join(corpus, 'backstage__backstage')), 'docs/architecture-decisions');
    await log.load();
    const flagged = log.records().filter((record) => record.problems.some((problem) => problem.code === DUPLICATE_NUMBER));
    assert.deepEqual([...new Set(flagged.map((record) => record.number))].sort(), [12, 13, 14]);
  });
});
