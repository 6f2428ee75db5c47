import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { createRecord } from '../../src/core/createRecord';
import type { DirectoryEntry, FileStat, FileSystem } from '../../src/core/fileSystem';
import { isInsideFolder } from '../../src/core/folders';
import { MAX_SLUG_LENGTH, datedRecordFileName, recordFileName, slugify } from '../../src/core/slug';
import { BUILT_IN_TEMPLATES, loadCustomTemplates } from '../../src/core/templates';
import { MemoryFileSystem } from './memoryFileSystem';

/**
 * Titles, dates and template names come from people and from files; none of them may turn into a
 * path outside the decision folder (or the template folder), nor into a name some file system
 * refuses: `../`, `..\`, absolute paths, Windows device names, control characters, NUL bytes, very
 * long titles, trailing dots and spaces.
 */

const SEED = 4242;
const FOLDER = 'docs/decisions';
const TEMPLATE = BUILT_IN_TEMPLATES[0];

const HOSTILE_TITLES = [
  '../../etc/passwd',
  '..\\..\\Windows\\System32',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  '~/.ssh/id_rsa',
  '.',
  '..',
  '...',
  '.hidden',
  'CON',
  'con',
  'NUL',
  'nul.txt',
  'COM1',
  'com1.md',
  'LPT1',
  'Lpt9.tar.gz',
  'PRN',
  'AUX',
  'trailing dots...',
  'trailing spaces   ',
  'dots and spaces . . .',
  'nul\u0000byte',
  'control\u0001\u0007\u001b[31mchars',
  'new\nline',
  'tab\there',
  '\u202Eevil.exe',
  '%2e%2e%2f',
  'x'.repeat(10_000),
  'word '.repeat(2_000),
  '😀'.repeat(500),
  '---',
  'title: injected\nstatus: accepted',
  '',
  '   ',
];

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** What every generated file name must be: one plain segment, portable, bounded. */
function assertSafeName(name: string): void {
  assert.ok(!/[/\\]/.test(name), `no separator in ${JSON.stringify(name)}`);
  assert.ok(![...name].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f), `no control character in ${JSON.stringify(name)}`);
  assert.ok(!/[<>:"|?*]/.test(name), `no character Windows refuses in ${JSON.stringify(name)}`);
  assert.ok(!/[. ]$/.test(name) && !name.startsWith('.'), `no leading dot nor trailing dot or space in ${JSON.stringify(name)}`);
  assert.ok(!WINDOWS_RESERVED.test(name), `not a Windows device name: ${JSON.stringify(name)}`);
  assert.ok(name !== '.' && name !== '..');
  assert.ok([...name].length <= MAX_SLUG_LENGTH + 20, `bounded length: ${name.length}`);
}

const anyTitle = fc.oneof(
  fc.constantFrom(...HOSTILE_TITLES),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('.', '/', '\\', ' ', '\u0000', ':', 'C', 'O', 'N', 'a', '-', '\t', '\n', '😀', 'é', '\u0301'), maxLength: 20 }),
);

describe('path safety of titles and template names', () => {
  it('slugs are a single portable segment, whatever the title', () => {
    fc.assert(
      fc.property(anyTitle, (title) => {
        const slug = slugify(title);
        assert.notEqual(slug, '');
        assertSafeName(slug);
        assert.ok(!slug.includes('.'), 'no dot, so no extension of its own');
        assertSafeName(recordFileName(12, title));
        assertSafeName(datedRecordFileName('2026-11-22', title, 2));
      }),
      { seed: SEED, numRuns: 2000 },
    );
    for (const title of HOSTILE_TITLES) assertSafeName(slugify(title));
  });

  it('Windows device names, with or without an extension, never come out as a slug', () => {
    for (const name of ['CON', 'con', 'Prn', 'AUX', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9']) {
      for (const title of [name, `${name}.md`, `${name}.txt`, ` ${name} `, `${name}.`]) {
        assert.ok(!WINDOWS_RESERVED.test(slugify(title)), `${title} → ${slugify(title)}`);
      }
    }
  });

  it('a dated name is built from the digits of the date only, so a bad date cannot name a path', () => {
    for (const date of ['../../etc', '2026/11/22', '..\\x', '/abs']) {
      const name = datedRecordFileName(date, 'Title');
      assert.ok(!/[/\\]/.test(name) && !name.includes('..'), `${date} → ${name}`);
    }
    assert.equal(datedRecordFileName('2026-11-22', 'Use X'), '20261122-use-x.md');
  });

  it('createRecord writes exactly one file, directly inside the decision folder, whose title reads back as given', async () => {
    await fc.assert(
      fc.asyncProperty(anyTitle, fc.boolean(), async (title, dated) => {
        const fs = new MemoryFileSystem({ 'README.md': '# App\n' });
        if (dated) fs.setText(`${FOLDER}/20260101-first.md`, '# First\n');
        const before = fs.paths();
        const created = await createRecord(fs, FOLDER, {
          template: TEMPLATE,
          title,
          date: '2026-11-22',
          prefix: 'DR',
          decisionMakers: [],
          tags: [],
          stakeholders: [],
        });
        const added = fs.paths().filter((file) => !before.includes(file));
        assert.deepEqual(added, [created.path]);
        assert.ok(isInsideFolder(created.path, FOLDER) && created.path.split('/').length === FOLDER.split('/').length + 1, created.path);
        assertSafeName(created.path.slice(FOLDER.length + 1));
        // The title is a value in the front matter, never structure: it cannot add keys or close the block.
        const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(created.text);
        assert.ok(frontMatter, 'the record opens with its front matter');
        const values = parseYaml(frontMatter[1]) as Record<string, unknown>;
        const single = title.replace(/\s+/g, ' ').trim();
        assert.equal(values.title, single === '' ? 'Untitled' : single);
        assert.equal(values.status, 'proposed');
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('createRecord refuses a decision folder outside the workspace', async () => {
    for (const folder of ['../outside', '/etc', 'docs/../../outside', 'C:\\Windows', '..\\outside', '']) {
      const fs = new MemoryFileSystem();
      await assert.rejects(
        createRecord(fs, folder, { template: TEMPLATE, title: 'X', date: '2026-11-22', prefix: 'DR', decisionMakers: [], tags: [], stakeholders: [] }),
        /must be a relative path inside the workspace/,
        folder,
      );
      assert.deepEqual(fs.paths(), []);
    }
  });

  it('custom templates are read only from inside their folder, named after their own file', async () => {
    const inner = new MemoryFileSystem({
      'templates/security-review.md': '# {{title}}\n',
      'templates/CON.md': '## Context\n',
      'templates/..md': '## Odd name\n',
      'templates/nested/deeper.md': '## Not a template of this folder\n',
      'secrets/token.md': 'not a template',
    });
    const touched: string[] = [];
    const recording: FileSystem = {
      readFile: (file) => (touched.push(file), inner.readFile(file)),
      writeFile: (file) => Promise.reject(new Error(`templates must not write: ${file}`)),
      createFile: (file) => Promise.reject(new Error(`templates must not write: ${file}`)),
      stat: (file): Promise<FileStat | undefined> => (touched.push(file), inner.stat(file)),
      readDirectory: (file): Promise<DirectoryEntry[]> => (touched.push(file), inner.readDirectory(file)),
    };
    const { templates } = await loadCustomTemplates(recording, 'templates');
    assert.ok(touched.every((file) => isInsideFolder(file, 'templates')), touched.join(', '));
    assert.ok(templates.every((template) => !/[/\\]/.test(template.id)), templates.map((template) => template.id).join(', '));
    assert.ok(templates.some((template) => template.id === 'security-review'));

    // A template folder that climbs out of the root is not read at all.
    for (const folder of ['../templates', '/etc', 'templates/../../secrets']) {
      touched.length = 0;
      const result = await loadCustomTemplates(recording, folder);
      assert.deepEqual(result.templates, [], folder);
      assert.ok(touched.every((file) => !file.includes('secrets') && !file.startsWith('/')), touched.join(', '));
    }
  });
});
