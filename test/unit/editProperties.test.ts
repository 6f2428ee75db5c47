import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import * as fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { applyEdits, locateFrontMatter } from '../../src/core/frontMatterEdit';
import type { EditResult } from '../../src/core/frontMatterEdit';
import { findStatusBullet, findStatusSection } from '../../src/core/editStatusSection';
import { lineOf } from '../../src/core/editText';
import { parseRecord } from '../../src/core/parse';
import { fieldKey } from '../../src/core/parseFrontMatter';
import { STATUSES, SIGN_OFF_STATES } from '../../src/core/record';
import type { DecisionRecord, SignOffState, Status } from '../../src/core/record';
import { findReferences } from '../../src/core/references';
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
import type { DataSourceInput, SignOffInput, Stakeholder } from '../../src/core/recordEdits';

/**
 * Property tests of every editing operation on generated records (comments, odd quoting, flow and
 * block lists, CRLF, BOM, no front matter, adr-tools and MADR 2 status lines). An edit either
 * refuses with a message, or yields text whose front matter is valid YAML for both YAML readers,
 * that reads back (with parseRecord and with `yaml`) to the values asked for, where every key it
 * was not asked to touch has its old value and every line outside the touched keys is still there,
 * byte for byte and in order, with the file's line endings and BOM. Seeds are fixed.
 */

const SEED = 61122;
const RUNS = 200;
const PATH = 'docs/decisions/0014-edit-me.md';

// ---- generated records ---------------------------------------------------------------------------

type QuoteStyle = 'plain' | 'single' | 'double';

/** Text as YAML writes it in the given style; plain only where it reads back as the same string. */
function quoted(text: string, style: QuoteStyle): string {
  const plainSafe = /^[\p{L}][^:#[\]{},"'\n]*$/u.test(text) && !/\s$/.test(text) && !/^(?:yes|no|true|false|null|on|off|y|n)$/i.test(text);
  if (style === 'single') return `'${text.replace(/'/g, "''")}'`;
  if (style === 'double' || !plainSafe) return JSON.stringify(text);
  return text;
}

const quoteStyle = fc.constantFrom<QuoteStyle>('plain', 'plain', 'single', 'double');
const trailingComment = fc.oneof(fc.constant(''), fc.constantFrom(' # why', '   # aligned note', ' #no space', ' # DR-14 matters'));
const word = fc.constantFrom('Ana Ruiz', 'Sam Lee', 'Zoë Ørsted', '山田 太郎', 'שרה כהן', '😀 emoji', 'C# team', 'a: b', 'yes', '123', 'billing', "it's", 'say "hi"', 'x-y_z', 'Ünïcode e\u0301');
const email = fc.constantFrom('ana@example.com', 'SAM@example.com', 'sam@example.com', 'lee+x@example.org');
const url = fc.constantFrom('https://example.com/d/1', 'https://github.com/acme/app/pull/412', 'https://x.example/a?b=c#d', 'http://例え.jp/パス');
const reference = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map(String),
  fc.integer({ min: 1, max: 30 }).map((n) => `"${String(n).padStart(4, '0')}"`),
  fc.integer({ min: 1, max: 30 }).map((n) => `DR-${n}`),
  fc.constant('14'),
);

interface Shape {
  seqIndent: number;
}

/** A list value in one of the shapes people write: flow, block, empty, `~`, or nothing after the colon. */
function listLines(key: string, items: readonly string[], style: 'flow' | 'block' | 'empty-flow' | 'null' | 'bare', shape: Shape, comment: string): string[] {
  if (style === 'flow' && items.length > 0) return [`${key}: [${items.join(', ')}]${comment}`];
  if (style === 'block' && items.length > 0) return [`${key}:${comment}`, ...items.map((item) => `${' '.repeat(shape.seqIndent)}- ${item}`)];
  if (style === 'null') return [`${key}: ~${comment}`];
  if (style === 'bare') return [`${key}:${comment}`];
  return [`${key}: []${comment}`];
}

const listStyle = fc.constantFrom<'flow' | 'block' | 'empty-flow' | 'null' | 'bare'>('flow', 'block', 'block', 'empty-flow', 'null', 'bare');

const signOffEntry = fc.record({
  name: word,
  email: fc.option(email, { nil: undefined }),
  state: fc.constantFrom('approved', 'pending', 'objected', 'abstained', 'Approved'),
  comment: fc.option(word, { nil: undefined }),
  nameStyle: quoteStyle,
});

type FieldBuilder = (shape: Shape) => string[];

const field: fc.Arbitrary<[string, FieldBuilder]> = fc.oneof(
  fc.tuple(word, quoteStyle, trailingComment).map(([title, style, comment]) => ['title', () => [`title: ${quoted(title, style)}${comment}`]] as [string, FieldBuilder]),
  fc
    .tuple(fc.constantFrom('proposed', 'accepted', 'Accepted', 'rejected', 'DEPRECATED', 'superseded', 'superseded by ADR-0123', 'proposed. No consensus yet'), quoteStyle, trailingComment)
    .map(([status, style, comment]) => ['status', () => [`status: ${quoted(status, style)}${comment}`]] as [string, FieldBuilder]),
  fc
    .tuple(fc.constantFrom('2026-11-22', "'2026-11-22'", '"2025-01-02"', ''), trailingComment)
    .map(([date, comment]) => ['date', () => [`date:${date === '' ? '' : ` ${date}`}${comment}`]] as [string, FieldBuilder]),
  ...(['tags', 'decision-makers', 'consulted', 'informed'] as const).map((key) =>
    fc
      .tuple(fc.array(fc.tuple(word, quoteStyle), { maxLength: 3 }), listStyle, trailingComment)
      .map(([items, style, comment]) => [key, (shape: Shape) => listLines(key, items.map(([text, quote]) => quoted(text, quote)), style, shape, comment)] as [string, FieldBuilder]),
  ),
  ...(['supersedes', 'superseded-by', 'related'] as const).map((key) =>
    fc
      .tuple(fc.uniqueArray(reference, { maxLength: 3 }), listStyle, trailingComment)
      .map(([items, style, comment]) => [key, (shape: Shape) => listLines(key, items, style, shape, comment)] as [string, FieldBuilder]),
  ),
  fc
    .tuple(fc.uniqueArray(url, { maxLength: 2 }), listStyle, trailingComment)
    .map(([items, style, comment]) => ['links', (shape: Shape) => listLines('links', items, style, shape, comment)] as [string, FieldBuilder]),
  fc.tuple(fc.array(signOffEntry, { maxLength: 3 }), fc.constantFrom('block', 'flow', 'empty-flow', 'bare'), fc.boolean()).map(
    ([entries, style, commentLines]) =>
      [
        'sign-off',
        (shape: Shape) => {
          if (entries.length === 0 || style === 'empty-flow') return ['sign-off: []'];
          if (style === 'bare') return ['sign-off:'];
          if (style === 'flow') {
            return [`sign-off: [${entries.map((entry) => `{name: ${JSON.stringify(entry.name)}, state: ${entry.state}}`).join(', ')}]`];
          }
          const pad = ' '.repeat(shape.seqIndent);
          return [
            'sign-off:',
            ...entries.flatMap((entry) => [
              ...(commentLines ? [`${pad}# ${entry.name}`] : []),
              `${pad}- name: ${quoted(entry.name, entry.nameStyle)}`,
              ...(entry.email ? [`${pad}  email: ${entry.email}`] : []),
              `${pad}  state: ${entry.state}   # as of today`,
              ...(entry.comment ? [`${pad}  comment: ${quoted(entry.comment, 'double')}`] : []),
            ]),
          ];
        },
      ] as [string, FieldBuilder],
  ),
  fc.tuple(fc.array(fc.record({ title: word, url: fc.option(url, { nil: undefined }) }), { maxLength: 2 }), fc.constantFrom('block', 'bare', 'empty-flow')).map(
    ([sources, style]) =>
      [
        'data-sources',
        (shape: Shape) => {
          if (sources.length === 0 || style !== 'block') return [style === 'bare' ? 'data-sources:' : 'data-sources: []'];
          const pad = ' '.repeat(shape.seqIndent);
          return ['data-sources:', ...sources.flatMap((source) => [`${pad}- title: ${quoted(source.title, 'single')}`, ...(source.url ? [`${pad}  url: ${source.url}`] : [])])];
        },
      ] as [string, FieldBuilder],
  ),
  fc.constantFrom<[string, FieldBuilder]>(
    ['parent', () => ['parent: Decisions']],
    ['nav_order', () => ['nav_order: 3']],
    ['custom', () => ['custom: {a: 1, b: [x, y]}']],
    ['notes', () => ['notes: |', '  First line, DR-14.', '  Second: line']],
  ),
);

type BodyKind = 'plain' | 'nygard' | 'madr2';

interface GeneratedRecord {
  text: string;
  eol: '\n' | '\r\n';
  bom: boolean;
  hasFrontMatter: boolean;
}

const generatedRecord: fc.Arbitrary<GeneratedRecord> = fc
  .record({
    fields: fc.uniqueArray(field, { selector: ([key]) => key, maxLength: 9 }),
    commentLines: fc.array(fc.tuple(fc.nat(), fc.constantFrom('# A comment', '# status: keep me', '', '#   indented')), { maxLength: 3 }),
    seqIndent: fc.constantFrom(0, 2),
    hasFrontMatter: fc.constantFrom(true, true, true, false),
    bodyKind: fc.constantFrom<BodyKind>('plain', 'plain', 'nygard', 'madr2'),
    extraBody: fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('See DR-14 and DR-0014.', '[14. Old](0014-old.md)', 'DR-140 is another.')), { maxLength: 4 }),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    bom: fc.boolean(),
    trailingNewline: fc.constantFrom(true, true, false),
  })
  .map((spec) => {
    const shape = { seqIndent: spec.seqIndent };
    // Comment and blank lines go between fields, never inside one (inside a `|` block they would be text).
    const groups = spec.fields.map(([, build]) => build(shape));
    for (const [where, comment] of spec.commentLines) groups.splice(where % (groups.length + 1), 0, [comment]);
    const yaml = groups.flat();
    const header = spec.hasFrontMatter ? ['---', ...yaml, '---'] : [];
    const status =
      spec.bodyKind === 'nygard'
        ? ['# 14. Edit me', '', 'Date: 2020-01-01', '', '## Status', '', 'Accepted', '']
        : spec.bodyKind === 'madr2'
          ? ['# Edit me', '', '* Status: proposed', '* Date: 2020-01-01', '']
          : ['# Edit me', ''];
    const body = [...status, '## Context', '', 'We cite DR-14 here.', ...spec.extraBody.map((line) => line.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')), '', '## Rationale', '', 'Because.'];
    const text = (spec.bom ? '\uFEFF' : '') + [...header, ...body].join(spec.eol) + (spec.trailingNewline ? spec.eol : '');
    return { text, eol: spec.eol, bom: spec.bom, hasFrontMatter: spec.hasFrontMatter };
  });

// ---- operations ----------------------------------------------------------------------------------

/** Front matter keys an operation may change; every other key must keep its value. */
interface Operation {
  name: string;
  run: (text: string) => EditResult;
  touches: readonly string[];
  /** May rewrite the body's status and date lines (adr-tools `## Status`, MADR 2 bullets). */
  bodyStatus?: boolean;
  /** Lines that may change anywhere (renumbering rewrites references wherever they are). */
  touchesLine?: (line: string) => boolean;
  /** What the result must read back as; `before`/`after` are the front matter as plain values. */
  check: (after: DecisionRecord, afterYaml: Record<string, unknown>, before: DecisionRecord, beforeYaml: Record<string, unknown>, edited: string) => void;
  /** Applying the operation again to its own result changes nothing. */
  idempotent: boolean;
}

const inputText = fc.oneof(word, fc.constantFrom('#hash', '- dash', '> quote', '[brackets]', '{braces}', '*star', '&amp', '!bang', '%pct', '@at', '`tick`', 'trailing: colon:', 'tab\there', 'multi\nline', '  padded  ', 'ﬁ ligature', '\u202Eright-to-left'));
const stateArb = fc.constantFrom<SignOffState>(...SIGN_OFF_STATES);
const statusArb = fc.constantFrom<Status>(...STATUSES);
const isoDate = fc.constantFrom('2026-11-23', '2027-01-31', '1999-12-31');

const same = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The sign-off entry an edit for `person` must have touched: same email first, else same name. */
function entryFor<T extends { name?: unknown; email?: unknown }>(entries: readonly T[], person: { name: string; email?: string }): T | undefined {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  if (person.email !== undefined) {
    const byEmail = entries.find((entry) => same(text(entry.email), person.email));
    if (byEmail) return byEmail;
  }
  return entries.find((entry) => same(text(entry.name), person.name));
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A list's old items come first and unchanged in the new one. */
function assertExtends(before: unknown, after: unknown): void {
  const old = listOf(before);
  assert.deepEqual(listOf(after).slice(0, old.length), old, 'existing items must stay as they were');
}

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.tuple(statusArb, fc.option(isoDate, { nil: undefined })).map(
    ([status, date]): Operation => ({
      name: `setStatus(${status}, ${String(date)})`,
      run: (text) => setStatus(text, status, date === undefined ? {} : { date }),
      touches: ['status', 'date'],
      bodyStatus: true,
      check: (after) => {
        assert.equal(after.status, status);
        if (date !== undefined) assert.equal(after.date, date);
      },
      idempotent: true,
    }),
  ),
  fc
    .record({ name: inputText, email: fc.option(email, { nil: undefined }), role: fc.option(inputText, { nil: undefined }), state: stateArb, date: fc.option(isoDate, { nil: undefined }), comment: fc.option(inputText, { nil: undefined }) })
    .map(
      (signOff): Operation => ({
        name: `addOrUpdateSignOff(${JSON.stringify(signOff)})`,
        run: (text) => addOrUpdateSignOff(text, signOff as SignOffInput),
        touches: ['sign-off'],
        check: (after, afterYaml, before, beforeYaml) => {
          const raw = entryFor(listOf(afterYaml['sign-off']) as Record<string, unknown>[], signOff);
          assert.ok(raw, 'the sign-off entry is there');
          assert.equal(raw.state, signOff.state);
          if (signOff.comment !== undefined) assert.equal(raw.comment, signOff.comment);
          if (signOff.date !== undefined) assert.equal(raw.date, signOff.date);
          const existed = entryFor(listOf(beforeYaml['sign-off']) as Record<string, unknown>[], signOff);
          if (!existed) assert.equal(raw.name, signOff.name);
          const parsed = entryFor(after.signOff, signOff);
          assert.equal(parsed?.state, signOff.state);
          // Entries of other people are left as they were.
          const others = (record: DecisionRecord) => record.signOff.filter((entry) => entry !== entryFor(record.signOff, signOff));
          assert.deepEqual(others(after), others(before));
        },
        idempotent: true,
      }),
    ),
  fc.array(fc.record({ name: inputText, email: fc.option(email, { nil: undefined }) }), { minLength: 1, maxLength: 3 }).map(
    (people): Operation => ({
      name: `requestSignOff(${JSON.stringify(people)})`,
      run: (text) => requestSignOff(text, people as Stakeholder[]),
      touches: ['sign-off'],
      check: (_after, afterYaml, _before, beforeYaml) => {
        assertExtends(beforeYaml['sign-off'], afterYaml['sign-off']);
        for (const person of people) {
          const raw = entryFor(listOf(afterYaml['sign-off']) as Record<string, unknown>[], person);
          assert.ok(raw, `${person.name} is asked`);
          if (!entryFor(listOf(beforeYaml['sign-off']) as Record<string, unknown>[], person) && raw.name === person.name) assert.equal(raw.state, 'pending');
        }
      },
      idempotent: true,
    }),
  ),
  fc.record({ title: inputText, url: fc.option(url, { nil: undefined }), path: fc.option(fc.constantFrom('research/pricing.md', 'data/q3 results.csv'), { nil: undefined }), note: fc.option(inputText, { nil: undefined }) }).map(
    (source): Operation => ({
      name: `addDataSource(${JSON.stringify(source)})`,
      run: (text) => addDataSource(text, source as DataSourceInput),
      touches: ['data-sources'],
      check: (_after, afterYaml, _before, beforeYaml) => {
        assertExtends(beforeYaml['data-sources'], afterYaml['data-sources']);
        const items = listOf(afterYaml['data-sources']) as Record<string, unknown>[];
        const found = items.find((item) => (source.url !== undefined && item.url === source.url) || (source.path !== undefined && item.path === source.path) || (item.title === source.title && item.note === source.note));
        assert.ok(found, 'the data source is listed');
      },
      // Sources are told apart by url or path; one with a title only is added each time, by design.
      idempotent: source.url !== undefined || source.path !== undefined,
    }),
  ),
  fc.integer({ min: 1, max: 99999 }).map(
    (number): Operation => ({
      name: `addRelated(${number})`,
      run: (text) => addRelated(text, number),
      touches: ['related'],
      check: (after, afterYaml, before, beforeYaml) => {
        assertExtends(beforeYaml.related, afterYaml.related);
        assert.ok(after.related.includes(number));
        assert.deepEqual(after.related.filter((n) => n !== number), before.related.filter((n) => n !== number));
      },
      idempotent: true,
    }),
  ),
  fc.oneof(url, inputText.map((text) => `https://example.com/${text}`)).map(
    (link): Operation => ({
      name: `addLink(${link})`,
      run: (text) => addLink(text, link),
      touches: ['links'],
      check: (_after, afterYaml, _before, beforeYaml) => {
        assertExtends(beforeYaml.links, afterYaml.links);
        assert.ok(listOf(afterYaml.links).includes(link));
      },
      idempotent: true,
    }),
  ),
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('DR', 'ADR'), fc.boolean()).map(
    ([number, prefix, withTarget]): Operation => ({
      name: `setSupersededBy(${number}, ${prefix}, ${withTarget})`,
      run: (text) => setSupersededBy(text, number, { prefix, ...(withTarget ? { target: { title: 'New: way', fileName: `${String(number).padStart(4, '0')}-new-way.md` } } : {}) }),
      touches: ['status', 'superseded-by'],
      bodyStatus: true,
      check: (after) => {
        assert.equal(after.status, 'superseded');
        assert.ok(after.supersededBy.includes(number), `superseded by ${number}: ${JSON.stringify(after.supersededBy)}`);
      },
      idempotent: true,
    }),
  ),
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.boolean()).map(
    ([number, withTarget]): Operation => ({
      name: `addSupersedes(${number}, ${withTarget})`,
      run: (text) => addSupersedes(text, number, withTarget ? { target: { title: 'Old way', fileName: `${String(number).padStart(4, '0')}-old-way.md` } } : {}),
      touches: ['supersedes'],
      bodyStatus: true,
      check: (after, _afterYaml, before) => {
        assert.ok(after.supersedes.includes(number), `supersedes ${number}: ${JSON.stringify(after.supersedes)}`);
        assert.deepEqual(after.supersedes.filter((n) => n !== number), before.supersedes.filter((n) => n !== number));
      },
      idempotent: true,
    }),
  ),
  fc.tuple(fc.constantFrom(14, 3, 7), fc.integer({ min: 31, max: 20000 }), fc.constantFrom('DR', 'ADR')).map(
    ([from, to, prefix]): Operation => ({
      name: `renumberReferences(${from} → ${to}, ${prefix})`,
      run: (text) => renumberReferences(text, from, to, prefix),
      touches: ['supersedes', 'superseded-by', 'related'],
      touchesLine: (line) => line.includes(String(from)),
      check: (after, _afterYaml, before, _beforeYaml, edited) => {
        assert.deepEqual(findReferences(edited, prefix).filter((found) => found.number === from), [], `no ${prefix}-${from} is left`);
        const moved = (numbers: number[]) => numbers.map((n) => (n === from ? to : n));
        assert.deepEqual(after.related, moved(before.related));
        assert.deepEqual(after.supersedes, moved(before.supersedes));
      },
      idempotent: true,
    }),
  ),
);

// ---- checks --------------------------------------------------------------------------------------

/** Lines with their own endings, so a changed line ending shows as a changed line. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const CANONICAL: Record<string, string> = { signoff: 'sign-off', datasources: 'data-sources', supersededby: 'superseded-by', decisionmakers: 'decision-makers' };

/** Keys as the reader knows them: `Sign_Off` and `sign-off` are one key to it (and to the editor). */
function canonicalKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [CANONICAL[fieldKey(key)] ?? fieldKey(key), value]));
}

/** The front matter as plain values, read by `yaml` (strict: unique keys) and by js-yaml, which must agree. */
function frontMatterValues(text: string, compareJsYaml: boolean): { values: Record<string, unknown>; closingLine: number; jsYamlAgrees: boolean } | undefined {
  const location = locateFrontMatter(text);
  if (location.kind === 'none') return undefined;
  assert.equal(location.kind, 'closed', 'the front matter stays closed');
  if (location.kind !== 'closed') return undefined;
  const source = text.slice(location.contentStart, location.contentEnd);
  const document = parseDocument(source, { uniqueKeys: true });
  assert.deepEqual(document.errors.map((error) => error.message), [], 'the front matter is valid YAML');
  let values: Record<string, unknown>;
  try {
    values = canonicalKeys((document.toJS() ?? {}) as Record<string, unknown>);
  } catch (error) {
    // `*alias` without its anchor parses but cannot be read; an edit may keep such damage, not add it.
    if (compareJsYaml) throw error;
    return { values: {}, closingLine: lineOf(text, location.contentEnd), jsYamlAgrees: false };
  }
  assert.ok(typeof values === 'object' && !Array.isArray(values), 'the front matter is a map');
  // The parser hands js-yaml LF lines (it splits on any line break), so the check does too. When the
  // two readers disagreed before the edit (damaged input), the edit cannot be blamed for it.
  let fromJsYaml: unknown;
  try {
    fromJsYaml = load(source.replace(/\r\n/g, '\n'), { schema: CORE_SCHEMA }) ?? {};
  } catch (error) {
    if (compareJsYaml) throw error;
  }
  if (fromJsYaml !== null && typeof fromJsYaml === 'object' && !Array.isArray(fromJsYaml)) fromJsYaml = canonicalKeys(fromJsYaml as Record<string, unknown>);
  if (compareJsYaml) assert.deepEqual(fromJsYaml, values, 'js-yaml reads the front matter as yaml does');
  return { values, closingLine: lineOf(text, location.contentEnd), jsYamlAgrees: isDeepStrictEqual(fromJsYaml, values) };
}

/** 0-based lines of the original file that the named top-level keys occupy (key line to value end). */
function keyLines(text: string, keys: readonly string[]): Set<number> {
  const lines = new Set<number>();
  const location = locateFrontMatter(text);
  if (location.kind !== 'closed') return lines;
  const document = parseDocument(text.slice(location.contentStart, location.contentEnd));
  if (!isMap(document.contents)) return lines;
  for (const pair of document.contents.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || !keys.some((name) => fieldKey(name) === fieldKey(String(key.value))) || !key.range) continue;
    const value = pair.value as YamlNode | null;
    const end = value?.range ? value.range[1] : key.range[1];
    const first = lineOf(text, location.contentStart + key.range[0]);
    const last = lineOf(text, location.contentStart + Math.max(key.range[0], end - 1));
    for (let line = first; line <= last; line++) lines.add(line);
  }
  return lines;
}

/** Lines where the body keeps a status or date (adr-tools section, MADR 2 bullets, `Date:` lines). */
function bodyStatusLines(text: string): Set<number> {
  const lines = new Set<number>();
  const section = findStatusSection(text);
  if (section?.first) lines.add(lineOf(text, section.first.start));
  const bullet = findStatusBullet(text);
  if (bullet) lines.add(lineOf(text, bullet.start));
  linesOf(text).forEach((line, index) => {
    if (/^\r?(?:[ \t]*[*-][ \t]+)?(?:\*\*)?date(?:\*\*)?[ \t]*:/i.test(line)) lines.add(index);
  });
  return lines;
}

/** True when `needles` appear in `haystack` in the same order (not necessarily next to each other). */
function isSubsequence(needles: readonly string[], haystack: readonly string[]): number {
  let at = 0;
  for (let index = 0; index < needles.length; index++) {
    while (at < haystack.length && haystack[at] !== needles[index]) at++;
    if (at === haystack.length) return index;
    at++;
  }
  return -1;
}

function checkEdit(text: string, op: Operation): 'refused' | 'unchanged' | 'edited' {
  const result = op.run(text);
  if (!result.ok) {
    assert.equal(typeof result.message, 'string');
    assert.notEqual(result.message.trim(), '', 'a refusal says why');
    return 'refused';
  }
  if (result.edits.length === 0) return 'unchanged';
  const edited = applyEdits(text, result.edits);

  // BOM and line endings are the file's.
  assert.equal(edited.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'the BOM is kept');
  assert.equal(edited.split('\uFEFF').length, text.split('\uFEFF').length, 'no BOM added or lost');
  const crlf = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1));
  const bareLf = (value: string) => (value.match(/(?<!\r)\n/g) ?? []).length;
  const lone = (value: string) => (value.match(/\r(?!\n)/g) ?? []).length;
  if (crlf) assert.equal(bareLf(edited), bareLf(text), 'no LF-only line in a CRLF file');
  else assert.equal((edited.match(/\r\n/g) ?? []).length, (text.match(/\r\n/g) ?? []).length, 'no CRLF line in an LF file');
  assert.equal(lone(edited), lone(text), 'no lone CR');

  // Valid YAML for both readers, parsing back to what was asked, other keys untouched.
  const before = frontMatterValues(text, false);
  const after = frontMatterValues(edited, before?.jsYamlAgrees ?? true);
  const beforeValues = before?.values ?? {};
  const afterValues = after?.values ?? {};
  const beforeRecord = parseRecord(PATH, text);
  const afterRecord = parseRecord(PATH, edited);
  const codes = new Set(beforeRecord.problems.map((problem) => problem.code));
  assert.deepEqual(afterRecord.problems.filter((problem) => !codes.has(problem.code) && problem.code !== 'invalid-date'), [], 'the edit adds no problem');
  op.check(afterRecord, afterValues, beforeRecord, beforeValues, edited);
  for (const key of new Set([...Object.keys(beforeValues), ...Object.keys(afterValues)])) {
    if (op.touches.includes(key)) continue;
    if (op.touchesLine && JSON.stringify(beforeValues[key] ?? null).match(/\d/)) continue;
    assert.deepEqual(afterValues[key], beforeValues[key], `\`${key}\` keeps its value`);
  }

  // Every line outside the touched keys (and, for status edits, the body's status lines) is kept, in order.
  const oldLines = linesOf(text.replace(/^\uFEFF/, ''));
  const newLines = linesOf(edited.replace(/^\uFEFF/, ''));
  const allowed = keyLines(text, op.touches);
  if (op.bodyStatus) for (const line of bodyStatusLines(text)) allowed.add(line);
  // A last line without a line break gains one when text is appended after it.
  allowed.add(oldLines.length - 1);
  const kept = oldLines.filter((line, index) => !allowed.has(index) && !(op.touchesLine?.(line) ?? false));
  const missing = isSubsequence(kept, newLines);
  assert.equal(missing, -1, `line ${JSON.stringify(kept[missing])} was changed or moved`);
  // New lines appear inside the front matter, unless the operation may rewrite the body.
  if (!op.bodyStatus && !op.touchesLine && after) {
    const added = newLines.filter((line, index) => index > after.closingLine && !oldLines.includes(line));
    assert.deepEqual(added, [], 'nothing is written into the body');
  }

  if (op.idempotent) {
    const again = op.run(edited);
    assert.ok(again.ok, again.ok ? '' : again.message);
    assert.deepEqual(again.edits, [], 'doing it again changes nothing');
  }
  return 'edited';
}

/** One printable piece of damage (fast-check shows it in a counterexample, unlike a function). */
type Damage = { kind: 'insert'; where: number; text: string } | { kind: 'duplicate-line' | 'delete'; where: number };

function damaged(text: string, damage: Damage): string {
  const at = damage.where % (text.length + 1);
  if (damage.kind === 'insert') return text.slice(0, at) + damage.text + text.slice(at);
  if (damage.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  const lines = text.split('\n');
  lines.splice(damage.where % lines.length, 0, lines[damage.where % lines.length]);
  return lines.join('\n');
}

describe('record edit properties', () => {
  it('sets the front matter `date:` (even an empty one) rather than a body `Date:` line the reader does not take', () => {
    const text = '---\ndate:\n---\n# 14. Edit me\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n';
    assert.equal(checkEdit(text, { name: 'setStatus', run: (source) => setStatus(source, 'proposed', { date: '2026-11-23' }), touches: ['status', 'date'], bodyStatus: true, check: (after) => assert.equal(after.date, '2026-11-23'), idempotent: true }), 'edited');
  });

  it('edits generated records into valid YAML with the values asked for and every other line kept', () => {
    const outcomes = { refused: 0, unchanged: 0, edited: 0 };
    fc.assert(
      fc.property(generatedRecord, operation, (record, op) => {
        const outcome = checkEdit(record.text, op);
        outcomes[outcome]++;
        // Well-formed records with map sign-off entries are never refused, except for a flow sign-off
        // list that holds maps (`[{name: …}]`), which a person may have written on purpose.
        if (outcome === 'refused') {
          const result = op.run(record.text);
          assert.fail(`refused ${op.name}: ${result.ok ? '' : result.message}\n${record.text}`);
        }
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
    assert.ok(outcomes.edited > RUNS, `most cases must edit something: ${JSON.stringify(outcomes)}`);
  });

  for (const [index, name] of ['setStatus', 'addOrUpdateSignOff', 'requestSignOff', 'addDataSource', 'addRelated', 'addLink', 'setSupersededBy', 'addSupersedes', 'renumberReferences'].entries()) {
    it(`${name}: refuses with a message or writes valid YAML, on records with random damage`, () => {
      const ofThisKind = operation.filter((op) => op.name.startsWith(`${name}(`));
      const damage = fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('insert' as const), where: fc.nat(), text: fc.constantFrom(':', '"', "'", '\t', '[', '{', '#', '- ', '  ', '---', '\u00A0', '😀', '&', '*') }),
          fc.record({ kind: fc.constant('duplicate-line' as const), where: fc.nat() }),
          fc.record({ kind: fc.constant('delete' as const), where: fc.nat() }),
        ),
        { maxLength: 3 },
      );
      fc.assert(
        fc.property(generatedRecord, ofThisKind, damage, (record, op, mutations) => {
          const text = mutations.reduce(damaged, record.text);
          try {
            checkEdit(text, op);
          } catch (error) {
            // The damaged text itself, since fast-check shows only the record it started from.
            if (error instanceof Error) error.message += `\n${op.name} after damage: ${JSON.stringify(text)}`;
            throw error;
          }
        }),
        { seed: SEED + index + 1, numRuns: RUNS },
      );
    });
  }
});
