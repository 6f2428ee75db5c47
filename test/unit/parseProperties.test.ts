import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { numberFromFileName } from '../../src/core/naming';
import { parseRecord } from '../../src/core/parse';
import { SIGN_OFF_STATES, STATUSES } from '../../src/core/record';
import type { DecisionRecord } from '../../src/core/record';

/**
 * Property tests of the parser over generated and mutated files: whatever the bytes, `parseRecord`
 * returns a record (problems included, never an exception), takes the number from the file name and
 * answers the same twice. Seeds are fixed so a failure reproduces; fast-check prints the shrunk case.
 */

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const SEED = 20261122;

/** Every markdown file of the fixture folders whose records are real-world shapes. */
function fixtureRecords(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  for (const folder of ['formats/rationale', 'formats/madr2', 'formats/madr4', 'formats/nygard', 'formats/log4brains', 'edits', 'odd']) {
    for (const name of readdirSync(path.join(FIXTURES, folder)).sort()) {
      if (name.endsWith('.md')) found.push({ name, text: readFileSync(path.join(FIXTURES, folder, name), 'utf8') });
    }
  }
  return found;
}

const RECORDS = fixtureRecords();

/** 0-based line count the parser sees: BOM dropped, split on any line break. */
function lineCount(text: string): number {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
}

/** What every parse must satisfy, whatever the input; `expectedNumber` when the file name carries one. */
function checkRecord(filePath: string, text: string, expectedNumber?: number): DecisionRecord {
  const record = parseRecord(filePath, text);
  // parseRecord turns an internal exception into `parse-failed`: that is a bug in the reader, not bad input.
  const failed = record.problems.find((problem) => problem.code === 'parse-failed');
  assert.equal(failed, undefined, failed?.message);
  assert.equal(record.path, filePath);
  if (expectedNumber !== undefined) assert.equal(record.number, expectedNumber);
  if (record.number !== undefined) assert.ok(Number.isSafeInteger(record.number) && record.number >= 0, `number ${record.number}`);
  assert.equal(typeof record.title, 'string');
  assert.notEqual(record.title.trim(), '', 'a record always has a title to show');
  if (record.status !== undefined) assert.ok((STATUSES as readonly string[]).includes(record.status), record.status);
  if (record.date !== undefined) assert.match(record.date, /^\d{4}-\d{2}-\d{2}$/);
  for (const list of [record.tags, record.decisionMakers, record.consulted, record.informed, record.links]) {
    assert.ok(list.every((item) => typeof item === 'string' && item !== ''));
  }
  for (const list of [record.supersedes, record.supersededBy, record.related]) {
    assert.ok(list.every((item) => Number.isSafeInteger(item)));
  }
  for (const signOff of record.signOff) {
    assert.equal(typeof signOff.name, 'string');
    assert.equal(typeof signOff.state, 'string');
    const known = (SIGN_OFF_STATES as readonly string[]).includes(signOff.state);
    // An unknown state is kept as written and reported, never silently dropped.
    if (!known) assert.ok(record.problems.some((problem) => problem.code === 'unknown-sign-off-state'));
  }
  const lines = lineCount(text);
  for (const problem of record.problems) {
    assert.ok(problem.message.trim() !== '', `problem ${problem.code} has no message`);
    assert.ok(['error', 'warning', 'info'].includes(problem.severity));
    if (problem.line !== undefined) {
      assert.ok(Number.isInteger(problem.line) && problem.line >= 0 && problem.line < lines, `${problem.code} on line ${problem.line} of ${lines}`);
    }
  }
  assert.doesNotThrow(() => JSON.stringify(record));
  assert.deepEqual(parseRecord(filePath, text), record, 'parsing the same text twice must give the same record');
  return record;
}

// ---- generators --------------------------------------------------------------------------------

/** Characters that mean something to YAML, markdown or line splitting, and unicode that trips string code. */
const NASTY_CHARS = [
  ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&', '*', '!', '%', '@', '`', '?', '~', '\\',
  '\t', ' ', '\n', '\r', '\r\n', '\uFEFF', '\u0000', '\u0085', '\u2028', '\u2029', '\u00A0',
  '𝒜', '😀', '👩‍👩‍👧', '\u202E', 'שלום', 'مرحبا', 'e\u0301', '\u0301', '\uD800', '\uDFFF', '---', '...',
];
const nastyText = fc.oneof(
  fc.constantFrom(...NASTY_CHARS),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...NASTY_CHARS), maxLength: 6 }),
);

type Mutation = (text: string) => string;

function lineSplit(text: string): string[] {
  // Keeps each line's own ending so a mutation touches only the line it means to.
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Picks a position from a fraction so generated mutations apply to texts of any length. */
const at = (text: string, fraction: number): number => Math.floor(fraction * (text.length + 1));
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((where): Mutation => (text) => {
    const index = Math.min(at(text, where), text.length - 1);
    return text.slice(0, index) + text.slice(index + 1);
  }),
  fc.tuple(fraction, nastyText).map(([where, inserted]): Mutation => (text) => text.slice(0, at(text, where)) + inserted + text.slice(at(text, where))),
  fc.tuple(fraction, fc.integer({ min: 1, max: 3 })).map(([where, copies]): Mutation => (text) => {
    const lines = lineSplit(text);
    const index = Math.floor(where * lines.length);
    if (lines.length === 0) return text;
    lines.splice(index, 0, ...Array<string>(copies).fill(lines[index]));
    return lines.join('');
  }),
  fraction.map((where): Mutation => (text) => {
    const lines = lineSplit(text);
    lines.splice(Math.floor(where * lines.length), 1);
    return lines.join('');
  }),
  fc.constantFrom<Mutation>(
    (text) => text.replace(/"/g, "'"),
    (text) => text.replace(/'/g, '"'),
    (text) => text.replace(/"/, "'"),
    (text) => text.replace(/^ {2}/gm, '\t'),
    (text) => text.replace(/: /, ':\t'),
    (text) => text.replace(/\r?\n/g, '\r\n'),
    (text) => text.replace(/\r?\n/g, '\r'),
    (text) => text.replace(/\r\n/g, '\n'),
    (text) => `\uFEFF${text}`,
    (text) => text.replace(/^---\r?\n/, ''),
    (text) => text.replace(/\n---(\r?\n)/, '\n$1'),
    (text) => text.replace(/\[/g, '').replace(/\]/g, ''),
  ),
  fc.tuple(fraction, fc.constantFrom('\r\n', '\r', '\n')).map(([where, ending]): Mutation => (text) => {
    const lines = lineSplit(text);
    const index = Math.floor(where * lines.length);
    if (lines.length > 0) lines[index] = lines[index].replace(/(?:\r\n|\r|\n)?$/, ending);
    return lines.join('');
  }),
);

const fixtureIndex = fc.integer({ min: 0, max: RECORDS.length - 1 });
const recordNumber = fc.integer({ min: 0, max: 99999 });
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const numberedName = fc.tuple(recordNumber, slug).map(([number, words]) => ({ name: `${String(number).padStart(4, '0')}-${words}.md`, number }));

const scalar = fc.oneof(
  fc.constantFrom('accepted', 'Proposed', 'superseded by ADR-0123', '✅ done', '2026-11-22', '23/03/2020', 'July 15 2021', '0005', '~', 'null', 'yes', '[x]', '{x}', '&a', '*a', '!t', '|', '>', "'q'", '"q"', 'a: b', 'C#'),
  nastyText,
);
const key = fc.oneof(
  fc.constantFrom('title', 'status', 'date', 'tags', 'sign-off', 'signoff', 'data-sources', 'supersedes', 'superseded-by', 'related', 'links', 'adr', 'number', 'decision-makers', 'deciders'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const value = fc.oneof(
  scalar.map((text) => ` ${text}`),
  fc.array(scalar, { maxLength: 4 }).map((items) => ` [${items.join(', ')}]`),
  fc.array(scalar, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `\n  - ${item}`).join('')),
  fc
    .array(fc.array(fc.tuple(fc.constantFrom('name', 'state', 'email', 'comment', 'date', 'title', 'url', 'path'), scalar), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
    .map((items) => items.map((pairs) => pairs.map(([name, text], index) => `\n${index === 0 ? '- ' : '  '}${name}: ${text}`).join('')).join('')),
  fc.constantFrom('', ' |\n  line one\n  line two', ' >-\n  folded', ' &anchor 1', ' *anchor', ' !!binary aGk=', ' {a: 1, b: [2]}', ' 1e400', ' 2026-02-30', ' 99999999999999999999'),
);
const frontMatterSource = fc.array(fc.tuple(key, value), { maxLength: 8 }).map((fields) => fields.map(([name, text]) => `${name}:${text}`).join('\n'));
const bodyLine = fc.oneof(
  fc.constantFrom('# Title', '## Status', 'Accepted', 'Superseded by [5. X](0005-x.md)', '* Status: accepted', '- Date: 2020-01-01', '## Rationale', '```', '| Status | Date |', '|---|---|', '| accepted | 2021-07-15 |', '## Change Log', '- [approved](https://x/pull/1) (2022-07-12)', 'DR-14 and ADR-0003', ''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const body = fc.array(bodyLine, { maxLength: 25 });
const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

describe('parseRecord properties', () => {
  it('reads mutated real records without throwing, numbered from their file name, the same every time', () => {
    fc.assert(
      fc.property(fixtureIndex, fc.array(mutation, { minLength: 1, maxLength: 6 }), numberedName, (index, mutations, file) => {
        const text = mutations.reduce((current, mutate) => mutate(current), RECORDS[index].text);
        checkRecord(`docs/decisions/${file.name}`, text, file.number);
        // The fixture's own name (dated, unnumbered, README-like) must be handled just as well.
        const own = numberFromFileName(RECORDS[index].name);
        checkRecord(`docs/decisions/${RECORDS[index].name}`, text, own);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('reads generated front matter and bodies with any line endings and an optional BOM', () => {
    fc.assert(
      fc.property(
        frontMatterSource,
        body,
        fc.array(lineEnding, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom('closed', 'unclosed', 'none', 'dots'),
        numberedName,
        (source, bodyLines, endings, bom, fence, file) => {
          const opening = fence === 'none' ? [] : ['---'];
          const closing = fence === 'closed' ? ['---'] : fence === 'dots' ? ['...'] : [];
          const lines = [...opening, ...(fence === 'none' ? [] : source.split('\n')), ...closing, ...bodyLines];
          // Mixed endings: each line takes the next of the generated endings in turn.
          const text = (bom ? '\uFEFF' : '') + lines.map((line, lineIndex) => line + endings[lineIndex % endings.length]).join('');
          checkRecord(`docs/decisions/${file.name}`, text, file.number);
        },
      ),
      { seed: SEED + 1, numRuns: 1000 },
    );
  });

  it('takes the number from the file name even when the front matter states another', () => {
    fc.assert(
      fc.property(numberedName, fc.integer({ min: 0, max: 99999 }), fc.constantFrom('adr', 'number'), (file, other, field) => {
        const record = checkRecord(`adr/${file.name}`, `---\n${field}: ${other}\ntitle: T\n---\n# T\n`, file.number);
        assert.equal(record.number, file.number);
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });

  it('keeps astral, right-to-left and combining text of titles and statuses as written', () => {
    const unicodeWord = fc.string({ unit: fc.constantFrom('𝒜', '😀', '👩‍👩‍👧', 'ש', 'ל', 'ו', 'م', 'ر', 'e\u0301', 'n\u0303', '日', '本', 'a', 'Z', '\u200F'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(unicodeWord, unicodeWord, numberedName, (title, comment, file) => {
        const text = `---\ntitle: "${title}"\nstatus: accepted # ${comment}\n---\n# ${title}\n\n## Rationale\n\n${comment}\n`;
        const record = checkRecord(`docs/decisions/${file.name}`, text, file.number);
        assert.equal(record.title, title.replace(/\s+/g, ' ').trim() || record.title);
        assert.equal(record.status, 'accepted');
      }),
      { seed: SEED + 3, numRuns: 300 },
    );
  });

  it('reads very long lines in front matter and body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom('x', 'é', '😀', ' ', ':', '#'), numberedName, (length, char, file) => {
        const long = char.repeat(length);
        const text = `---\ntitle: ${long}\nstatus: accepted\ntags: [${long}]\n---\n# ${long}\n\n## Rationale\n\n${long}\n`;
        checkRecord(`docs/decisions/${file.name}`, text, file.number);
      }),
      { seed: SEED + 4, numRuns: 40 },
    );
  });

  it('ignores a reference number too large to be exact (`related: 99999999999999999999` read as 1e20)', () => {
    const record = checkRecord('docs/decisions/0001-a.md', '---\ntitle: A\nrelated: [99999999999999999999, 3]\nsupersedes: 1e400\n---\n', 1);
    assert.deepEqual(record.related, [3]);
    assert.deepEqual(record.supersedes, []);
  });

  it('points problems of a file that is only front matter fences at a line the file has', () => {
    for (const text of ['---', '---\n---', '---\r\n...', '\uFEFF---']) {
      const record = checkRecord('docs/decisions/0007-fences.md', text, 7);
      assert.ok(record.problems.some((problem) => problem.code === 'no-title'), JSON.stringify(text));
    }
  });

  it('reports a key given twice, or under two spellings the reader takes for one, instead of dropping the first silently', () => {
    const twice = checkRecord('docs/decisions/0001-a.md', '---\ntitle: A\nstatus: proposed\nstatus: accepted\n---\n', 1);
    assert.deepEqual(twice.problems.map((problem) => [problem.code, problem.line]), [['duplicate-key', 2]]);
    const spellings = checkRecord('docs/decisions/0001-a.md', '---\ntitle: A\nsign-off: [Ana]\nSign_Off: [Sam]\n---\n', 1);
    assert.deepEqual(spellings.problems.map((problem) => [problem.code, problem.line]), [['duplicate-key', 2]]);
  });

  it('reads a 10 MB record, and a 10 MB single line, within seconds', () => {
    const ten = 10 * 1024 * 1024;
    const head = '---\ntitle: Big\nstatus: accepted\ndate: 2026-11-22\n---\n# Big\n\n## Rationale\n\n';
    const paragraph = 'Annual plans churn 40% less than monthly ones; DR-12 says why. Ünïcödé 😀 שלום.\r\n';
    const many = head + paragraph.repeat(Math.ceil(ten / paragraph.length));
    const started = Date.now();
    const record = checkRecord('docs/decisions/0042-big.md', many, 42);
    assert.equal(record.title, 'Big');
    assert.equal(record.status, 'accepted');
    assert.equal(record.hasRationale, true);
    checkRecord('docs/decisions/0043-one-line.md', `---\ntitle: ${'w'.repeat(ten)}\n---\n`, 43);
    checkRecord('docs/decisions/0044-one-line-body.md', `# T\n${'b'.repeat(ten)}`, 44);
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
  });
});
