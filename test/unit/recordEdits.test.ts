import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseRecord } from '../../src/core/parse';
import { FRONT_MATTER_ALIASES } from '../../src/core/record';
import { FrontMatterEditor, applyEdits, attemptEdit, locateFrontMatter } from '../../src/core/frontMatterEdit';
import type { EditResult, TextEdit } from '../../src/core/frontMatterEdit';
import type { DataSourceInput } from '../../src/core/recordEdits';
import {
  addDataSource,
  addLink,
  addOrUpdateSignOff,
  addRelated,
  addSupersedes,
  renumberReferences,
  requestSignOff,
  setStatus,
  setSupersededBy,
} from '../../src/core/recordEdits';

const fixtures = path.resolve(__dirname, '../../../test/fixtures/edits');

function fixture(name: string): string {
  return readFileSync(path.join(fixtures, name), 'utf8');
}

/** `text` with each `[before, after]` applied; each `before` must occur exactly once, so the expectation is exact. */
function changed(text: string, replacements: readonly [string, string][]): string {
  let result = text;
  for (const [before, after] of replacements) {
    assert.equal(result.split(before).length, 2, `expected exactly one ${JSON.stringify(before)} in the fixture`);
    result = result.replace(before, () => after);
  }
  return result;
}

/** The front matter of `text` as plain data ({} when there is none). */
function frontMatter(text: string): Record<string, unknown> {
  const location = locateFrontMatter(text);
  assert.notEqual(location.kind, 'unclosed');
  if (location.kind !== 'closed') return {};
  return (parse(text.slice(location.contentStart, location.contentEnd)) as Record<string, unknown> | null) ?? {};
}

/** Lines with their endings, so CRLF is compared too. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Checks that every line the edits do not touch is byte-identical in the result and in the same
 * place relative to the edits, and returns the 0-based numbers of the original lines the edits touch.
 */
function untouchedLinesKept(original: string, edits: readonly TextEdit[], result: string): number[] {
  const before = linesOf(original);
  const after = linesOf(result);
  const lineAt = (offset: number): number => original.slice(0, offset).split('\n').length - 1;
  const touched = new Set<number>();
  const shifts: { line: number; delta: number }[] = [];
  for (const edit of edits) {
    const first = lineAt(edit.start);
    const insertionAtLineStart = edit.start === edit.end && (edit.start === 0 || original[edit.start - 1] === '\n');
    if (!insertionAtLineStart) for (let line = first; line <= lineAt(Math.max(edit.start, edit.end - 1)); line++) touched.add(line);
    const removed = original.slice(edit.start, edit.end).split('\n').length - 1;
    shifts.push({ line: first, delta: edit.newText.split('\n').length - 1 - removed });
  }
  for (let line = 0; line < before.length; line++) {
    if (touched.has(line)) continue;
    const delta = shifts.filter((shift) => shift.line < line || (shift.line === line && !touched.has(line))).reduce((sum, shift) => sum + shift.delta, 0);
    assert.equal(after[line + delta], before[line], `line ${line + 1} of the original changed`);
  }
  return [...touched].sort((a, b) => a - b);
}

interface Case {
  name: string;
  file: string;
  run: (text: string) => EditResult;
  expected: (text: string) => string;
  /** 0-based lines of the original that the edits may touch (insertions between lines touch none). */
  touched: number[];
  /** What the result's front matter must say. */
  check?: (data: Record<string, unknown>) => void;
}

const OURS_STATUS = 'status: proposed            #';

const cases: Case[] = [
  // --- setStatus --------------------------------------------------------------------------------
  {
    name: 'setStatus keeps the inline comment in its column',
    file: 'ours.md',
    run: (text) => setStatus(text, 'deprecated'),
    expected: (text) => changed(text, [[OURS_STATUS, 'status: deprecated          #']]),
    touched: [2],
    check: (data) => assert.equal(data.status, 'deprecated'),
  },
  {
    name: 'setStatus with a date changes both values',
    file: 'ours.md',
    run: (text) => setStatus(text, 'accepted', { date: '2026-12-01' }),
    expected: (text) => changed(text, [[OURS_STATUS, 'status: accepted            #'], ['date: 2026-11-22\n', 'date: 2026-12-01\n']]),
    touched: [2, 3],
    check: (data) => assert.deepEqual([data.status, data.date], ['accepted', '2026-12-01']),
  },
  {
    name: 'setStatus keeps MADR 4 double quotes',
    file: 'madr4.md',
    run: (text) => setStatus(text, 'deprecated'),
    expected: (text) => changed(text, [['status: "accepted"', 'status: "deprecated"']]),
    touched: [2],
    check: (data) => assert.equal(data.status, 'deprecated'),
  },
  {
    name: 'setStatus keeps the capital letter and adds a date after the status in unusual key order',
    file: 'unusual.md',
    run: (text) => setStatus(text, 'accepted', { date: '2026-12-01' }),
    expected: (text) => changed(text, [['status: Proposed\n', 'status: Accepted\ndate: 2026-12-01\n']]),
    touched: [9],
    check: (data) => assert.deepEqual([data.status, data.date], ['Accepted', '2026-12-01']),
  },
  {
    name: 'setStatus keeps CRLF and the BOM',
    file: 'crlf-bom.md',
    run: (text) => setStatus(text, 'deprecated', { date: '2026-12-01' }),
    expected: (text) => changed(text, [['status: accepted # done\r\n', 'status: deprecated # done\r\ndate: 2026-12-01\r\n']]),
    touched: [2],
    check: (data) => assert.equal(data.status, 'deprecated'),
  },
  {
    name: 'setStatus changes the first line of an adr-tools Status section and its Date line',
    file: 'nygard.md',
    run: (text) => setStatus(text, 'deprecated', { date: '2026-12-01' }),
    expected: (text) => changed(text, [['\nAccepted\n', '\nDeprecated\n'], ['Date: 2016-02-12', 'Date: 2026-12-01']]),
    touched: [2, 6],
  },
  {
    name: 'setStatus changes a MADR 2 status bullet',
    file: 'madr2.md',
    run: (text) => setStatus(text, 'rejected'),
    expected: (text) => changed(text, [['* Status: Accepted', '* Status: Rejected']]),
    touched: [2],
  },
  {
    name: 'setStatus adds a front matter block to a plain file',
    file: 'plain.md',
    run: (text) => setStatus(text, 'proposed'),
    expected: (text) => `---\nstatus: proposed\n---\n${text}`,
    touched: [],
    check: (data) => assert.deepEqual(data, { status: 'proposed' }),
  },
  {
    name: 'setStatus fills an empty front matter',
    file: 'empty-front-matter.md',
    run: (text) => setStatus(text, 'accepted'),
    expected: () => '---\nstatus: accepted\n---\n# Nothing yet\n',
    touched: [],
    check: (data) => assert.deepEqual(data, { status: 'accepted' }),
  },
  // --- sign-off ---------------------------------------------------------------------------------
  {
    name: 'addOrUpdateSignOff updates the entry with the same email, ignoring case, with a multi-line comment',
    file: 'ours.md',
    run: (text) =>
      addOrUpdateSignOff(text, {
        name: 'Samuel Lee',
        email: 'sam@example.com',
        state: 'objected',
        date: '2026-12-02',
        comment: 'The new model shows a gap:\nsee the March forecast.',
      }),
    expected: (text) =>
      changed(text, [
        ['    state: approved         #', '    state: objected         #'],
        ['    date: 2026-11-23\n', '    date: 2026-12-02\n'],
        ['    comment: Cash-flow model checks out.\n', '    comment: |-\n      The new model shows a gap:\n      see the March forecast.\n'],
      ]),
    touched: [13, 14, 15],
    check: (data) =>
      assert.deepEqual((data['sign-off'] as unknown[])[0], {
        name: 'Sam Lee',
        email: 'Sam@Example.com',
        role: 'VP Finance',
        state: 'objected',
        date: '2026-12-02',
        comment: 'The new model shows a gap:\nsee the March forecast.',
      }),
  },
  {
    name: 'addOrUpdateSignOff updates a flow entry by name and keeps it a flow entry',
    file: 'ours.md',
    run: (text) => addOrUpdateSignOff(text, { name: 'kim ho', state: 'approved', date: '2026-12-02', comment: 'Fine by me.' }),
    expected: (text) =>
      changed(text, [['  - {name: Kim Ho, state: pending}', '  - {name: Kim Ho, state: approved, date: 2026-12-02, comment: Fine by me.}']]),
    touched: [16],
    check: (data) => assert.equal(((data['sign-off'] as unknown[])[1] as { state: string }).state, 'approved'),
  },
  {
    name: 'addOrUpdateSignOff appends a new person, quoting only what YAML needs, in the file’s usual quotes',
    file: 'ours.md',
    run: (text) =>
      addOrUpdateSignOff(text, { name: 'Lee Park', email: 'lee@example.com', role: 'CTO', state: 'approved', date: '2026-12-02', comment: 'Yes: ship it.' }),
    expected: (text) =>
      changed(text, [
        [
          '  - {name: Kim Ho, state: pending}\n',
          '  - {name: Kim Ho, state: pending}\n  - name: Lee Park\n    email: lee@example.com\n    role: CTO\n    state: approved\n    date: 2026-12-02\n    comment: \'Yes: ship it.\'\n',
        ],
      ]),
    touched: [],
    check: (data) => assert.equal((data['sign-off'] as unknown[]).length, 3),
  },
  {
    name: 'addOrUpdateSignOff follows an unindented list and single quotes',
    file: 'unusual.md',
    run: (text) => addOrUpdateSignOff(text, { name: 'Bo Chen', state: 'abstained', comment: 'Not my area: no view.' }),
    expected: (text) =>
      changed(text, [["  state: 'pending'\n", "  state: 'pending'\n- name: Bo Chen\n  state: abstained\n  comment: 'Not my area: no view.'\n"]]),
    touched: [],
  },
  {
    name: 'addOrUpdateSignOff creates sign-off after the MADR 4 stakeholder keys',
    file: 'madr4.md',
    run: (text) => addOrUpdateSignOff(text, { name: 'Jane Doe', state: 'approved', date: '2026-12-02' }),
    expected: (text) => changed(text, [['informed: everyone\n', 'informed: everyone\nsign-off:\n  - name: Jane Doe\n    state: approved\n    date: 2026-12-02\n']]),
    touched: [],
    check: (data) => assert.deepEqual(data['sign-off'], [{ name: 'Jane Doe', state: 'approved', date: '2026-12-02' }]),
  },
  {
    name: 'addOrUpdateSignOff adds a front matter block on top of an adr-tools record',
    file: 'nygard.md',
    run: (text) => addOrUpdateSignOff(text, { name: 'Nat Pryce', state: 'approved' }),
    expected: (text) => `---\nsign-off:\n  - name: Nat Pryce\n    state: approved\n---\n${text}`,
    touched: [],
  },
  {
    name: 'addOrUpdateSignOff writes CRLF into a CRLF file',
    file: 'crlf-bom.md',
    run: (text) => addOrUpdateSignOff(text, { name: 'Ana', state: 'pending' }),
    expected: (text) => changed(text, [['# done\r\n', '# done\r\nsign-off:\r\n  - name: Ana\r\n    state: pending\r\n']]),
    touched: [],
  },
  {
    name: 'requestSignOff adds pending entries only for people not listed, and not twice',
    file: 'ours.md',
    run: (text) =>
      requestSignOff(text, [
        { name: 'Someone', email: 'SAM@example.com' },
        { name: 'Kim Ho' },
        { name: 'Ana Ruiz', email: 'ana@example.com', role: 'Product' },
        { name: 'ana ruiz' },
      ]),
    expected: (text) =>
      changed(text, [
        ['  - {name: Kim Ho, state: pending}\n', '  - {name: Kim Ho, state: pending}\n  - name: Ana Ruiz\n    email: ana@example.com\n    role: Product\n    state: pending\n'],
      ]),
    touched: [],
  },
  // --- data sources, related, links -------------------------------------------------------------
  {
    name: 'addDataSource appends to the block list',
    file: 'ours.md',
    run: (text) => addDataSource(text, { title: 'Pricing experiment results', path: 'research/pricing-2026.md', note: 'Upfront billing, +4% conversion' }),
    expected: (text) =>
      changed(text, [
        [
          '    url: https://analytics.example.com/d/123\n',
          '    url: https://analytics.example.com/d/123\n  - title: Pricing experiment results\n    path: research/pricing-2026.md\n    note: Upfront billing, +4% conversion\n',
        ],
      ]),
    touched: [],
  },
  {
    name: 'addDataSource in unusual key order goes after the last key that precedes it in the usual order',
    file: 'unusual.md',
    run: (text) => addDataSource(text, { title: 'API traffic', url: 'https://grafana.example.com/d/api' }),
    expected: (text) =>
      changed(text, [['status: Proposed\n', 'status: Proposed\ndata-sources:\n- title: API traffic\n  url: https://grafana.example.com/d/api\n']]),
    touched: [],
  },
  {
    name: 'addRelated appends to a flow list',
    file: 'ours.md',
    run: (text) => addRelated(text, 12),
    expected: (text) => changed(text, [['related: [3, 9]', 'related: [3, 9, 12]']]),
    touched: [21],
    check: (data) => assert.deepEqual(data.related, [3, 9, 12]),
  },
  {
    name: 'addRelated appends to an unindented block list',
    file: 'unusual.md',
    run: (text) => addRelated(text, 12),
    expected: (text) => changed(text, [['- 4\n', '- 4\n- 12\n']]),
    touched: [],
  },
  {
    name: 'addLink fills an empty flow list in a CRLF file',
    file: 'crlf-bom.md',
    run: (text) => addLink(text, 'https://github.com/acme/app/pull/412'),
    expected: (text) => changed(text, [['links: []', 'links: [https://github.com/acme/app/pull/412]']]),
    touched: [3],
  },
  {
    name: 'addLink creates the key at the end',
    file: 'ours.md',
    run: (text) => addLink(text, 'https://github.com/acme/app/pull/412'),
    expected: (text) => changed(text, [['related: [3, 9]\n', 'related: [3, 9]\nlinks: [https://github.com/acme/app/pull/412]\n']]),
    touched: [],
  },
  // --- supersede --------------------------------------------------------------------------------
  {
    name: 'setSupersededBy sets the status and adds superseded-by',
    file: 'ours.md',
    run: (text) => setSupersededBy(text, 14),
    expected: (text) => changed(text, [[OURS_STATUS, 'status: superseded          #'], ['supersedes: []\n', 'supersedes: []\nsuperseded-by: [14]\n']]),
    touched: [2],
    check: (data) => assert.deepEqual([data.status, data['superseded-by']], ['superseded', [14]]),
  },
  {
    name: 'setSupersededBy writes the adr-tools status line',
    file: 'nygard.md',
    run: (text) => setSupersededBy(text, 5, { target: { title: 'Use Go', fileName: '0005-use-go.md' } }),
    expected: (text) => changed(text, [['\nAccepted\n', '\nSuperseded by [5. Use Go](0005-use-go.md)\n']]),
    touched: [6],
  },
  {
    name: 'setSupersededBy writes a MADR 2 bullet with a reference',
    file: 'madr2.md',
    run: (text) => setSupersededBy(text, 5, { prefix: 'ADR' }),
    expected: (text) => changed(text, [['* Status: Accepted', '* Status: Superseded by ADR-5']]),
    touched: [2],
  },
  {
    name: 'addSupersedes fills an empty flow list',
    file: 'ours.md',
    run: (text) => addSupersedes(text, 7),
    expected: (text) => changed(text, [['supersedes: []', 'supersedes: [7]']]),
    touched: [20],
  },
  {
    name: 'addSupersedes adds an adr-tools line to the Status section',
    file: 'nygard.md',
    run: (text) => addSupersedes(text, 1, { target: { title: 'Record architecture decisions', fileName: '0001-record-architecture-decisions.md' } }),
    expected: (text) => changed(text, [['\nAccepted\n', '\nAccepted\n\nSupersedes [1. Record architecture decisions](0001-record-architecture-decisions.md)\n']]),
    touched: [],
  },
  // --- renumber ---------------------------------------------------------------------------------
  {
    name: 'renumberReferences rewrites list numbers',
    file: 'ours.md',
    run: (text) => renumberReferences(text, 3, 15, 'DR'),
    expected: (text) => changed(text, [['related: [3, 9]', 'related: [15, 9]']]),
    touched: [21],
  },
  {
    name: 'renumberReferences rewrites references in the body of a CRLF file',
    file: 'crlf-bom.md',
    run: (text) => renumberReferences(text, 3, 15, 'DR'),
    expected: (text) => changed(text, [['See DR-3.', 'See DR-15.']]),
    touched: [7],
  },
];

describe('record edits', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const original = fixture(testCase.file);
      const result = testCase.run(original);
      assert.ok(result.ok, result.ok ? '' : result.message);
      const edited = applyEdits(original, result.edits);
      assert.equal(edited, testCase.expected(original));
      assert.deepEqual(untouchedLinesKept(original, result.edits, edited), testCase.touched);
      testCase.check?.(frontMatter(edited));
      if (original.startsWith('\uFEFF')) assert.ok(edited.startsWith('\uFEFF'));
      if (original.includes('\r\n')) assert.equal(edited.replace(/\r\n/g, '').includes('\n'), false, 'a bare LF in a CRLF file');
    });
  }

  const noOps: { name: string; file: string; run: (text: string) => EditResult }[] = [
    { name: 'setStatus to the current status', file: 'madr4.md', run: (text) => setStatus(text, 'accepted') },
    { name: 'addRelated of a listed number', file: 'ours.md', run: (text) => addRelated(text, 9) },
    { name: 'addDataSource with a listed url', file: 'ours.md', run: (text) => addDataSource(text, { title: 'Same', url: 'https://analytics.example.com/d/123' }) },
    { name: 'requestSignOff of listed people', file: 'ours.md', run: (text) => requestSignOff(text, [{ name: 'Sam Lee' }, { name: 'Kim Ho' }]) },
    { name: 'renumberReferences of an unused number', file: 'nygard.md', run: (text) => renumberReferences(text, 40, 41, 'DR') },
  ];
  for (const { name, file, run } of noOps) {
    it(`makes no edit for ${name}`, () => assert.deepEqual(run(fixture(file)), { ok: true, edits: [] }));
  }

  const refusals: { name: string; file: string; run: (text: string) => EditResult; message: RegExp }[] = [
    { name: 'malformed YAML', file: 'bad-yaml.md', run: (text) => setStatus(text, 'accepted'), message: /not valid YAML \(line 4\)/ },
    { name: 'an unclosed front matter', file: 'unclosed.md', run: (text) => addRelated(text, 2), message: /not closed/ },
    { name: 'sign-off holding a text', file: 'sign-off-text.md', run: (text) => addOrUpdateSignOff(text, { name: 'A', state: 'approved' }), message: /`sign-off` holds "none"/ },
    { name: 'a sign-off request into a text', file: 'sign-off-text.md', run: (text) => requestSignOff(text, [{ name: 'A' }]), message: /`sign-off` holds/ },
    { name: 'data-sources holding a text', file: 'sign-off-text.md', run: (text) => addDataSource(text, { title: 'T', url: 'u' }), message: /`data-sources` holds/ },
  ];
  for (const { name, file, run, message } of refusals) {
    it(`refuses ${name}`, () => {
      const result = run(fixture(file));
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, message);
    });
  }

  it('refuses a sign-off list holding names instead of entries', () => {
    const result = addOrUpdateSignOff('---\nsign-off: [Sam]\n---\n', { name: 'Sam', state: 'approved' });
    assert.deepEqual(result, { ok: false, message: 'Entry 1 of `sign-off` is not a `name: …` entry.' });
  });

  it('renumbers zero-padded references, adr-tools links and superseded-by together', () => {
    const text = [
      '---',
      'status: "superseded by ADR-0014"',
      'superseded-by: [14]',
      'related: ["0014", 3]',
      '---',
      '# 2. Old',
      '',
      'Superseded by [14. New](0014-new.md); see ADR-14 and XADR-14, not ADR-140.',
      '',
    ].join('\n');
    const result = renumberReferences(text, 14, 20, 'ADR');
    assert.ok(result.ok);
    assert.equal(
      applyEdits(text, result.edits),
      [
        '---',
        'status: "superseded by ADR-0020"',
        'superseded-by: [20]',
        'related: ["0020", 3]',
        '---',
        '# 2. Old',
        '',
        'Superseded by [20. New](0020-new.md); see ADR-20 and XADR-14, not ADR-140.',
        '',
      ].join('\n'),
    );
  });

  it('keeps a horizontal rule and a second `---` block in the body untouched', () => {
    const text = '---\ntitle: T\n---\n# T\n\n---\nnot: front matter\n---\n';
    const result = setStatus(text, 'accepted');
    assert.ok(result.ok);
    assert.equal(applyEdits(text, result.edits), '---\ntitle: T\nstatus: accepted\n---\n# T\n\n---\nnot: front matter\n---\n');
  });
});

describe('addOrUpdateSignOff on a pending block entry', () => {
  it('adds the date and then the comment, in the documented order', () => {
    const text = '---\ntitle: X\nsign-off:\n  - name: Ana Ruiz\n    state: pending\nstatus: proposed\n---\n# X\n';
    const result = addOrUpdateSignOff(text, { name: 'Ana Ruiz', state: 'approved', date: '2026-11-23', comment: 'Numbers check out.' });
    assert.ok(result.ok);
    assert.equal(
      applyEdits(text, result.edits),
      '---\ntitle: X\nsign-off:\n  - name: Ana Ruiz\n    state: approved\n    date: 2026-11-23\n    comment: Numbers check out.\nstatus: proposed\n---\n# X\n',
    );
  });
});

describe('edits the spelling of a key the reader reads', () => {
  it('signs off into `signoffs:` rather than hiding its entries behind a new `sign-off:`', () => {
    const text = '---\ntitle: T\nsignoffs:\n  - name: Sam Lee\n    state: approved\n---\n# T\n';
    const result = addOrUpdateSignOff(text, { name: 'Ana', state: 'approved' });
    assert.ok(result.ok);
    const edited = applyEdits(text, result.edits);
    assert.equal(edited, '---\ntitle: T\nsignoffs:\n  - name: Sam Lee\n    state: approved\n  - name: Ana\n    state: approved\n---\n# T\n');
    assert.deepEqual(parseRecord('d/0001-t.md', edited).signOff.map((entry) => entry.name), ['Sam Lee', 'Ana']);
  });

  it('adds a data source to `sources:`', () => {
    const text = '---\ntitle: T\nsources:\n  - title: A\n    url: https://a\n---\n# T\n';
    const result = addDataSource(text, { title: 'B', url: 'https://b' });
    assert.ok(result.ok);
    const edited = applyEdits(text, result.edits);
    assert.equal(edited, '---\ntitle: T\nsources:\n  - title: A\n    url: https://a\n  - title: B\n    url: https://b\n---\n# T\n');
    assert.equal(parseRecord('d/0001-t.md', edited).dataSources.length, 2);
  });

  it('passes over an empty spelling the reader passes over too', () => {
    const text = '---\nsign-off:\nsignoffs:\n  - name: Sam Lee\n    state: pending\n---\n# T\n';
    const result = addOrUpdateSignOff(text, { name: 'Sam Lee', state: 'approved' });
    assert.ok(result.ok);
    assert.equal(applyEdits(text, result.edits), '---\nsign-off:\nsignoffs:\n  - name: Sam Lee\n    state: approved\n---\n# T\n');
  });

  it('sets `created:` when the record has no `date:`', () => {
    const text = '---\nstatus: proposed\ncreated: 2020-01-01\n---\n# T\n';
    const result = setStatus(text, 'accepted', { date: '2026-12-01' });
    assert.ok(result.ok);
    assert.equal(applyEdits(text, result.edits), '---\nstatus: accepted\ncreated: 2026-12-01\n---\n# T\n');
  });

  it('reads every spelling in the alias table the way the editor edits it', () => {
    for (const [key, names] of Object.entries(FRONT_MATTER_ALIASES)) {
      for (const name of names) {
        const record = parseRecord('d/0001-t.md', `---\n${name}: [5]\n---\n# T\n`);
        const canonical = parseRecord('d/0001-t.md', `---\n${key}: [5]\n---\n# T\n`);
        assert.deepEqual(record, { ...canonical, problems: record.problems, format: record.format }, `${name} is not read as ${key}`);
      }
    }
  });
});

describe('sign-off entries named the way the reader names them', () => {
  it('updates an entry written with `who:` instead of adding the same person again', () => {
    const text = '---\ntitle: T\nsign-off:\n  - who: Sam Lee\n    state: pending\n---\n# T\n';
    const result = addOrUpdateSignOff(text, { name: 'Sam Lee', state: 'approved' });
    assert.ok(result.ok);
    assert.equal(applyEdits(text, result.edits), '---\ntitle: T\nsign-off:\n  - who: Sam Lee\n    state: approved\n---\n# T\n');
  });

  it('takes an entry with only an email for that person, and asks no one twice', () => {
    const text = '---\nsign-off:\n  - email: sam@example.com\n    state: pending\n---\n# T\n';
    const signed = addOrUpdateSignOff(text, { name: 'sam@example.com', state: 'objected' });
    assert.ok(signed.ok);
    assert.equal(applyEdits(text, signed.edits), '---\nsign-off:\n  - email: sam@example.com\n    state: objected\n---\n# T\n');
    assert.deepEqual(requestSignOff(text, [{ name: 'sam@example.com' }]), { ok: true, edits: [] });
  });
});

describe('addDataSource finds a listed source the way the reader reads it', () => {
  const listed: [string, DataSourceInput][] = [
    ['link:', { title: 'A', url: 'https://a' }],
    ['href:', { title: 'A', url: 'https://a' }],
    ['file:', { title: 'A', path: 'research/a.md' }],
    ['a plain url item', { title: 'A', url: 'https://a' }],
  ];
  const texts: Record<string, string> = {
    'link:': '---\ndata-sources:\n  - title: A\n    link: https://a\n---\n# T\n',
    'href:': '---\ndata-sources:\n  - href: https://a\n---\n# T\n',
    'file:': '---\ndata-sources:\n  - title: A\n    file: research/a.md\n---\n# T\n',
    'a plain url item': '---\ndata-sources: [https://a]\n---\n# T\n',
  };
  for (const [name, source] of listed) {
    it(`does not add again a source listed with ${name}`, () => assert.deepEqual(addDataSource(texts[name], source), { ok: true, edits: [] }));
  }
});

describe('the status line of an adr-tools Status section', () => {
  const edited = (text: string, result: EditResult): string => {
    assert.ok(result.ok, result.ok ? '' : result.message);
    return applyEdits(text, result.edits);
  };

  it('is the line the reader takes, not a `Supersedes` or `Amended by` link above it', () => {
    for (const link of ['Supersedes [2. X](0002-x.md)', 'Amended by [3. Y](0003-y.md)', 'Amends [3. Y](0003-y.md)', 'Replaces [2. X](0002-x.md)']) {
      const text = `# 1. Record\n\n## Status\n\n${link}\n\nAccepted\n\n## Context\n`;
      assert.equal(edited(text, setStatus(text, 'deprecated')), `# 1. Record\n\n## Status\n\n${link}\n\nDeprecated\n\n## Context\n`);
    }
  });

  it('never writes over adr-tools’ `Supercedes` link', () => {
    const text = '# 1. Record\n\n## Status\n\nSupercedes [2. X](0002-x.md)\n\nAccepted\n\n## Context\n';
    assert.equal(edited(text, setStatus(text, 'deprecated')), text.replace('Accepted', 'Deprecated'));
  });

  it('is found under an underlined Status heading, and a new one goes after the underline', () => {
    const text = '# 1. Record\n\nStatus\n------\n\nAccepted\n\nContext\n-------\n';
    assert.equal(edited(text, setStatus(text, 'deprecated')), text.replace('Accepted', 'Deprecated'));
    const linksOnly = '# 1. Record\n\nStatus\n------\nSupersedes [2. X](0002-x.md)\n';
    assert.equal(edited(linksOnly, setStatus(linksOnly, 'accepted')), '# 1. Record\n\nStatus\n------\nAccepted\n\nSupersedes [2. X](0002-x.md)\n');
  });

  it('is a `Superseded by` line that overrules the status above it, and the edit stays put when made again', () => {
    const text = '# 1. Record\n\n## Status\n\nAccepted\nAccepted\n\n## Context\n';
    const once = edited(text, setSupersededBy(text, 5));
    assert.equal(once, '# 1. Record\n\n## Status\n\nSuperseded by DR-5\nAccepted\n\n## Context\n');
    assert.deepEqual(setSupersededBy(once, 5), { ok: true, edits: [] });
    assert.equal(edited(once, setStatus(once, 'accepted')), '# 1. Record\n\n## Status\n\nAccepted\nAccepted\n\n## Context\n');
  });

  it('is not an HTML comment, on one line or several', () => {
    for (const comment of ['<!-- proposed | accepted | deprecated -->', '<!--\nproposed | accepted\n-->']) {
      const text = `# 1. Record\n\n## Status\n\n${comment}\nAccepted\n\n## Context\n`;
      assert.equal(edited(text, setStatus(text, 'deprecated')), `# 1. Record\n\n## Status\n\n${comment}\nDeprecated\n\n## Context\n`);
    }
  });

  it('is added above the link lines when the section has none, keeping them', () => {
    const text = '# 1. Record\n\n## Status\n\nSupersedes [2. X](0002-x.md)\n\n## Context\n';
    const result = edited(text, setStatus(text, 'accepted'));
    assert.equal(result, '# 1. Record\n\n## Status\n\nAccepted\n\nSupersedes [2. X](0002-x.md)\n\n## Context\n');
    assert.deepEqual(parseRecord('d/0001-record.md', result).supersedes, [2]);
    assert.equal(
      edited(text, setSupersededBy(text, 5, { target: { title: 'New', fileName: '0005-new.md' } })),
      '# 1. Record\n\n## Status\n\nSuperseded by [5. New](0005-new.md)\n\nSupersedes [2. X](0002-x.md)\n\n## Context\n',
    );
  });

  it('is a `Superseded by` line when it is the only line, and a `Supersedes` link is kept beside it', () => {
    const text = '# 1. Record\n\n## Status\n\nSupersedes [2. X](0002-x.md)\n\nSuperceded by [5. New](0005-new.md)\n\n## Context\n';
    assert.equal(edited(text, setStatus(text, 'accepted')), '# 1. Record\n\n## Status\n\nSupersedes [2. X](0002-x.md)\n\nAccepted\n\n## Context\n');
  });
});

describe('renumberReferences keeps the form of list items', () => {
  it('keeps quotes, zero padding and a prefix', () => {
    const text = "---\ntitle: T\nrelated: [\"0014\", 0014, 14]\nsupersedes: [DR-0014]\nsuperseded-by:\n  - 'DR-14'\n---\nSee DR-0014.\n";
    const result = renumberReferences(text, 14, 20, 'DR');
    assert.ok(result.ok);
    const edited = applyEdits(text, result.edits);
    assert.equal(edited, "---\ntitle: T\nrelated: [\"0020\", 0020, 20]\nsupersedes: [DR-0020]\nsuperseded-by:\n  - 'DR-20'\n---\nSee DR-0020.\n");
    const record = parseRecord('d/0001-t.md', edited);
    assert.deepEqual([record.related, record.supersedes, record.supersededBy], [[20], [20], [20]]);
  });
});

describe('a key given twice in two spellings', () => {
  it('is edited where the reader reads it: the last one', () => {
    const text = '---\ntitle: T\nstatus: proposed\nStatus: accepted\n---\n# T\n';
    const result = setStatus(text, 'deprecated');
    assert.ok(result.ok);
    const edited = applyEdits(text, result.edits);
    assert.equal(edited, '---\ntitle: T\nstatus: proposed\nStatus: deprecated\n---\n# T\n');
    assert.equal(parseRecord('d/0001-t.md', edited).status, 'deprecated');
  });

  it('fills the last one when it is empty, as the reader then reads neither', () => {
    const text = '---\nsign-off:\n  - name: Sam Lee\n    state: pending\nSign_Off:\n---\n# T\n';
    const result = addOrUpdateSignOff(text, { name: 'Ana', state: 'approved' });
    assert.ok(result.ok);
    const edited = applyEdits(text, result.edits);
    assert.equal(edited, '---\nsign-off:\n  - name: Sam Lee\n    state: pending\nSign_Off:\n  - name: Ana\n    state: approved\n---\n# T\n');
    assert.deepEqual(parseRecord('d/0001-t.md', edited).signOff.map((entry) => entry.name), ['Ana']);
  });
});

describe('a file whose lines end in a lone CR (old Mac)', () => {
  const edited = (text: string, result: EditResult): string => {
    assert.ok(result.ok, result.ok ? '' : result.message);
    return applyEdits(text, result.edits);
  };

  it('is edited in place, keeping its line endings, never given a second front matter block', () => {
    const text = '---\rtitle: T\rstatus: proposed\r---\r# T\r';
    assert.equal(edited(text, setStatus(text, 'accepted', { date: '2026-12-01' })), '---\rtitle: T\rstatus: accepted\rdate: 2026-12-01\r---\r# T\r');
    const signed = edited(text, addOrUpdateSignOff(text, { name: 'Ana', state: 'approved' }));
    assert.equal(signed, '---\rtitle: T\rstatus: proposed\rsign-off:\r  - name: Ana\r    state: approved\r---\r# T\r');
    assert.deepEqual(parseRecord('d/0001-t.md', signed).signOff.map((entry) => entry.name), ['Ana']);
  });

  it('has its adr-tools status line changed in place', () => {
    const text = '# 1. R\r\rDate: 2016-02-12\r\r## Status\r\rAccepted\r\r## Context\r';
    assert.equal(edited(text, setStatus(text, 'deprecated', { date: '2026-12-01' })), '# 1. R\r\rDate: 2026-12-01\r\r## Status\r\rDeprecated\r\r## Context\r');
  });

  it('is refused by the front matter editor itself, rather than given a second block', () => {
    const result = attemptEdit('---\rtitle: T\r---\r', () => {
      const editor = FrontMatterEditor.open('---\rtitle: T\r---\r');
      editor.setScalar('status', 'accepted');
      return editor.edits();
    });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /lone carriage return/);
  });
});

describe('an empty MADR 2 bullet', () => {
  it('gets its status and date after a space', () => {
    const text = '# Use X\n\n* Status:\n* Date:\n\n## Context\n';
    const result = setStatus(text, 'accepted', { date: '2026-12-01' });
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(applyEdits(text, result.edits), '# Use X\n\n* Status: accepted\n* Date: 2026-12-01\n\n## Context\n');
  });

  it('keeps the spaces it already has', () => {
    const text = '# Use X\n\n* **Status:** \n* Date: 2020-01-01\n\n## Context\n';
    const result = setStatus(text, 'accepted');
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(applyEdits(text, result.edits), '# Use X\n\n* **Status:** accepted\n* Date: 2020-01-01\n\n## Context\n');
  });
});

describe('status and date lines in the body only', () => {
  it('changes the body `Date:` line, not a sign-off’s `- date:` in the front matter', () => {
    const text = '---\nsign-off:\n- date: 2026-12-02\n  name: X\n  state: approved\n---\n# 1. R\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n';
    const result = setStatus(text, 'deprecated', { date: '2026-12-05' });
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(applyEdits(text, result.edits), text.replace('Date: 2016-02-12', 'Date: 2026-12-05').replace('\nAccepted\n', '\nDeprecated\n'));
  });

  it('changes the `* Status:` bullet, not a sign-off’s `- status:` in the front matter', () => {
    const text = '---\nsign-off:\n- status: approved\n  name: X\n---\n# Use X\n\n* Status: proposed\n\n## Context\n';
    const result = setStatus(text, 'accepted');
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(applyEdits(text, result.edits), text.replace('* Status: proposed', '* Status: accepted'));
  });
});
