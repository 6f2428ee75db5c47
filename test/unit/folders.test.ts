import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ADR_DIR_FILE, CANDIDATE_FOLDERS, DEFAULT_DECISION_FOLDER, findDecisionFolder, isInsideFolder, normalizeRelativePath, recordFolders } from '../../src/core/folders';
import { MemoryFileSystem } from './memoryFileSystem';

describe('findDecisionFolder', () => {
  it('starts the extension in every workspace where it would find a folder', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { activationEvents: string[] };
    const watched = manifest.activationEvents.filter((event) => event.startsWith('workspaceContains:')).map((event) => event.slice('workspaceContains:'.length));
    assert.deepEqual(watched, [ADR_DIR_FILE, ...CANDIDATE_FOLDERS]);
  });


  it('returns the configured folder even when it does not exist yet', async () => {
    const fs = new MemoryFileSystem({ 'docs/adr/0001-a.md': '# A' });
    assert.equal(await findDecisionFolder(fs, './records/'), 'records');
  });

  it('ignores a blank or escaping configured folder', async () => {
    const fs = new MemoryFileSystem({ 'docs/adr/0001-a.md': '# A' });
    assert.equal(await findDecisionFolder(fs, '  '), 'docs/adr');
    assert.equal(await findDecisionFolder(fs, '../elsewhere'), 'docs/adr');
    assert.equal(await findDecisionFolder(fs, '/etc'), 'docs/adr');
  });

  it('reads the folder adr-tools remembers in .adr-dir', async () => {
    const fs = new MemoryFileSystem({ '.adr-dir': 'architecture/records\n', 'docs/decisions/0001-a.md': '# A' });
    assert.equal(await findDecisionFolder(fs), 'architecture/records');
  });

  it('ignores an empty .adr-dir', async () => {
    const fs = new MemoryFileSystem({ '.adr-dir': '\n', 'doc/adr/0001-a.md': '# A' });
    assert.equal(await findDecisionFolder(fs), 'doc/adr');
  });

  it('prefers the well-known folders in order', async () => {
    const fs = new MemoryFileSystem({ 'docs/adr/0001-a.md': '# A', 'doc/adr/0001-a.md': '# A', 'decisions/x.md': '' });
    assert.equal(await findDecisionFolder(fs), 'docs/adr');
    fs.mkdir('docs/decisions');
    assert.equal(await findDecisionFolder(fs), DEFAULT_DECISION_FOLDER);
  });

  it('finds the arc42-style folder and the short ones', async () => {
    assert.equal(await findDecisionFolder(new MemoryFileSystem({ 'docs/architecture/decisions/1.md': '' })), 'docs/architecture/decisions');
    assert.equal(await findDecisionFolder(new MemoryFileSystem({ 'adr/0001-x.md': '' })), 'adr');
  });

  it('does not take a file for a folder', async () => {
    assert.equal(await findDecisionFolder(new MemoryFileSystem({ 'docs/adr': 'not a folder' })), undefined);
  });

  it('returns undefined when the repository has no log', async () => {
    assert.equal(await findDecisionFolder(new MemoryFileSystem({ 'src/index.ts': '' })), undefined);
  });
});

describe('normalizeRelativePath', () => {
  const cases: Array<[string, string | undefined]> = [
    ['docs/adr', 'docs/adr'],
    ['./docs//adr/', 'docs/adr'],
    ['docs\\adr', 'docs/adr'],
    ['docs/../adr', 'adr'],
    ['..', undefined],
    ['docs/../../x', undefined],
    ['/abs', undefined],
    ['C:/x', undefined],
    ['', undefined],
    ['.', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(normalizeRelativePath(input), expected));
  }
});

describe('isInsideFolder', () => {
  it('tells a folder from a sibling with the same prefix', () => {
    assert.ok(isInsideFolder('docs/adr/0001-a.md', 'docs/adr'));
    assert.ok(isInsideFolder('docs/adr', 'docs/adr'));
    assert.ok(!isInsideFolder('docs/adrs/0001-a.md', 'docs/adr'));
  });
});

describe('recordFolders', () => {
  it('lists the decision folder and every subfolder that holds a record, once each', () => {
    const paths = ['docs/decisions/0001-a.md', 'docs/decisions/2024/0002-b.md', 'docs/decisions/2024/0003-c.md', 'docs/decisions/team/x/0004-d.md'];
    assert.deepEqual(recordFolders('docs/decisions', paths), ['docs/decisions', 'docs/decisions/2024', 'docs/decisions/team/x']);
    assert.deepEqual(recordFolders('docs/decisions', []), ['docs/decisions']);
  });
});
