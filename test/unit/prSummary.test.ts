import * as assert from 'node:assert/strict';
import {
  computeRecordChanges,
  countSignOffs,
  renderPrSummary,
  type ChangedPath,
  type RecordChanges,
} from '../../src/core/prSummary';
import type { DecisionRecord } from '../../src/core/record';
import { makeRecord } from './makeRecord';

const FOLDER = 'docs/decisions';

function record(path: string, fields: Partial<DecisionRecord> = {}): DecisionRecord {
  return makeRecord({ path, hasRationale: true, ...fields });
}

const link = (path: string, side: 'base' | 'head'): string => `https://git.example/${side}/${path}`;

describe('renderPrSummary', () => {
  it('says so when no record changed', () => {
    assert.equal(
      renderPrSummary({ added: [], changed: [], removed: [] }, { prefix: 'DR' }),
      '## Decision records in this change\n\nNo decision records changed.\n',
    );
  });

  it('renders every section in a fixed order with records sorted by number, then path', () => {
    const changes: RecordChanges = {
      added: [
        { path: `${FOLDER}/0014-drop-ie.md`, number: 14, title: 'Drop IE', status: 'proposed', signOff: { approved: 0, total: 2 }, permalink: 'https://h/14' },
        { path: `${FOLDER}/0012-bill-annual-plans-upfront.md`, number: 12, title: 'Bill annual plans upfront', status: 'accepted', signOff: { approved: 2, total: 3 }, permalink: 'https://h/12' },
        { path: `${FOLDER}/undated-idea.md`, title: 'An idea', permalink: 'https://h/idea' },
      ],
      changed: [
        { path: `${FOLDER}/0007-use-postgres.md`, number: 7, title: 'Use Postgres', status: 'accepted', statusBefore: 'accepted', statusAfter: 'accepted', permalink: 'https://h/7' },
        { path: `${FOLDER}/0003-monorepo.md`, number: 3, title: 'Monorepo', status: 'superseded', statusBefore: 'accepted', statusAfter: 'superseded', permalink: 'https://h/3' },
        { path: `${FOLDER}/0005-rest.md`, number: 5, title: 'REST', status: 'accepted', statusBefore: 'proposed', statusAfter: 'accepted', signOff: { approved: 2, total: 3, objected: 1 }, permalink: 'https://h/5', previousPath: `${FOLDER}/0004-rest.md` },
      ],
      removed: [{ path: `${FOLDER}/0002-old.md`, number: 2, title: 'Old', status: 'rejected' }],
    };
    assert.equal(
      renderPrSummary(changes, { prefix: 'DR' }),
      [
        '## Decision records in this change',
        '',
        '### Added',
        '',
        '- [DR-12: Bill annual plans upfront](https://h/12) — accepted, 2/3 signed off',
        '- [DR-14: Drop IE](https://h/14) — proposed, 0/2 signed off',
        '- [An idea](https://h/idea)',
        '',
        '### Status changed',
        '',
        '- [DR-3: Monorepo](https://h/3) — accepted → superseded',
        '- [DR-5: REST](https://h/5) — proposed → accepted, 2/3 signed off, 1 objected — renamed from `docs/decisions/0004-rest.md`',
        '',
        '### Edited',
        '',
        '- [DR-7: Use Postgres](https://h/7) — accepted',
        '',
        '### Removed',
        '',
        '- DR-2: Old (`docs/decisions/0002-old.md`) — rejected',
        '',
      ].join('\n'),
    );
  });

  it('leaves out empty sections', () => {
    const changes: RecordChanges = {
      added: [],
      changed: [{ path: 'a.md', number: 1, title: 'A', status: 'accepted', statusBefore: 'accepted', statusAfter: 'accepted' }],
      removed: [],
    };
    assert.equal(
      renderPrSummary(changes, { prefix: 'ADR' }),
      '## Decision records in this change\n\n### Edited\n\n- ADR-1: A (`a.md`) — accepted\n',
    );
  });

  it('shows a status that appears or disappears', () => {
    const changes: RecordChanges = {
      added: [],
      changed: [
        { path: 'a.md', number: 1, title: 'A', status: 'accepted', statusAfter: 'accepted' },
        { path: 'b.md', number: 2, title: 'B', statusBefore: 'proposed' },
      ],
      removed: [],
    };
    assert.equal(
      renderPrSummary(changes, { prefix: 'DR' }),
      '## Decision records in this change\n\n### Status changed\n\n- DR-1: A (`a.md`) — no status → accepted\n- DR-2: B (`b.md`) — proposed → no status\n',
    );
  });

  it('does not count a change of letter case as a change of status', () => {
    const changes: RecordChanges = {
      added: [],
      changed: [{ path: 'a.md', number: 1, title: 'A', status: 'Accepted', statusBefore: 'accepted', statusAfter: 'Accepted' }],
      removed: [],
    };
    assert.match(renderPrSummary(changes, { prefix: 'DR' }), /### Edited/);
  });

  it('escapes titles inside links', () => {
    const changes: RecordChanges = { added: [{ path: 'a.md', number: 1, title: 'Use [x]', permalink: 'https://h/a' }], changed: [], removed: [] };
    assert.equal(renderPrSummary(changes, { prefix: 'DR' }), '## Decision records in this change\n\n### Added\n\n- [DR-1: Use \\[x\\]](https://h/a)\n');
  });

  it('gives the same text whatever order the changes come in', () => {
    const entries = [5, 1, 3, 2, 4].map((number) => ({ path: `${number}.md`, number, title: `T${number}` }));
    const forward = renderPrSummary({ added: entries, changed: [], removed: [] }, { prefix: 'DR' });
    const backward = renderPrSummary({ added: [...entries].reverse(), changed: [], removed: [] }, { prefix: 'DR' });
    assert.equal(forward, backward);
    assert.match(forward, /DR-1: .*\n.*DR-2: .*\n.*DR-3: .*\n.*DR-4: .*\n.*DR-5: /);
  });
});

describe('computeRecordChanges', () => {
  const accepted = record(`${FOLDER}/0001-markdown.md`, {
    number: 1,
    title: 'Use markdown',
    status: 'accepted',
    statusText: 'accepted',
  });

  it('finds added, edited, re-decided and removed records', () => {
    const before = [
      accepted,
      record(`${FOLDER}/0002-postgres.md`, { number: 2, title: 'Use Postgres', status: 'proposed' }),
      record(`${FOLDER}/0003-old.md`, { number: 3, title: 'Old', status: 'rejected' }),
    ];
    const after = [
      accepted,
      record(`${FOLDER}/0002-postgres.md`, {
        number: 2,
        title: 'Use Postgres',
        status: 'accepted',
        signOff: [
          { name: 'Sam', state: 'approved' },
          { name: 'Ana', state: 'approved' },
          { name: 'Lee', state: 'pending' },
        ],
      }),
      record(`${FOLDER}/0004-new.md`, { number: 4, title: 'New', status: 'proposed' }),
    ];
    const changedPaths: ChangedPath[] = [
      { status: 'A', path: `${FOLDER}/0004-new.md` },
      { status: 'M', path: `${FOLDER}/0002-postgres.md` },
      { status: 'M', path: `${FOLDER}/0001-markdown.md` },
      { status: 'D', path: `${FOLDER}/0003-old.md` },
    ];
    assert.deepEqual(computeRecordChanges(before, after, changedPaths, { linkTo: link }), {
      added: [{ path: `${FOLDER}/0004-new.md`, number: 4, title: 'New', status: 'proposed', permalink: `https://git.example/head/${FOLDER}/0004-new.md` }],
      changed: [
        {
          path: `${FOLDER}/0001-markdown.md`,
          number: 1,
          title: 'Use markdown',
          status: 'accepted',
          permalink: `https://git.example/head/${FOLDER}/0001-markdown.md`,
          statusBefore: 'accepted',
          statusAfter: 'accepted',
        },
        {
          path: `${FOLDER}/0002-postgres.md`,
          number: 2,
          title: 'Use Postgres',
          status: 'accepted',
          signOff: { approved: 2, total: 3, objected: 0 },
          permalink: `https://git.example/head/${FOLDER}/0002-postgres.md`,
          statusBefore: 'proposed',
          statusAfter: 'accepted',
        },
      ],
      removed: [{ path: `${FOLDER}/0003-old.md`, number: 3, title: 'Old', status: 'rejected', permalink: `https://git.example/base/${FOLDER}/0003-old.md` }],
    });
  });

  it('counts a rename as an edit of the same record and remembers the old path', () => {
    const before = [record(`${FOLDER}/0004-rest.md`, { number: 4, title: 'REST', status: 'accepted' })];
    const after = [record(`${FOLDER}/0005-rest.md`, { number: 5, title: 'REST', status: 'accepted' })];
    const changes = computeRecordChanges(before, after, [{ status: 'R', oldPath: `${FOLDER}/0004-rest.md`, path: `${FOLDER}/0005-rest.md` }]);
    assert.deepEqual(changes, {
      added: [],
      changed: [
        {
          path: `${FOLDER}/0005-rest.md`,
          number: 5,
          title: 'REST',
          status: 'accepted',
          statusBefore: 'accepted',
          statusAfter: 'accepted',
          previousPath: `${FOLDER}/0004-rest.md`,
        },
      ],
      removed: [],
    });
    assert.equal(
      renderPrSummary(changes, { prefix: 'DR' }),
      '## Decision records in this change\n\n### Edited\n\n- DR-5: REST (`docs/decisions/0005-rest.md`) — accepted — renamed from `docs/decisions/0004-rest.md`\n',
    );
  });

  it('counts a rename as an edit only when both sides share a number or a title', () => {
    const rename = (from: DecisionRecord, to: DecisionRecord) => computeRecordChanges([from], [to], [{ status: 'R', oldPath: from.path, path: to.path }]);
    const postgres = record(`${FOLDER}/0001-use-postgres.md`, { number: 1, title: 'Use Postgres', status: 'proposed' });

    // A record deleted while another is written from the same template: git sees one rename.
    const unrelated = rename(postgres, record(`${FOLDER}/0003-move-to-graphql.md`, { number: 3, title: 'Move to GraphQL', status: 'proposed' }));
    assert.deepEqual(unrelated.changed, []);
    assert.deepEqual(unrelated.added.map((entry) => entry.path), [`${FOLDER}/0003-move-to-graphql.md`]);
    assert.deepEqual(unrelated.removed.map((entry) => entry.path), [`${FOLDER}/0001-use-postgres.md`]);

    const retitled = rename(postgres, record(`${FOLDER}/0001-use-postgresql.md`, { number: 1, title: 'Use PostgreSQL', status: 'proposed' }));
    assert.deepEqual(retitled.changed.map((entry) => [entry.path, entry.previousPath]), [[`${FOLDER}/0001-use-postgresql.md`, postgres.path]]);
    const renumbered = rename(postgres, record(`${FOLDER}/0002-use-postgres.md`, { number: 2, title: ' Use Postgres ', status: 'proposed' }));
    assert.deepEqual(renumbered.changed.map((entry) => [entry.path, entry.previousPath]), [[`${FOLDER}/0002-use-postgres.md`, postgres.path]]);
    const untitled = rename(record('log/a.md', { title: '' }), record('log/b.md', { title: '' }));
    assert.deepEqual([untitled.added.length, untitled.changed.length, untitled.removed.length], [1, 0, 1]);
  });

  it('counts a move into the folder as an addition and a move out as a removal', () => {
    const moved = record(`${FOLDER}/0006-in.md`, { number: 6, title: 'In' });
    const leaving = record(`${FOLDER}/0007-out.md`, { number: 7, title: 'Out' });
    const changes = computeRecordChanges([leaving], [moved], [
      { status: 'R', oldPath: 'drafts/in.md', path: `${FOLDER}/0006-in.md` },
      { status: 'R', oldPath: `${FOLDER}/0007-out.md`, path: 'archive/out.md' },
    ]);
    assert.deepEqual(changes.added.map((entry) => entry.path), [`${FOLDER}/0006-in.md`]);
    assert.deepEqual(changes.removed.map((entry) => entry.path), [`${FOLDER}/0007-out.md`]);
    assert.deepEqual(changes.changed, []);
  });

  it('ignores changed files that are not records on either side', () => {
    const changes = computeRecordChanges([accepted], [accepted], [
      { status: 'M', path: `${FOLDER}/README.md` },
      { status: 'A', path: `${FOLDER}/diagram.png` },
      { status: 'D', path: 'src/index.ts' },
    ]);
    assert.deepEqual(changes, { added: [], changed: [], removed: [] });
  });

  it('lists a path once even when git reports it twice', () => {
    const changes = computeRecordChanges([], [accepted], [
      { status: 'A', path: accepted.path },
      { status: 'A', path: accepted.path },
    ]);
    assert.equal(changes.added.length, 1);
  });

  it('treats a modified file that only now parses as a record as added, and the reverse as removed', () => {
    const only = record(`${FOLDER}/0009-x.md`, { number: 9, title: 'X' });
    assert.equal(computeRecordChanges([], [only], [{ status: 'M', path: only.path }]).added.length, 1);
    assert.equal(computeRecordChanges([only], [], [{ status: 'M', path: only.path }]).removed.length, 1);
  });

  it('keeps a status that is not a known one as written', () => {
    const before = [record('a.md', { number: 1, title: 'A', statusText: 'WIP' })];
    const after = [record('a.md', { number: 1, title: 'A', statusText: ' ✅ done ' })];
    const changes = computeRecordChanges(before, after, [{ status: 'M', path: 'a.md' }]);
    assert.equal(changes.changed[0].statusBefore, 'WIP');
    assert.equal(changes.changed[0].statusAfter, '✅ done');
    assert.match(renderPrSummary(changes, { prefix: 'DR' }), /### Status changed\n\n- DR-1: A \(`a\.md`\) — WIP → ✅ done\n$/);
  });

  it('sorts records without a number after numbered ones, by path', () => {
    const after = [record('b.md', { title: 'B' }), record('a.md', { title: 'A' }), record('z.md', { number: 2, title: 'Z' })];
    const changes = computeRecordChanges([], after, after.map((entry) => ({ status: 'A' as const, path: entry.path })));
    assert.deepEqual(changes.added.map((entry) => entry.path), ['z.md', 'a.md', 'b.md']);
  });
});

describe('countSignOffs', () => {
  it('counts approvals and objections out of everyone named', () => {
    assert.deepEqual(
      countSignOffs([
        { name: 'A', state: 'approved' },
        { name: 'B', state: 'objected' },
        { name: 'C', state: 'abstained' },
        { name: 'D', state: 'pending' },
        { name: 'E', state: 'approved' },
        { name: 'F', state: 'lgtm' },
      ]),
      { approved: 2, total: 6, objected: 1 },
    );
    assert.deepEqual(countSignOffs([]), { approved: 0, total: 0, objected: 0 });
  });
});
