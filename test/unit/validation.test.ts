import { CORPUS, skipWithoutCorpus } from './corpusLocation';
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { frontMatterKeyLine, recordLines } from '../../src/core/frontMatterLines';
import { parseRecord } from '../../src/core/parse';
import type { DecisionRecord, Problem } from '../../src/core/record';
import { validateLog } from '../../src/core/validation';
import type { ValidationOptions } from '../../src/core/validation';
import { makeRecord } from './makeRecord';


function codes(problems: Map<string, Problem[]>, recordPath: string): string[] {
  return (problems.get(recordPath) ?? []).map((problem) => problem.code);
}

function only(problems: Map<string, Problem[]>, recordPath: string, code: string): Problem {
  const found = (problems.get(recordPath) ?? []).filter((problem) => problem.code === code);
  assert.equal(found.length, 1, `one ${code} on ${recordPath}, got ${JSON.stringify(problems.get(recordPath))}`);
  return found[0];
}

/** Records parsed from texts, with a `textOf` that serves those texts and counts its calls. */
function log(texts: Record<string, string>): { records: DecisionRecord[]; textOf: (p: string) => string | undefined; reads: string[] } {
  const reads: string[] = [];
  return {
    records: Object.entries(texts).map(([recordPath, text]) => parseRecord(recordPath, text)),
    textOf: (recordPath) => {
      reads.push(recordPath);
      return texts[recordPath];
    },
    reads,
  };
}

const base: ValidationOptions = { prefix: 'DR' };

describe('validateLog', () => {
  it('gives every record an entry and keeps the parser’s problems', () => {
    const parserProblem: Problem = { code: 'unknown-status', severity: 'warning', message: 'Unknown status "wip"', line: 2 };
    const problems = validateLog(
      [makeRecord({ path: 'a/0001-a.md', number: 1 }), makeRecord({ path: 'a/0002-b.md', number: 2, problems: [parserProblem] })],
      base,
    );
    assert.deepEqual([...problems.keys()], ['a/0001-a.md', 'a/0002-b.md']);
    assert.deepEqual(problems.get('a/0001-a.md'), []);
    assert.deepEqual(problems.get('a/0002-b.md'), [parserProblem]);
  });

  it('reports a duplicate number on every file that shares it, once, at the title line', () => {
    const records = [
      makeRecord({ path: 'd/0003-a.md', number: 3, titleLine: 4 }),
      makeRecord({ path: 'd/0003-b.md', number: 3, titleLine: 0 }),
      // The index already marked this one; validation recomputes rather than repeats.
      makeRecord({ path: 'd/0003-c.md', number: 3, problems: [{ code: 'duplicate-number', severity: 'error', message: 'old', line: 0 }] }),
      makeRecord({ path: 'd/0004-d.md', number: 4 }),
      makeRecord({ path: 'd/notes.md' }),
    ];
    const problems = validateLog(records, base);
    const a = only(problems, 'd/0003-a.md', 'duplicate-number');
    assert.deepEqual(a, {
      code: 'duplicate-number',
      severity: 'error',
      line: 4,
      message: 'DR-3 is also the number of d/0003-b.md, d/0003-c.md: renumber one of them.',
    });
    assert.equal(only(problems, 'd/0003-b.md', 'duplicate-number').line, 0);
    assert.notEqual(only(problems, 'd/0003-c.md', 'duplicate-number').message, 'old');
    assert.deepEqual(codes(problems, 'd/0004-d.md'), []);
    assert.deepEqual(codes(problems, 'd/notes.md'), []);
  });

  it('warns about references to numbers no record has, at the key’s line', () => {
    const { records, textOf } = log({
      'd/0001-a.md': '---\ntitle: A\nstatus: proposed\nsupersedes: [7]\nrelated: [2, 8]\n---\n# A\n',
      'd/0002-b.md': '---\ntitle: B\nstatus: superseded\nsuperseded-by: [9]\n---\n# B\n',
    });
    const problems = validateLog(records, { prefix: 'ADR', textOf });
    const missing = (recordPath: string) =>
      (problems.get(recordPath) ?? []).filter((problem) => problem.code === 'missing-reference').map((problem) => [problem.line, problem.message]);
    assert.deepEqual(missing('d/0001-a.md'), [
      [3, 'Supersedes ADR-7, but no record has that number.'],
      [4, 'Related to ADR-8, but no record has that number.'],
    ]);
    assert.deepEqual(missing('d/0002-b.md'), [[3, 'Superseded by ADR-9, but no record has that number.']]);
    assert.ok((problems.get('d/0001-a.md') ?? []).every((problem) => problem.severity === 'warning'));
  });

  it('places problems at the title line when no text is available', () => {
    const problems = validateLog([makeRecord({ path: 'd/0001-a.md', number: 1, titleLine: 5, related: [40] })], base);
    assert.equal(only(problems, 'd/0001-a.md', 'missing-reference').line, 5);
  });

  it('points into an adr-tools Status section', () => {
    const { records, textOf } = log({
      'doc/adr/0002-b.md': '# 2. B\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\nRelated to DR-42\n\n## Context\n\nText.\n',
    });
    const problems = validateLog(
      records.map((record) => ({ ...record, related: [42] })),
      { ...base, textOf },
    );
    assert.equal(only(problems, 'doc/adr/0002-b.md', 'missing-reference').line, 8);
  });

  it('warns when a superseded record is not marked superseded or does not point back', () => {
    const records = [
      makeRecord({ path: 'd/0010-new.md', number: 10, status: 'accepted', supersedes: [1, 2, 3] }),
      makeRecord({ path: 'd/0001-old.md', number: 1, status: 'accepted', statusText: 'Accepted' }),
      makeRecord({ path: 'd/0002-old.md', number: 2, status: 'superseded', supersededBy: [11] }),
      makeRecord({ path: 'd/0003-old.md', number: 3, status: 'superseded', supersededBy: [10] }),
      makeRecord({ path: 'd/0011-other.md', number: 11 }),
    ];
    const problems = validateLog(records, base);
    assert.deepEqual(
      (problems.get('d/0010-new.md') ?? []).map((problem) => [problem.code, problem.message]),
      [
        ['supersede-mismatch', 'Supersedes DR-1, but its status is Accepted: mark DR-1 superseded by this record.'],
        ['supersede-mismatch', 'Supersedes DR-2, but it does not name DR-10 as superseding it: mark DR-2 superseded by this record.'],
      ],
    );
    assert.deepEqual(codes(problems, 'd/0001-old.md'), []);
  });

  it('accepts a supersede link when one of several records sharing the number agrees', () => {
    const records = [
      makeRecord({ path: 'd/0010-new.md', number: 10, supersedes: [1] }),
      makeRecord({ path: 'd/0001-a.md', number: 1, status: 'accepted' }),
      makeRecord({ path: 'd/0001-b.md', number: 1, status: 'superseded', supersededBy: [10] }),
    ];
    assert.deepEqual(codes(validateLog(records, base), 'd/0010-new.md'), []);
  });

  it('checks data-source files only through the caller’s fileExists, at the path’s line', () => {
    const { records, textOf } = log({
      'd/0001-a.md': [
        '---',
        'title: A',
        'data-sources:',
        '  - title: Dashboard',
        '    url: https://example.com',
        '  - title: Research',
        '    path: research/gone.md',
        '  - path: research/here.md',
        '---',
        '# A',
        '',
      ].join('\n'),
    });
    const asked: string[] = [];
    const fileExists = (file: string): boolean => {
      asked.push(file);
      return file === 'research/here.md';
    };
    const problems = validateLog(records, { ...base, fileExists, textOf });
    assert.deepEqual(only(problems, 'd/0001-a.md', 'missing-data-source-file'), {
      code: 'missing-data-source-file',
      severity: 'warning',
      line: 6,
      message: 'Data source "Research" points at research/gone.md, which does not exist.',
    });
    assert.deepEqual(asked, ['research/gone.md', 'research/here.md']);
    assert.deepEqual(codes(validateLog(records, { ...base, textOf }), 'd/0001-a.md'), []);
  });

  describe('completeness of accepted records', () => {
    const incomplete = makeRecord({
      path: 'd/0001-a.md',
      number: 1,
      status: 'accepted',
      titleLine: 1,
      signOff: [
        { name: 'Sam', state: 'approved' },
        { name: 'Kim', state: 'pending' },
        { name: 'Ana', state: 'objected' },
        { name: 'Bo', state: 'abstained' },
      ],
    });

    it('is off unless asked for', () => {
      assert.deepEqual(codes(validateLog([incomplete], base), 'd/0001-a.md'), []);
      assert.deepEqual(codes(validateLog([incomplete], { ...base, requireComplete: 'off' }), 'd/0001-a.md'), []);
    });

    it('reports a missing rationale, data source and open sign-offs with the chosen severity', () => {
      const problems = validateLog([incomplete], { ...base, requireComplete: 'error' });
      assert.deepEqual(
        (problems.get('d/0001-a.md') ?? []).map((problem) => [problem.code, problem.severity]),
        [
          ['no-rationale', 'error'],
          ['no-data-source', 'error'],
          ['incomplete-sign-off', 'error'],
        ],
      );
      assert.equal(only(problems, 'd/0001-a.md', 'incomplete-sign-off').message, 'Accepted while sign-off is incomplete: Kim (pending), Ana (objected).');
    });

    it('leaves complete and not-accepted records alone', () => {
      const complete = makeRecord({
        path: 'd/0002-b.md',
        status: 'accepted',
        hasRationale: true,
        dataSources: [{ title: 'Q3', url: 'https://example.com' }],
        signOff: [{ name: 'Sam', state: 'approved' }],
      });
      const proposed = { ...incomplete, path: 'd/0003-c.md', number: 3, status: 'proposed' as const };
      const problems = validateLog([complete, proposed], { ...base, requireComplete: 'warning' });
      assert.deepEqual(codes(problems, 'd/0002-b.md'), []);
      assert.deepEqual(codes(problems, 'd/0003-c.md'), []);
    });

    it('points at the sign-off key and the status line in the file', () => {
      const { records, textOf } = log({
        'd/0001-a.md': '---\ntitle: A\nstatus: accepted\nsign-off:\n  - name: Kim\n    state: pending\n---\n# A\n\n## Rationale\n\nBecause.\n',
      });
      const problems = validateLog(records, { ...base, requireComplete: 'warning', textOf });
      assert.equal(only(problems, 'd/0001-a.md', 'incomplete-sign-off').line, 3);
      assert.equal(only(problems, 'd/0001-a.md', 'no-data-source').line, 2);
    });
  });

  it('reads a record’s text only when one of its problems needs a line', () => {
    const { records, textOf, reads } = log({
      'd/0001-a.md': '---\ntitle: A\nrelated: [5]\n---\n# A\n',
      'd/0002-b.md': '---\ntitle: B\nrelated: [1]\n---\n# B\n',
      'd/0003-c.md': '---\ntitle: C\nsupersedes: [7]\n---\n# C\n',
    });
    validateLog(records, { ...base, textOf });
    assert.deepEqual(reads, ['d/0001-a.md', 'd/0003-c.md']);
  });

  it('places every problem of the real-world logs inside its file', function () {
    skipWithoutCorpus(this);
    this.timeout(60000);
    const folders = new Map<string, Record<string, string>>();
    for (const file of readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.md')) continue;
      const folder = path.dirname(file);
      const texts = folders.get(folder) ?? {};
      texts[file] = readFileSync(path.join(CORPUS, file), 'utf8');
      folders.set(folder, texts);
    }
    assert.ok(folders.size > 0, `no corpus under ${CORPUS}`);
    let placed = 0;
    for (const texts of folders.values()) {
      const { records, textOf } = log(texts);
      const problems = validateLog(records, { prefix: 'ADR', textOf, fileExists: () => true, requireComplete: 'info' });
      for (const [file, list] of problems) {
        const lineCount = (texts[file] ?? '').split('\n').length;
        for (const problem of list) {
          assert.ok(problem.line !== undefined && problem.line >= 0 && problem.line < lineCount, `${file}: ${JSON.stringify(problem)}`);
          placed++;
        }
      }
    }
    // Accepted records without data sources abound there, so the check is not vacuous.
    assert.ok(placed > 50, `only ${placed} problems placed`);
  });
});

describe('recordLines', () => {
  const text = [
    '\uFEFF---',
    'title: A',
    '"quoted key": 1',
    'sign-off:',
    '  - name: Sam',
    '    status: nested, not top level',
    '# a comment: not a key',
    '---',
    '# A',
    '',
    '```',
    '## Not a heading',
    '```',
    '## Status ##',
    'status: in the body, not a key',
  ].join('\r\n');

  it('finds top-level keys only, in front matter only', () => {
    const lines = recordLines(text);
    assert.deepEqual([...lines.keys], [['title', 1], ['quoted key', 2], ['sign-off', 3]]);
    assert.equal(lines.bodyStart, 8);
  });

  it('finds headings outside code blocks, by lower-case text', () => {
    assert.deepEqual([...recordLines(text).headings], [['a', 8], ['status', 13]]);
  });

  const keyCases: { text: string; key: string; expected: number | undefined }[] = [
    { text: '---\nstatus: a\n---\n', key: 'status', expected: 1 },
    { text: '---\nstatus:\n---\n', key: 'status', expected: 1 },
    { text: '---\nstatuses: a\n---\n', key: 'status', expected: undefined },
    { text: '# T\nstatus: a\n', key: 'status', expected: undefined },
    { text: '---\nstatus: a\n', key: 'status', expected: 1 },
    { text: '---\r\nx: 1\r\nsign-off: []\r\n---\r\n', key: 'sign-off', expected: 2 },
  ];
  for (const { text: source, key, expected } of keyCases) {
    it(`frontMatterKeyLine(${JSON.stringify(source)}, ${key}) is ${expected}`, () => assert.equal(frontMatterKeyLine(source, key), expected));
  }
});
