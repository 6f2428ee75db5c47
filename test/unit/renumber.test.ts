import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseRecord } from '../../src/core/parse';
import { applyPlan, countEdits, nextFreeNumber, planEdits, planRenumber, renamed } from '../../src/core/renumber';
import type { RenumberPlan, RenumberResult } from '../../src/core/renumber';

/** A log as its files: the records are parsed from the texts, as the index would hold them. */
function log(files: Record<string, string>): { records: ReturnType<typeof parseRecord>[]; texts: Map<string, string> } {
  const texts = new Map(Object.entries(files));
  const records = [...texts].filter(([path]) => !/readme\.md$/i.test(path)).map(([path, text]) => parseRecord(path, text));
  return { records, texts };
}

function planned(result: RenumberResult): RenumberPlan {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
}

const POSTGRES = 'd/0014-use-postgres.md';
const REDIS = 'd/0014-use-redis.md';
const CACHE = 'd/0015-cache-sessions.md';

/** Two branches each added a record 14; 15 came later and refers to both ways. */
const MERGED = {
  'd/0003-deploy.md': '---\ntitle: Deploy with containers\nstatus: accepted\n---\n# Deploy with containers\n',
  [POSTGRES]: [
    '---',
    'title: Use Postgres',
    'status: proposed',
    'related: [3]',
    '---',
    '# Use Postgres',
    '',
    'DR-14 keeps events; see DR-3.',
    '',
  ].join('\n'),
  [REDIS]: [
    '---',
    'title: Use Redis',
    'status: accepted',
    '---',
    '# Use Redis',
    '',
    'DR-14 is about caching. Unlike [DR-14](0014-use-postgres.md), it keeps nothing.',
    '',
  ].join('\n'),
  [CACHE]: [
    '---',
    'title: Cache sessions',
    'status: proposed',
    'related: [3, 14]',
    '---',
    '# Cache sessions',
    '',
    'Builds on DR-14, stored as [the Postgres decision](./0014-use-postgres.md#decision), next to [Redis](0014-use-redis.md "DR-14").',
    '',
  ].join('\n'),
};

describe('planRenumber', () => {
  it('moves a duplicate to the next free number: its own references and links by file name for sure, other DR-14 only when asked', () => {
    const { records, texts } = log(MERGED);
    const plan = planned(planRenumber({ records, texts, path: POSTGRES, prefix: 'DR' }));
    assert.equal(plan.from, 14);
    assert.equal(plan.to, 16);
    assert.equal(plan.newPath, 'd/0016-use-postgres.md');
    assert.deepEqual(plan.sharing, [REDIS]);
    assert.deepEqual(
      plan.certain.map((file) => file.path),
      [POSTGRES, REDIS, CACHE],
    );
    assert.deepEqual(
      plan.ambiguous.map((file) => file.path),
      [CACHE],
    );

    const linksOnly = applyPlan(texts, planEdits(plan, false));
    assert.equal(linksOnly.get(POSTGRES), MERGED[POSTGRES].replace('DR-14 keeps', 'DR-16 keeps'));
    assert.equal(linksOnly.get(REDIS), MERGED[REDIS].replace('[DR-14](0014-use-postgres.md)', '[DR-16](0016-use-postgres.md)'));
    assert.equal(
      linksOnly.get(CACHE),
      MERGED[CACHE].replace('(./0014-use-postgres.md#decision)', '(./0016-use-postgres.md#decision)'),
    );

    const all = applyPlan(texts, planEdits(plan, true));
    assert.equal(
      all.get(CACHE),
      MERGED[CACHE].replace('related: [3, 14]', 'related: [3, 16]')
        .replace('Builds on DR-14', 'Builds on DR-16')
        .replace('(./0014-use-postgres.md#decision)', '(./0016-use-postgres.md#decision)'),
      'the link to Redis and its title stay: they name the record that keeps 14',
    );
    assert.equal(all.get(REDIS), linksOnly.get(REDIS), 'the record keeping 14 gets no ambiguous edits');
    assert.deepEqual(countEdits(plan.ambiguous), { edits: 2, files: 1 });
  });

  it('leaves a link to the other record of the number alone in the moved file too', () => {
    const { records, texts } = log({
      ...MERGED,
      [POSTGRES]: MERGED[POSTGRES].replace('see DR-3.', 'see DR-3 and [DR-14](0014-use-redis.md).'),
    });
    const plan = planned(planRenumber({ records, texts, path: POSTGRES, prefix: 'DR' }));
    const text = applyPlan(texts, planEdits(plan, false)).get(POSTGRES);
    assert.equal(text, texts.get(POSTGRES)?.replace('DR-14 keeps', 'DR-16 keeps'));
  });

  it('updates an adr-tools log whole when the number is not shared: title, status links and the README table of contents', () => {
    const files = {
      'doc/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n',
      'doc/adr/0002-use-x.md': '# 2. Use X\n\nDate: 2016-02-12\n\n## Status\n\nSuperseded by [3. Use Y](0003-use-y.md)\n\n## Context\n\nSee ADR-0002.\n',
      'doc/adr/0003-use-y.md': '# 3. Use Y\r\n\r\nDate: 2016-02-13\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\nSupersedes [2. Use X](0002-use-x.md)\r\n\r\nADR-2 was too slow.\r\n',
      'doc/adr/README.md': '# Decisions\n\n* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n* [2. Use X](0002-use-x.md)\n* [3. Use Y](0003-use-y.md)\n',
    };
    const { records, texts } = log(files);
    const plan = planned(planRenumber({ records, texts, path: 'doc/adr/0002-use-x.md', prefix: 'ADR' }));
    assert.equal(plan.newPath, 'doc/adr/0004-use-x.md');
    assert.deepEqual(plan.ambiguous, []);
    const result = applyPlan(texts, planEdits(plan, false));
    assert.equal(result.get('doc/adr/0002-use-x.md'), files['doc/adr/0002-use-x.md'].replace('# 2. Use X', '# 4. Use X').replace('ADR-0002', 'ADR-0004'));
    assert.equal(
      result.get('doc/adr/0003-use-y.md'),
      files['doc/adr/0003-use-y.md'].replace('[2. Use X](0002-use-x.md)', '[4. Use X](0004-use-x.md)').replace('ADR-2 was', 'ADR-4 was'),
    );
    assert.equal(result.get('doc/adr/README.md'), files['doc/adr/README.md'].replace('* [2. Use X](0002-use-x.md)', '* [4. Use X](0004-use-x.md)'));
    assert.equal(result.get('doc/adr/0001-record-architecture-decisions.md'), files['doc/adr/0001-record-architecture-decisions.md']);
  });

  it('keeps the file name padding and prefix, and takes a chosen free number', () => {
    const { records, texts } = log({
      'adr/adr-014-queue.md': '# Queue\n',
      'adr/adr-014-stream.md': '# Stream\n\nUnlike [the queue](adr-014-queue.md), see [ref].\n\n[ref]: ./adr-014-queue.md\n',
    });
    const plan = planned(planRenumber({ records, texts, path: 'adr/adr-014-queue.md', prefix: 'DR', to: 20 }));
    assert.equal(plan.newPath, 'adr/adr-020-queue.md');
    assert.equal(
      applyPlan(texts, planEdits(plan, false)).get('adr/adr-014-stream.md'),
      '# Stream\n\nUnlike [the queue](adr-020-queue.md), see [ref].\n\n[ref]: ./adr-020-queue.md\n',
    );
  });

  it('keeps a three-digit file name in links, the record’s link to itself too', () => {
    const { records, texts } = log({
      'doc/adr/014-use-x.md': '# 14. Use X\n\n## Status\n\nAccepted\n\nSee [this record](014-use-x.md).\n',
      'doc/adr/015-y.md': '# 15. Y\n\nAfter [14. Use X](014-use-x.md) and [014. Use X](./014-use-x.md).\n',
    });
    const plan = planned(planRenumber({ records, texts, path: 'doc/adr/014-use-x.md', prefix: 'ADR', to: 20 }));
    assert.equal(plan.newPath, 'doc/adr/020-use-x.md');
    const result = applyPlan(texts, planEdits(plan, false));
    assert.equal(result.get('doc/adr/014-use-x.md'), '# 20. Use X\n\n## Status\n\nAccepted\n\nSee [this record](020-use-x.md).\n');
    assert.equal(result.get('doc/adr/015-y.md'), '# 15. Y\n\nAfter [20. Use X](020-use-x.md) and [020. Use X](./020-use-x.md).\n');
  });

  it('rewrites the text of a web link to the moved record but not its URL, which names a published version', () => {
    const url = 'https://github.com/acme/app/blob/main/d/0014-use-postgres.md';
    const { records, texts } = log({ ...MERGED, 'd/0002-notes.md': `# Notes\n\n[DR-14](${url})\n` });
    const plan = planned(planRenumber({ records, texts, path: POSTGRES, prefix: 'DR' }));
    assert.equal(applyPlan(texts, planEdits(plan, false)).get('d/0002-notes.md'), `# Notes\n\n[DR-16](${url})\n`);
  });

  it('refuses what it cannot do, with a reason', () => {
    const { records, texts } = log(MERGED);
    const cases: [Parameters<typeof planRenumber>[0], RegExp][] = [
      [{ records, texts, path: 'd/0099-missing.md', prefix: 'DR' }, /not a record of this log/],
      [{ records, texts, path: POSTGRES, prefix: 'DR', to: 15 }, /DR-15 is taken by d\/0015-cache-sessions\.md/],
      [{ records, texts, path: POSTGRES, prefix: 'DR', to: 14 }, /already has number 14/],
      [{ records, texts, path: POSTGRES, prefix: 'DR', to: 0 }, /not a record number/],
      [{ records, texts: new Map([...texts].filter(([path]) => path !== POSTGRES)), path: POSTGRES, prefix: 'DR' }, /could not be read/],
    ];
    for (const [input, message] of cases) {
      const result = planRenumber(input);
      assert.equal(result.ok, false, String(message));
      if (!result.ok) assert.match(result.message, message);
    }
    const dated = log({ 'd/20240131-use-x.md': '# Use X\n' });
    const result = planRenumber({ ...dated, path: 'd/20240131-use-x.md', prefix: 'DR' });
    assert.ok(!result.ok && /no number in its file name/.test(result.message));
  });

  it('refuses when a file that refers to the number cannot be edited, and ignores a broken file that does not', () => {
    const broken = '---\ntitle: [unclosed\nstatus: proposed\n---\n# Broken\n';
    const silent = log({ ...MERGED, 'd/0007-broken.md': broken });
    assert.equal(planRenumber({ ...silent, path: POSTGRES, prefix: 'DR' }).ok, true);

    const mentioning = log({ ...MERGED, 'd/0007-broken.md': `${broken}\nAfter DR-14.\n` });
    const result = planRenumber({ ...mentioning, path: POSTGRES, prefix: 'DR' });
    assert.ok(!result.ok);
    assert.match(result.message, /d\/0007-broken\.md refers to DR-14 but cannot be edited: The front matter is not valid YAML/);

    const ownBroken = log({ ...MERGED, [POSTGRES]: broken });
    const own = planRenumber({ ...ownBroken, path: POSTGRES, prefix: 'DR' });
    assert.ok(!own.ok && /0014-use-postgres\.md cannot be edited/.test(own.message));
  });

  it('never throws and gives edits inside the text that do not overlap, whatever the other files hold', () => {
    const fragment = fc.constantFrom('DR-14', '[DR-14](0014-use-postgres.md)', '[x](0014-use-redis.md)', '](', '[', '---\n', 'related: [14]\n', '\r\n', '# 14. T\n', '%E0', 'ü');
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 20 }), fc.boolean(), (parts, ambiguous) => {
        const other = parts.join('');
        const { records, texts } = log({ ...MERGED, 'd/0009-random.md': other, [POSTGRES]: `${other}\n${MERGED[POSTGRES]}` });
        const result = planRenumber({ records, texts, path: POSTGRES, prefix: 'DR' });
        if (!result.ok) return;
        for (const file of planEdits(result, ambiguous)) {
          const length = texts.get(file.path)?.length ?? -1;
          let end = 0;
          for (const edit of file.edits) {
            assert.ok(edit.start >= end && edit.end >= edit.start && edit.end <= length, file.path);
            end = edit.end;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('renamed and nextFreeNumber', () => {
  it('replaces the number only, keeping its width', () => {
    assert.equal(renamed('0014-use-postgres.md', 17), '0017-use-postgres.md');
    assert.equal(renamed('14-short.md', 103), '103-short.md');
    assert.equal(renamed('ADR012 title.md', 7), 'ADR007 title.md');
    assert.equal(renamed('0014-x.md', 12345), '12345-x.md');
  });

  it('is one past the highest number in file names or front matter', () => {
    const { records } = log({ 'd/0002-a.md': '# A\n', 'd/0009-b.md': '# B\n', 'd/notes.md': '---\nadr: 12\n---\n# C\n' });
    assert.equal(nextFreeNumber(records), 13);
    assert.equal(nextFreeNumber(records.slice(0, 2)), 10);
  });
});
