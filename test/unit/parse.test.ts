import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { normaliseDate } from '../../src/core/dates';
import { isRecordFileName } from '../../src/core/naming';
import { cleanTitle, parseRecord, rationaleExcerpt, titleFromFileName } from '../../src/core/parse';
import { readFrontMatter } from '../../src/core/parseFrontMatter';
import { interpretStatus, normaliseSignOffState, referenceNumbers } from '../../src/core/parseStatus';
import type { DecisionRecord } from '../../src/core/record';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

function parseFixture(relativePath: string): DecisionRecord {
  return parseRecord(relativePath, readFileSync(path.join(FIXTURES, relativePath), 'utf8'));
}

/** The fields a fixture states; lists default to empty, problems to none. */
interface Expected {
  number?: number;
  title: string;
  status?: DecisionRecord['status'];
  statusText?: string;
  date?: string;
  format: DecisionRecord['format'];
  tags?: string[];
  decisionMakers?: string[];
  consulted?: string[];
  informed?: string[];
  signOff?: DecisionRecord['signOff'];
  dataSources?: DecisionRecord['dataSources'];
  supersedes?: number[];
  supersededBy?: number[];
  related?: number[];
  links?: string[];
  hasRationale?: boolean;
  rationaleExcerpt?: string;
  titleLine?: number;
  contextLine?: number;
  /** `code@line` of every problem. */
  problems?: string[];
}

const FIXTURE_CASES: Record<string, Expected> = {
  'formats/rationale/0001-send-invoices-monthly.md': {
    number: 1,
    title: 'Send invoices monthly',
    status: 'superseded',
    statusText: 'superseded',
    date: '2025-01-10',
    format: 'rationale',
    tags: ['billing'],
    decisionMakers: ['Ana Ruiz'],
    signOff: [{ name: 'Sam Lee', email: 'sam@example.com', role: 'VP Finance', state: 'approved', date: '2025-01-12' }],
    supersededBy: [3],
    hasRationale: true,
    rationaleExcerpt: 'Monthly invoices match how customers already pay.',
    titleLine: 1,
    contextLine: 18,
  },
  'formats/rationale/0002-track-churn-weekly.md': {
    number: 2,
    title: 'Track churn weekly',
    status: 'proposed',
    statusText: 'proposed',
    date: '2025-02-03',
    format: 'rationale',
    tags: ['analytics', 'churn'],
    decisionMakers: ['Lee Park'],
    consulted: ['Support', 'Sales'],
    informed: ['Leadership'],
    signOff: [
      { name: 'Mia Chen', role: 'Head of Support', state: 'pending' },
      { name: 'Omar Said', state: 'abstained', comment: 'Not my area.' },
    ],
    dataSources: [{ title: 'Churn notebook', path: 'research/churn.ipynb' }],
    related: [1, 3],
    hasRationale: false,
    titleLine: 1,
    contextLine: 25,
  },
  'formats/rationale/0003-bill-annual-plans-upfront.md': {
    number: 3,
    title: 'Bill annual plans upfront',
    status: 'accepted',
    statusText: 'accepted',
    date: '2025-03-15',
    format: 'rationale',
    tags: ['billing', 'pricing'],
    decisionMakers: ['Ana Ruiz'],
    consulted: ['Finance', 'Support'],
    informed: ['Sales'],
    signOff: [
      { name: 'Sam Lee', email: 'sam@example.com', role: 'VP Finance', state: 'approved', date: '2025-03-16', comment: 'Cash-flow model checks out.' },
      { name: 'Jo Kim', role: 'Head of Sales', state: 'objected', comment: 'Large accounts want quarterly terms.' },
    ],
    dataSources: [
      { title: 'Churn by plan, Q3', url: 'https://analytics.example.com/d/123', note: 'Annual plans churn less.' },
      { title: 'Pricing experiment results', path: 'research/pricing.md' },
    ],
    supersedes: [1],
    links: ['https://git.example.com/acme/app/pull/412'],
    hasRationale: true,
    rationaleExcerpt: 'Upfront billing removes eleven card charges a year per customer. Failed payments drop because there is one charge to get right.',
    titleLine: 1,
    contextLine: 32,
  },
  'formats/madr4/0001-use-postgresql.md': {
    number: 1,
    title: 'Use PostgreSQL for the order service',
    status: 'accepted',
    statusText: 'accepted',
    date: '2024-05-02',
    format: 'madr',
    decisionMakers: ['Rosa Diaz', 'Tom Berg'],
    consulted: ['Platform team'],
    informed: ['Everyone in engineering'],
    rationaleExcerpt: 'Chosen option: "PostgreSQL", because the team already runs it.',
    titleLine: 7,
    contextLine: 11,
    hasRationale: true, // MADR's `Chosen option: …, because …`
  },
  'formats/madr4/0002-use-kafka-for-events.md': {
    number: 2,
    title: 'Use Kafka for domain events',
    status: 'superseded',
    statusText: 'superseded by ADR-0003',
    date: '2024-06-11',
    format: 'madr',
    decisionMakers: ['Rosa Diaz'],
    supersededBy: [3],
    titleLine: 5,
  },
  'formats/madr4/0003-use-nats-for-events.md': {
    number: 3,
    title: 'Use NATS for domain events',
    format: 'madr',
    titleLine: 4,
    contextLine: 8,
    hasRationale: true, // MADR's `Chosen option: …, because …`
  },
  'formats/madr2/0001-choose-a-css-framework.md': {
    number: 1,
    title: 'Choose a CSS framework',
    status: 'accepted',
    statusText: 'accepted',
    date: '2021-03-04',
    format: 'madr',
    decisionMakers: ['Kai Wong', 'Lena Fox'],
    titleLine: 0,
    contextLine: 10,
    hasRationale: true, // MADR's `Chosen option: …, because …`
  },
  'formats/madr2/0002-store-sessions-in-redis.md': {
    number: 2,
    title: 'Store sessions in Redis',
    status: 'superseded',
    statusText: 'superseded by [ADR-0003](0003-store-sessions-in-the-database.md)',
    date: '2021-04-20',
    format: 'madr',
    tags: ['backend', 'cache'],
    decisionMakers: ['Kai Wong'],
    supersededBy: [3],
  },
  'formats/madr2/0003-store-sessions-in-the-database.md': {
    number: 3,
    title: 'Store sessions in the database',
    status: 'proposed',
    statusText: 'proposed',
    date: '2022-03-23',
    format: 'madr',
  },
  'formats/nygard/0001-record-architecture-decisions.md': {
    number: 1,
    title: 'Record architecture decisions',
    status: 'accepted',
    statusText: 'Accepted',
    date: '2019-02-12',
    format: 'nygard',
    rationaleExcerpt: 'We will use Architecture Decision Records.',
    titleLine: 0,
    contextLine: 10,
  },
  'formats/nygard/0002-use-a-rest-api.md': {
    number: 2,
    title: 'Use a REST API',
    status: 'superseded',
    statusText: 'Superceded by [3. Use GraphQL](0003-use-graphql.md)',
    date: '2019-03-01',
    format: 'nygard',
    supersededBy: [3],
  },
  'formats/nygard/0003-use-graphql.md': {
    number: 3,
    title: 'Use GraphQL',
    status: 'accepted',
    statusText: 'Accepted',
    date: '2019-06-20',
    format: 'nygard',
    supersedes: [2],
    contextLine: 12,
  },
  'formats/log4brains/20230105-adopt-trunk-based-development.md': {
    title: 'Adopt trunk-based development',
    status: 'accepted',
    statusText: 'accepted',
    date: '2023-01-05',
    format: 'log4brains',
    tags: ['process', 'git'],
    decisionMakers: ['Noor Ali', 'Ben Ode'],
    hasRationale: true, // MADR's `Chosen option: …, because …`
  },
  'formats/log4brains/20230105-protect-the-main-branch.md': {
    title: 'Protect the main branch',
    status: 'proposed',
    statusText: 'draft',
    date: '2023-01-05',
    format: 'log4brains',
  },
  'odd/0001-malformed-yaml.md': {
    number: 1,
    title: 'A colon inside an unquoted title',
    status: 'accepted',
    statusText: 'accepted',
    date: '2022-02-02',
    format: 'rationale',
    titleLine: 2,
    problems: ['yaml-syntax@2'],
  },
  'odd/0002-unclosed-front-matter.md': {
    number: 2,
    title: 'Front matter that never closes',
    status: 'proposed',
    statusText: 'proposed',
    format: 'rationale',
    contextLine: 8,
    problems: ['unclosed-front-matter@0'],
  },
  'odd/0003-crlf-line-endings.md': {
    number: 3,
    title: 'Windows line endings',
    status: 'accepted',
    statusText: 'Accepted',
    date: '2020-03-23',
    format: 'nygard',
    rationaleExcerpt: 'Keep it as it is.',
    contextLine: 10,
  },
  'odd/0003-another-record-with-the-same-number.md': {
    number: 3,
    title: 'Another record with the same number',
    status: 'proposed',
    statusText: 'proposed',
    date: '2020-03-24',
    format: 'madr',
  },
  'odd/0004-byte-order-mark.md': {
    number: 4,
    title: 'A file that starts with a byte order mark',
    status: 'accepted',
    statusText: 'Accepted',
    date: '2025-10-01',
    format: 'rationale',
    tags: ['editors'],
    titleLine: 1,
  },
  'odd/0005-empty-file.md': { number: 5, title: 'Empty file', format: 'unknown', problems: ['no-title@0'] },
  'odd/0006-no-heading.md': { number: 6, title: 'No heading', format: 'unknown', problems: ['no-title@0'] },
  'odd/0007-huge-title.md': {
    number: 7,
    title: Array.from({ length: 20 }, () => 'A very long title that keeps going').join(' '),
    status: 'proposed',
    statusText: 'Proposed',
    format: 'nygard',
  },
  'odd/0008-emoji-status.md': { number: 8, title: 'Emoji status', status: 'accepted', statusText: '✅', date: '2021-07-15', format: 'nygard' },
  'odd/0009-unknown-status.md': {
    number: 9,
    title: 'A status nobody understands',
    statusText: 'maybe later',
    date: '2021-07-15',
    format: 'rationale',
    problems: ['unknown-status@2'],
  },
  'odd/0010-unknown-sign-off-state.md': {
    number: 10,
    title: 'A sign-off state nobody understands',
    status: 'proposed',
    statusText: 'proposed',
    date: '2024-09-09',
    format: 'rationale',
    signOff: [
      { name: 'Ana Ruiz', state: 'approved' },
      { name: 'Ben Ode', state: 'thinking about it' },
    ],
    problems: ['unknown-sign-off-state@7'],
  },
  'odd/0011-setext-title.md': { number: 11, title: 'Setext title', status: 'rejected', statusText: 'Rejected', date: '2018-11-30', format: 'madr', titleLine: 0 },
  'odd/0012-invalid-date.md': {
    number: 12,
    title: 'A date nobody understands',
    status: 'deprecated',
    statusText: 'deprecated',
    format: 'rationale',
    problems: ['invalid-date@3'],
  },
  'odd/decide-later.md': { title: 'Decide later', status: 'proposed', statusText: 'open', format: 'madr' },
  'odd/numbered-in-front-matter.md': { number: 42, title: 'Numbered in the front matter', status: 'accepted', statusText: 'Approved', date: '2023-12-01', format: 'rationale' },
};

describe('parseRecord over the format fixtures', () => {
  for (const [fixture, expected] of Object.entries(FIXTURE_CASES)) {
    it(fixture, () => {
      const record = parseFixture(fixture);
      assert.equal(record.path, fixture);
      assert.equal(record.number, expected.number, 'number');
      assert.equal(record.title, expected.title, 'title');
      assert.equal(record.status, expected.status, 'status');
      assert.equal(record.statusText, expected.statusText, 'statusText');
      assert.equal(record.date, expected.date, 'date');
      assert.equal(record.format, expected.format, 'format');
      assert.deepEqual(record.tags, expected.tags ?? [], 'tags');
      assert.deepEqual(record.decisionMakers, expected.decisionMakers ?? [], 'decisionMakers');
      assert.deepEqual(record.consulted, expected.consulted ?? [], 'consulted');
      assert.deepEqual(record.informed, expected.informed ?? [], 'informed');
      assert.deepEqual(record.signOff, expected.signOff ?? [], 'signOff');
      assert.deepEqual(record.dataSources, expected.dataSources ?? [], 'dataSources');
      assert.deepEqual(record.supersedes, expected.supersedes ?? [], 'supersedes');
      assert.deepEqual(record.supersededBy, expected.supersededBy ?? [], 'supersededBy');
      assert.deepEqual(record.related, expected.related ?? [], 'related');
      assert.deepEqual(record.links, expected.links ?? [], 'links');
      assert.equal(record.hasRationale, expected.hasRationale ?? false, 'hasRationale');
      if ('rationaleExcerpt' in expected) assert.equal(rationaleExcerpt(readFileSync(path.join(FIXTURES, fixture), 'utf8')), expected.rationaleExcerpt, 'rationaleExcerpt');
      if ('titleLine' in expected) assert.equal(record.titleLine, expected.titleLine, 'titleLine');
      if ('contextLine' in expected) assert.equal(record.contextLine, expected.contextLine, 'contextLine');
      assert.deepEqual(
        record.problems.map((problem) => `${problem.code}@${String(problem.line)}`),
        expected.problems ?? [],
        'problems',
      );
    });
  }

  it('covers every record file in the fixture folders, and only those', () => {
    const folders = [...readdirSync(path.join(FIXTURES, 'formats')).map((format) => `formats/${format}`), 'odd'];
    const files = folders.flatMap((folder) => readdirSync(path.join(FIXTURES, folder)).map((name) => `${folder}/${name}`));
    const records = files.filter((file) => isRecordFileName(file.slice(file.lastIndexOf('/') + 1)));
    assert.deepEqual(records.sort(), Object.keys(FIXTURE_CASES).sort());
    assert.deepEqual(
      files.filter((file) => file.startsWith('formats/log4brains/') && !records.includes(file)).sort(),
      ['formats/log4brains/README.md', 'formats/log4brains/index.md', 'formats/log4brains/template.md'],
    );
  });

  it('keeps the CRLF and BOM fixtures byte for byte', () => {
    assert.ok(readFileSync(path.join(FIXTURES, 'odd/0003-crlf-line-endings.md'), 'utf8').includes('\r\n'));
    assert.equal(readFileSync(path.join(FIXTURES, 'odd/0004-byte-order-mark.md'), 'utf8').charCodeAt(0), 0xfeff);
  });
});

function parse(text: string, file = 'docs/decisions/0001-example-record.md'): DecisionRecord {
  return parseRecord(file, text);
}

describe('parseRecord: front matter', () => {
  it('reads reference numbers written as 7, "0007", DR-7 and ADR-0007, in flow or block lists', () => {
    const record = parse('---\ntitle: T\nsupersedes:\n  - 7\n  - "0008"\nsuperseded-by: DR-9\nrelated: [ADR-0010, 11]\n---\n');
    assert.deepEqual(record.supersedes, [7, 8]);
    assert.deepEqual(record.supersededBy, [9]);
    assert.deepEqual(record.related, [10, 11]);
  });

  it('reads MADR 4 `superseded by ADR-0123` as superseded with the number', () => {
    const record = parse('---\nstatus: "superseded by ADR-0123"\n---\n# T\n');
    assert.equal(record.status, 'superseded');
    assert.equal(record.statusText, 'superseded by ADR-0123');
    assert.deepEqual(record.supersededBy, [123]);
  });

  it('reads `accepted; supersedes ADR-0045` as accepted, superseding 45', () => {
    const record = parse('---\nstatus: "accepted; supersedes ADR-0045"\n---\n# T\n');
    assert.equal(record.status, 'accepted');
    assert.deepEqual(record.supersedes, [45]);
  });

  it('leaves status undefined when MADR front matter holds only site fields', () => {
    const record = parse('---\nparent: Decisions\nnav_order: 3\n---\n# Use dashes in file names\n');
    assert.equal(record.status, undefined);
    assert.equal(record.statusText, undefined);
    assert.equal(record.title, 'Use dashes in file names');
    assert.deepEqual(record.problems, []);
  });

  it('takes the number from `adr:` or `number:` only when the file name has none', () => {
    assert.equal(parse('---\nadr: "0005"\n---\n# T\n', 'docs/adr/some-name.md').number, 5);
    assert.equal(parse('---\nadr: 0005\n---\n# T\n', 'docs/adr/some-name.md').number, 5);
    assert.equal(parse('---\nnumber: 17\n---\n# T\n', 'docs/adr/some-name.md').number, 17);
    assert.equal(parse('---\nadr: 9\n---\n# T\n', 'docs/adr/0003-name.md').number, 3);
  });

  it('normalises unquoted, quoted and timestamp dates without shifting the day', () => {
    assert.equal(parse('---\ndate: 2021-07-15\n---\n').date, '2021-07-15');
    assert.equal(parse("---\ndate: '2021-07-15'\n---\n").date, '2021-07-15');
    assert.equal(parse('---\ndate: 2021-07-15T23:30:00-05:00\n---\n').date, '2021-07-15');
    assert.equal(parse('---\ndate: 2021-07-15T00:30:00+09:00\n---\n').date, '2021-07-15');
  });

  it('reports malformed YAML at its line in the file and still reads the body', () => {
    const record = parse('---\nid: x\ntitle: ADR002: Broken\n---\n\n## Status\n\nAccepted\n');
    assert.deepEqual(
      record.problems.map((problem) => [problem.code, problem.line]),
      [['yaml-syntax', 2]],
    );
    assert.match(record.problems[0].message, /not valid YAML: bad indentation/);
    assert.equal(record.title, 'Broken');
    assert.equal(record.status, 'accepted');
  });

  it('reports unclosed front matter and keeps the body', () => {
    const record = parse('---\nstatus: accepted\n\n# The title\n\nSome text.\n');
    assert.deepEqual(
      record.problems.map((problem) => problem.code),
      ['unclosed-front-matter'],
    );
    assert.equal(record.title, 'The title');
    assert.equal(record.status, 'accepted');
  });

  it('warns about an unknown front-matter status and keeps its text', () => {
    const record = parse('---\nstatus: brewing\n---\n# T\n');
    assert.equal(record.status, undefined);
    assert.equal(record.statusText, 'brewing');
    assert.deepEqual(
      record.problems.map((problem) => [problem.code, problem.severity, problem.line]),
      [['unknown-status', 'warning', 1]],
    );
  });

  it('reads sign-offs: missing state is pending, synonyms are normalised, unknown states are kept and reported', () => {
    const record = parse(
      '---\nsign-off:\n  - Pat Doe\n  - name: Ana\n    state: Approve\n  - name: Ben\n    state: object\n  - {name: Cy, state: dunno, date: 2024-13-45}\n---\n# T\n',
    );
    assert.deepEqual(
      record.signOff.map((signOff) => [signOff.name, signOff.state]),
      [
        ['Pat Doe', 'pending'],
        ['Ana', 'approved'],
        ['Ben', 'objected'],
        ['Cy', 'dunno'],
      ],
    );
    assert.deepEqual(
      record.problems.map((problem) => [problem.code, problem.line]),
      [
        ['unknown-sign-off-state', 7],
        ['invalid-date', 7],
      ],
    );
  });

  it('reads data sources given as objects or as plain URLs and titles', () => {
    const record = parse('---\ndata-sources:\n  - https://example.com/d/1\n  - Customer interviews\n  - {title: Notes, path: research/notes.md}\n---\n');
    assert.deepEqual(record.dataSources, [{ url: 'https://example.com/d/1' }, { title: 'Customer interviews' }, { title: 'Notes', path: 'research/notes.md' }]);
  });

  it('reads people lists as YAML lists or comma-separated text', () => {
    const record = parse('---\ndecision-makers: "@ana, @ben"\nconsulted: [Finance]\ninformed:\n  - Sales\n  - Support\n---\n');
    assert.deepEqual(record.decisionMakers, ['@ana', '@ben']);
    assert.deepEqual(record.consulted, ['Finance']);
    assert.deepEqual(record.informed, ['Sales', 'Support']);
  });

  it('does not share data between calls on the same text', () => {
    const text = '---\ntitle: Same\ntags: [a]\n---\n';
    const first = parse(text);
    first.tags.push('changed');
    assert.deepEqual(parse(text).tags, ['a']);
  });

  it('reports front matter that is not a mapping', () => {
    const record = parse('---\n- just\n- a list\n---\n# Title\n');
    assert.equal(record.title, 'Title');
    assert.deepEqual(
      record.problems.map((problem) => problem.code),
      ['yaml-syntax'],
    );
  });
});

describe('parseRecord: markdown bodies', () => {
  it('reads adr-tools records: `# N. Title`, `Date:` and the Status section', () => {
    const record = parse('# 12. Use queues\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n', 'doc/adr/0012-use-queues.md');
    assert.equal(record.title, 'Use queues');
    assert.equal(record.date, '2016-02-12');
    assert.equal(record.status, 'accepted');
    assert.equal(record.format, 'nygard');
    assert.equal(record.titleLine, 0);
    assert.equal(record.contextLine, 10);
  });

  it('makes a record superseded when its Status section has a `Superseded by` line after `Accepted`', () => {
    const record = parse('# 2. Old\n\n## Status\n\nAccepted\n\nSuperseded by [5. New](0005-new.md)\n');
    assert.equal(record.status, 'superseded');
    assert.equal(record.statusText, 'Superseded by [5. New](0005-new.md)');
    assert.deepEqual(record.supersededBy, [5]);
  });

  it('reads adr-tools\' own "Superceded by" and "Supercedes" (sic) after a status line', () => {
    const old = parse('# 2. Old\n\n## Status\n\nProposed\n\nSuperceded by [5. New](0005-new.md)\n');
    assert.equal(old.status, 'superseded');
    assert.deepEqual(old.supersededBy, [5]);
    const successor = parse('# 5. New\n\n## Status\n\nAccepted\n\nSupercedes [2. Old](0002-old.md)\n');
    assert.equal(successor.status, 'accepted');
    assert.deepEqual(successor.supersedes, [2]);
  });

  it('reads the status and the context under underlined (setext) headings, not the underline', () => {
    const record = parse('# 4. T\n\nStatus\n------\n\nAccepted\n\nContext\n-------\n\nWhy.\n');
    assert.equal(record.status, 'accepted');
    assert.equal(record.statusText, 'Accepted');
    assert.equal(record.contextLine, 10);
  });

  it('reads `Amended by` and `Amends` links as related records', () => {
    const record = parse('# 5. Help\n\n## Status\n\nAccepted\n\nAmended by [9. Help scripts](0009-help-scripts.md)\n');
    assert.equal(record.status, 'accepted');
    assert.deepEqual(record.related, [9]);
  });

  it('reads Status sections written as `**Approved** (by TSC vote on 3/25/21)` and `Pending`', () => {
    assert.equal(parse('# T\n\n## Status\n\n**Approved** (by TSC vote on 3/25/21)\n').status, 'accepted');
    assert.equal(parse('# T\n\n## Status\n\n** Approved **\n').status, 'accepted');
    assert.equal(parse('# T\n\n## Status\n\nPending\n').status, 'proposed');
    assert.equal(parse('# T\n\n## Status\n\nPartly superseded\n').status, 'superseded');
  });

  it('reads MADR 2 bullets with `*`, `-` and bold keys', () => {
    const record = parse('# Title\n\n* Status: rejected\n* Deciders: Ana, Ben\n* Date: 2020-01-02\n\n## Context and Problem Statement\n');
    assert.equal(record.status, 'rejected');
    assert.deepEqual(record.decisionMakers, ['Ana', 'Ben']);
    assert.equal(record.date, '2020-01-02');
    const bold = parse('# Title\n\n**Status:** accepted\n**Date**: 2020-01-03\n');
    assert.equal(bold.status, 'accepted');
    assert.equal(bold.date, '2020-01-03');
  });

  it('keeps a comma inside brackets with the person it describes', () => {
    const record = parse('# T\n\n- Deciders: Fredrik (and others at the meeting, I think), Lena; Cristian (a.k.a. PM group)\n');
    assert.deepEqual(record.decisionMakers, ['Fredrik (and others at the meeting, I think)', 'Lena', 'Cristian (a.k.a. PM group)']);
  });

  it('counts a decision that gives its reason as the rationale, but not the template\'s placeholder', () => {
    assert.equal(parse('# T\n\n## Decision Outcome\n\nChosen option: "B", because it is cheaper.\n').hasRationale, true);
    assert.equal(parse('# T\n\n## Decision\n\nWe take B because\nit is cheaper.\n').hasRationale, true);
    assert.equal(parse('# T\n\n## Justification\n\nIt is cheaper.\n').hasRationale, true);
    assert.equal(parse('# T\n\n## Decision Outcome\n\nChosen option: "{title of option 1}", because {justification}.\n').hasRationale, false);
    assert.equal(parse('# T\n\n## Decision Outcome\n\nChosen option: "[option 1]", because [justification].\n').hasRationale, false);
    assert.equal(parse('# T\n\n## Decision\n\nWe take B.\n\n## Consequences\n\nCosts drop because of it.\n').hasRationale, false);
  });

  it('reads a `| Created | Status |` table before or after the title', () => {
    const record = parse('---\ntitle: T\n---\n\n| Created    | Status |\n| ---------- | ------ |\n| 2020-05-17 | Open   |\n\n## Context\n');
    assert.equal(record.status, 'proposed');
    assert.equal(record.statusText, 'Open');
    assert.equal(record.date, '2020-05-17');
  });

  it('reads the newest entry of an EdgeX change log', () => {
    const record = parse('# T\n\n## Change Log\n<!--\n- [approved](URL) (2022-04-01)\n-->\n- [proposed](https://x/pull/1) (2021-12-28)\n- [approved](https://x/pull/2) (2023-02-18)\n\n## Context\n');
    assert.equal(record.status, 'accepted');
    assert.equal(record.statusText, 'approved');
    assert.equal(record.date, '2023-02-18');
  });

  it('ignores status-like lines inside fenced code and HTML comments', () => {
    const record = parse('# T\n\n```\n## Status\n\nAccepted\n```\n\n<!--\n## Status\nRejected\n-->\n');
    assert.equal(record.status, undefined);
  });

  it('reads setext titles and CRLF line endings', () => {
    const record = parse('Title here\r\n==========\r\n\r\n## Status\r\n\r\nDeprecated\r\n');
    assert.equal(record.title, 'Title here');
    assert.equal(record.status, 'deprecated');
    assert.equal(record.statusText, 'Deprecated');
  });

  it('ignores a byte order mark before the front matter', () => {
    const record = parse('\ufeff---\ntitle: With BOM\n---\n');
    assert.equal(record.title, 'With BOM');
    assert.deepEqual(record.problems, []);
  });

  it('falls back from front matter title to heading to file name', () => {
    assert.equal(parse('---\ntitle: From front matter\n---\n# From heading\n').title, 'From front matter');
    assert.equal(parse('---\nstatus: accepted\n---\n# From heading\n').title, 'From heading');
    const bare = parse('Just text.\n', 'docs/decisions/0009-use_the-file name.md');
    assert.equal(bare.title, 'Use the file name');
    assert.deepEqual(
      bare.problems.map((problem) => problem.code),
      ['no-title'],
    );
  });

  it('excerpts the Rationale section, falling back to the decision', () => {
    const text = '# T\n\n## Decision\n\nWe do X.\n\n## Rationale\n\n- **Cheaper** by [far](https://x).\n- Faster.\n- Simpler.\n- Ignored fourth line.\n';
    assert.equal(parse(text).hasRationale, true);
    assert.equal(rationaleExcerpt(text), 'Cheaper by far. Faster. Simpler.');
    const noRationale = '# T\n\n## Decision Outcome\n\nChosen option: "X".\n\n## Rationale\n\n';
    assert.equal(parse(noRationale).hasRationale, false);
    assert.equal(rationaleExcerpt(noRationale), 'Chosen option: "X".');
  });

  it('excerpts the rationale after front matter, and nothing from inside it', () => {
    assert.equal(rationaleExcerpt('---\ntitle: T\n---\n# T\n\n## Rationale\n\nBecause.\n'), 'Because.');
    assert.equal(rationaleExcerpt('---\nnote: |\n  ## Rationale\n  Hidden.\n---\n# T\n'), undefined);
    assert.equal(rationaleExcerpt('\uFEFF# T\r\n\r\n## Rationale\r\n\r\nWindows lines.\r\n'), 'Windows lines.');
  });

  it('limits the rationale excerpt to 300 characters', () => {
    const excerpt = rationaleExcerpt(`# T\n\n## Rationale\n\n${'word '.repeat(200)}\n`);
    assert.ok(excerpt !== undefined && excerpt.length <= 300);
    assert.ok(excerpt.endsWith('…'));
  });

  it('never throws, whatever the input', () => {
    const inputs = ['', '---', '---\n', '---\n---', '\r\n\r\n', '# ', '#', '## Status', '---\n: :\n---', '---\n*alias\n---', '| a |\n|---|', '\u0000\u0001', '```\n# T'];
    for (const input of inputs) {
      const record = parse(input);
      assert.ok(record.title.length > 0, JSON.stringify(input));
    }
  });
});

describe('cleanTitle', () => {
  const cases: [string, string][] = [
    ['1. Record architecture decisions', 'Record architecture decisions'],
    ['ADR-12: Use queues', 'Use queues'],
    ['ADR002: Default Software Catalog File Format', 'Default Software Catalog File Format'],
    ['ADR 12 - Use queues', 'Use queues'],
    ['0001 - Angular Reactive Forms', 'Angular Reactive Forms'],
    ['[Superseded by [ADR-0019](0019-x.md)] Push Metrics via InfluxDB', 'Push Metrics via InfluxDB'],
    ['ADR for OCR engine selection', 'ADR for OCR engine selection'],
    ['2FA for admins', '2FA for admins'],
    ['3 ways to deploy', '3 ways to deploy'],
    ['Use `#` as indicator', 'Use `#` as indicator'],
    ['12.', '12.'],
  ];
  for (const [input, output] of cases) {
    it(`${input} → ${output}`, () => assert.equal(cleanTitle(input), output));
  }

  it('humanises file names', () => {
    assert.equal(titleFromFileName('docs/adr/20240131-use-lunr-for-search.md'), 'Use lunr for search');
    assert.equal(titleFromFileName('adr007-avoid_default-exports.mdx'), 'Avoid default exports');
    assert.equal(titleFromFileName('docs/0005.md'), '0005');
  });
});

describe('interpretStatus', () => {
  const cases: [string, DecisionRecord['status']][] = [
    ['Accepted', 'accepted'],
    ['approved', 'accepted'],
    ['Adopted', 'accepted'],
    ['done', 'accepted'],
    ['proposed', 'proposed'],
    ['Draft', 'proposed'],
    ['Pending', 'proposed'],
    ['open', 'proposed'],
    ['In Progress', 'proposed'],
    ['on hold', 'proposed'],
    ['Rejected', 'rejected'],
    ['declined', 'rejected'],
    ['Deprecated', 'deprecated'],
    ['retired', 'deprecated'],
    ['obsolete', 'deprecated'],
    ['Superseded', 'superseded'],
    ['Superceded by [3. X](0003-x.md)', 'superseded'],
    ['Partly superseded', 'superseded'],
    ['✅', 'accepted'],
    ['✅ Accepted', 'accepted'],
    ['❌', 'rejected'],
    ['🚧 WIP', 'proposed'],
    ['[approved](https://example.com/pull/1)', 'accepted'],
    ['maybe later', undefined],
    ['No decision yet', undefined],
    ['', undefined],
  ];
  for (const [text, status] of cases) {
    it(`${JSON.stringify(text)} → ${String(status)}`, () => assert.equal(interpretStatus(text).status, status));
  }

  it('collects superseded records from a clause after the status, spelt either way', () => {
    assert.deepEqual(interpretStatus('accepted; supercedes ADR-0045').supersedes, [45]);
    assert.deepEqual(interpretStatus('Accepted. Supersedes [3. X](0003-x.md)').supersedes, [3]);
    assert.equal(interpretStatus('Accepted. Supersedes [3. X](0003-x.md)').status, 'accepted');
  });

  it('collects the superseding numbers from links or ids', () => {
    assert.deepEqual(interpretStatus('superseded by [ADR-0019](0019-push-metrics.md)').supersededBy, [19]);
    assert.deepEqual(interpretStatus('Superseded by [DNS Infrastructure](0015-dns-infrastructure.md)').supersededBy, [15]);
    assert.deepEqual(interpretStatus('superseded by DR-7 and DR-8').supersededBy, [7, 8]);
    assert.deepEqual(interpretStatus('superseded by [slug](20201016-use-the-slug.md)').supersededBy, []);
  });
});

describe('referenceNumbers', () => {
  it('reads numbers, padded strings, prefixed ids and file names', () => {
    assert.deepEqual(referenceNumbers([7, '0008', 'DR-9', 'ADR-0010', 'adr 11', '#12', '0013-some-record.md']), [7, 8, 9, 10, 11, 12, 13]);
    assert.deepEqual(referenceNumbers(undefined), []);
    assert.deepEqual(referenceNumbers('no number here'), []);
    assert.deepEqual(referenceNumbers(-1), []);
  });
});

describe('normaliseSignOffState', () => {
  it('normalises known words and rejects the rest', () => {
    assert.equal(normaliseSignOffState(undefined), 'pending');
    assert.equal(normaliseSignOffState('Approved'), 'approved');
    assert.equal(normaliseSignOffState('LGTM'), 'approved');
    assert.equal(normaliseSignOffState('objection'), 'objected');
    assert.equal(normaliseSignOffState('abstain'), 'abstained');
    assert.equal(normaliseSignOffState('perhaps'), undefined);
  });
});

describe('normaliseDate', () => {
  const cases: [unknown, string | undefined][] = [
    ['2021-07-15', '2021-07-15'],
    ['2021-7-5', '2021-07-05'],
    ['2021/07/15', '2021-07-15'],
    ['2021-07-15T10:00:00Z', '2021-07-15'],
    ['2021-07-15 10:00', '2021-07-15'],
    ['23/03/2020', '2020-03-23'],
    ['3/25/21', '2021-03-25'],
    ['01.10.2025', '2025-10-01'],
    ['July 15 2021', '2021-07-15'],
    ['Jul 15th, 2021', '2021-07-15'],
    ['15 July 2021', '2021-07-15'],
    ['20210715', '2021-07-15'],
    [20210715, '2021-07-15'],
    [new Date(Date.UTC(2021, 6, 15)), '2021-07-15'],
    ['2021-02-30', undefined],
    ['2021-13-01', undefined],
    ['someday', undefined],
    ['{YYYY-MM-DD when the decision was last updated}', undefined],
    [undefined, undefined],
  ];
  for (const [input, output] of cases) {
    it(`${input instanceof Date ? 'Date object' : JSON.stringify(input)} → ${String(output)}`, () => assert.equal(normaliseDate(input), output));
  }
});

describe('readFrontMatter', () => {
  it('reads the front matter our templates write, with key and item lines', () => {
    const lines = readFileSync(path.join(FIXTURES, 'formats/rationale/0003-bill-annual-plans-upfront.md'), 'utf8').split('\n');
    const { fields, problems } = readFrontMatter(lines);
    assert.deepEqual(problems, []);
    assert.equal(fields.get('date')?.value, '2025-03-15');
    assert.equal(fields.get('signoff')?.key, 'sign-off');
    assert.deepEqual(fields.get('signoff')?.itemLines, [9, 15]);
    assert.deepEqual(fields.get('supersedes')?.value, [1]);
  });
});
