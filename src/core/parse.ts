/**
 * Reads one record file, in whatever convention it was written, into a DecisionRecord: our front
 * matter, MADR 4 front matter, MADR 2 / log4brains `- Status:` bullets, adr-tools / Nygard
 * `## Status` sections, Docusaurus metadata tables and EdgeX change logs. Lenient by design: what
 * cannot be understood is kept as written and reported as a Problem, never thrown.
 */
import { readDate } from './dates';
import { type MarkdownOutline, findSection, outlineMarkdown, plainExcerpt, sectionRange } from './markdownSections';
import { numberFromFileName } from './naming';
import { type FrontMatterField, frontMatterBodyStart, readFrontMatter } from './parseFrontMatter';
import { AMENDS, SUPERSEDED_BY, SUPERSEDES, type StatusReading, interpretStatus, normaliseSignOffState, plainStatusWords, referenceNumbers, referencesIn } from './parseStatus';
import { type DataSource, type DecisionRecord, FRONT_MATTER_ALIASES, type Problem, type RecordFormat, type SignOff, type Status, emptyRecord } from './record';

/** A value read from the file with the 0-based line it is on. */
interface Located {
  value: unknown;
  line: number;
}

/** Status as found in one place of the file, before the places are weighed against each other. */
interface StatusFinding {
  text: string;
  line: number;
  status?: Status;
  supersededBy: number[];
  supersedes: number[];
  related: number[];
}

/** Never throws: anything wrong becomes a Problem on the record. */
export function parseRecord(path: string, text: string): DecisionRecord {
  try {
    return readRecord(path, text);
  } catch (error) {
    // A bug here must not hide the file from the log; it shows up under its file name, with the reason.
    const record = emptyRecord(path, titleFromFileName(path));
    record.problems.push({ code: 'parse-failed', severity: 'error', message: `Could not read this record: ${error instanceof Error ? error.message : String(error)}` });
    return record;
  }
}

/**
 * The first lines of a record's Rationale section (or of its decision, when it has no rationale),
 * as plain text, for tooltips and hovers. Read from the file when shown rather than kept in the
 * index, where it was a quarter of the cached snapshot.
 */
export function rationaleExcerpt(text: string): string | undefined {
  const lines = linesOf(text);
  const outline = outlineMarkdown(lines, frontMatterBodyStart(lines));
  const rationale = rationaleSection(outline);
  const excerpt = rationale === -1 ? undefined : plainExcerpt(outline, sectionRange(outline, rationale));
  if (excerpt !== undefined) return excerpt;
  const decision = decisionSection(outline);
  return decision === -1 ? undefined : plainExcerpt(outline, sectionRange(outline, decision));
}

function linesOf(text: string): string[] {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on a plain '\n' is several times faster; CRLF and old-Mac CR files take the slow path.
  return withoutBom.includes('\r') ? withoutBom.split(/\r\n|\r|\n/) : withoutBom.split('\n');
}

function readRecord(path: string, text: string): DecisionRecord {
  const lines = linesOf(text);
  const frontMatter = readFrontMatter(lines);
  const fields = frontMatter.fields;
  const outline = outlineMarkdown(lines, frontMatter.bodyStart);
  const record = emptyRecord(path, '');
  const problems: Problem[] = [...frontMatter.problems];

  record.number = numberFromFileName(fileNameOf(path)) ?? firstNumber(field(fields, 'adr', 'number'));

  const titleHeading = outline.headings.find((heading) => heading.level === 1 && cleanTitle(heading.text) !== '');
  const fmTitle = field(fields, 'title');
  const fmTitleText = fmTitle ? cleanTitle(scalarText(fmTitle.value)) : '';
  if (fmTitle && fmTitleText !== '' && !isPlaceholder(fmTitleText)) {
    record.title = fmTitleText;
    record.titleLine = fmTitle.line;
  } else if (titleHeading) {
    record.title = cleanTitle(titleHeading.text);
    record.titleLine = titleHeading.line;
  } else {
    record.title = titleFromFileName(path);
    // A file that is only `---` (or `---\n---`) has no line after its front matter: point at its last line.
    problems.push({ code: 'no-title', severity: 'warning', line: Math.min(frontMatter.bodyStart, lines.length - 1), message: 'This record has no title: add a `# Title` heading or a `title:` field.' });
  }

  const preamble = readPreamble(outline, titleHeading?.line);

  // Status: front matter, then `- Status:` bullets or a metadata table, then a `## Status` section,
  // then an EdgeX change log: the first place that states one.
  const fmStatus = field(fields, 'status');
  const fmStatusText = fmStatus ? scalarText(fmStatus.value).trim() : '';
  let finding: StatusFinding | undefined;
  if (fmStatus && fmStatusText !== '') {
    finding = statusFinding(fmStatusText, fmStatus.line);
    if (finding.status === undefined) {
      problems.push({
        code: 'unknown-status',
        severity: 'warning',
        line: fmStatus.line,
        message: `Unknown status "${fmStatusText}": use one of proposed, accepted, rejected, deprecated, superseded.`,
      });
    }
  }
  const preambleStatus = preamble.get('status');
  if (!finding && preambleStatus && scalarText(preambleStatus.value).trim() !== '') {
    finding = statusFinding(scalarText(preambleStatus.value).trim(), preambleStatus.line);
  }
  const changeLog = latestChangeLogEntry(outline);
  finding ??= statusSection(outline) ?? changeLogStatus(changeLog);
  if (finding) {
    record.statusText = finding.text;
    record.status = finding.status;
  }

  // Date: front matter, then `Date:` lines / bullets / table, then the change log.
  const dateSource = field(fields, ...FRONT_MATTER_ALIASES.date) ?? preamble.get('date') ?? changeLogDate(changeLog);
  if (dateSource) {
    const reading = readDate(dateSource.value);
    if (reading.kind === 'date') record.date = reading.date;
    else if (reading.kind === 'invalid') {
      problems.push({ code: 'invalid-date', severity: 'warning', line: dateSource.line, message: `"${reading.text}" is not a date this reader understands; write it as YYYY-MM-DD.` });
    }
  }

  record.tags = tagList(field(fields, ...FRONT_MATTER_ALIASES.tags)?.value ?? preamble.get('tags')?.value);
  record.decisionMakers = peopleList(field(fields, ...FRONT_MATTER_ALIASES['decision-makers'])?.value ?? (preamble.get('decisionmakers') ?? preamble.get('deciders'))?.value);
  record.consulted = peopleList(field(fields, 'consulted')?.value ?? preamble.get('consulted')?.value);
  record.informed = peopleList(field(fields, 'informed')?.value ?? preamble.get('informed')?.value);
  record.signOff = signOffList(field(fields, ...FRONT_MATTER_ALIASES['sign-off']), problems);
  record.dataSources = dataSourceList(field(fields, ...FRONT_MATTER_ALIASES['data-sources'])?.value);
  record.links = stringList(field(fields, 'links')?.value);

  record.supersedes = unique([
    ...referenceNumbers(field(fields, 'supersedes')?.value ?? preamble.get('supersedes')?.value),
    ...(finding?.supersedes ?? []),
  ]);
  record.supersededBy = unique([
    ...referenceNumbers(field(fields, 'supersededby')?.value ?? preamble.get('supersededby')?.value),
    ...(finding?.supersededBy ?? []),
  ]);
  record.related = unique([...referenceNumbers(field(fields, 'related')?.value), ...(finding?.related ?? [])]);

  record.hasRationale = hasRationale(outline);
  record.contextLine = contextLine(outline);
  record.format = formatOf(path, frontMatter.present, fields, preamble, outline);
  record.problems = problems;
  return detachStrings(record);
}

/**
 * Copies every string the record keeps. Substrings in V8 point into the string they were cut from,
 * so a title cut from a line would keep the whole file text alive for as long as the index holds the
 * record: 10,000 records held about 20 MB more that way.
 */
function detachStrings(record: DecisionRecord): DecisionRecord {
  // V8 copies substrings shorter than 13 characters anyway; only longer ones can be slices.
  const copy = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));
  const copyFields = (target: object): void => {
    const fields = target as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = copy(value);
    }
  };
  copyFields(record);
  record.tags = record.tags.map(copy);
  record.decisionMakers = record.decisionMakers.map(copy);
  record.consulted = record.consulted.map(copy);
  record.informed = record.informed.map(copy);
  record.links = record.links.map(copy);
  record.signOff.forEach(copyFields);
  record.dataSources.forEach(copyFields);
  return record;
}

// ---- Titles -------------------------------------------------------------------------------------

/**
 * A title without the decorations logs put around it: `1. ` (adr-tools), `ADR-12: `, `ADR002: `,
 * `ADR 12 - `, `0001 - ` (numbers the file name already carries), `[Superseded by [ADR-0019](…)] `
 * (elastisys), trailing `{#anchor}` ids.
 */
export function cleanTitle(text: string): string {
  let title = text.replace(/\s*\{#[\w-]+\}\s*$/, '').replace(/\s+/g, ' ').trim();
  const bracketed = leadingBracket(title);
  if (bracketed && /^\[\s*(?:super[sc]e|deprecat|reject|accept|propos|draft|obsolete|retired|replaced)/i.test(bracketed) && title.length > bracketed.length) {
    title = title.slice(bracketed.length).trim();
  }
  const withoutNumber = title
    .replace(/^(?:adr|dr|rfc|decision)[-_ #]?\d+\s*(?:[:.\-–—|)]\s*)?/i, '')
    .replace(/^#?\d+\s*(?:[.:)]|\s[-–—|])\s+/, '');
  return withoutNumber.trim() === '' ? title : withoutNumber.trim();
}

/** `[a [b](c)] rest` → `[a [b](c)]`: a bracket group at the start, nested brackets and links included. */
function leadingBracket(text: string): string | undefined {
  if (!text.startsWith('[')) return undefined;
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') {
      depth--;
      if (depth === 0 && char === ']' && text[index + 1] !== '(') return text.slice(0, index + 1);
    }
  }
  return undefined;
}

/** `docs/decisions/0012-bill-annual-plans_upfront.md` → `Bill annual plans upfront`. */
export function titleFromFileName(path: string): string {
  const stem = fileNameOf(path).replace(/\.[^.]*$/, '');
  const words = stem
    .replace(/^(?:(?:adr|dr|rfc)[-_ ]?)?\d+(?:[-_ ]+|$)/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  const title = words === '' ? stem : words;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function isPlaceholder(text: string): boolean {
  return /^\[[^\]]*\]$|^\{[^}]*\}$|^\{\{.*\}\}$/.test(text.trim());
}

// ---- Lines between the title and the first section ---------------------------------------------

/** The keys read from `- Status: accepted`, `**Date:** …`, `Date: 2016-02-12` lines. */
const PREAMBLE_KEYS: Record<string, string> = {
  status: 'status',
  date: 'date',
  created: 'date',
  decisiondate: 'date',
  lastupdated: 'date',
  deciders: 'decisionmakers',
  decider: 'decisionmakers',
  decisionmakers: 'decisionmakers',
  decisionmaker: 'decisionmakers',
  'decisionmaker(s)': 'decisionmakers',
  consulted: 'consulted',
  informed: 'informed',
  tags: 'tags',
  supersedes: 'supersedes',
  supersededby: 'supersededby',
};

const PREAMBLE_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ()-]*?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/;

/**
 * Metadata before the first section (around the title heading, which some files put after it):
 * MADR 2 / log4brains bullets, the adr-tools `Date:` line, and Docusaurus-style `| Created | Status |`
 * tables (backstage).
 */
function readPreamble(outline: MarkdownOutline, titleLine: number | undefined): Map<string, Located> {
  const found = new Map<string, Located>();
  const next = outline.headings.find((heading) => heading.line !== titleLine);
  const end = next ? next.line : outline.content.length;
  for (let index = outline.bodyStart; index < end; index++) {
    const line = outline.content[index];
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('|')) {
      readTableRow(outline, index, end, found);
      continue;
    }
    const match = PREAMBLE_LINE.exec(line);
    if (!match) continue;
    const key = PREAMBLE_KEYS[match[1].toLowerCase().replace(/[-_\s]+/g, '')];
    if (key && !found.has(key)) found.set(key, { value: match[2], line: index });
  }
  return found;
}

/** A header row naming Status/Date/Created columns, its `---` separator, then one row of values. */
function readTableRow(outline: MarkdownOutline, index: number, end: number, found: Map<string, Located>): void {
  const separator = outline.content[index + 1] ?? '';
  const values = outline.content[index + 2] ?? '';
  if (index + 2 >= end || !/^\s*\|?\s*:?-{2,}/.test(separator) || !values.trimStart().startsWith('|')) return;
  const header = tableCells(outline.content[index]);
  const cells = tableCells(values);
  header.forEach((name, column) => {
    const key = PREAMBLE_KEYS[name.toLowerCase().replace(/[-_\s*]+/g, '')];
    const value = cells[column];
    if (key && value !== undefined && value !== '' && !found.has(key)) found.set(key, { value, line: index + 2 });
  });
}

function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

// ---- Status sections and change logs --------------------------------------------------------------

function statusFinding(text: string, line: number): StatusFinding {
  const reading = interpretStatus(text);
  return { text, line, status: reading.status, supersededBy: reading.supersededBy, supersedes: reading.supersedes, related: [] };
}

/** The lines of an adr-tools / Nygard `## Status` section, sorted the way the reader weighs them. */
export interface StatusSectionLines {
  /** Index of the Status heading in the outline. */
  heading: number;
  /** The first line that states a status (`Accepted`, `**Approved** (by TSC vote)`). */
  first?: number;
  /** What that line says. */
  firstReading?: StatusReading;
  /** `Superseded by […]` lines (adr-tools spells it "Superceded"). */
  supersededBy: number[];
  /** `Supersedes […]` lines. */
  supersedes: number[];
  /** `Amended by […]` / `Amends […]` lines: related records. */
  amends: number[];
  /**
   * The line the status is read from: the first, unless a `Superseded by` line overrules it (a
   * record stays superseded even when `Accepted` is still there), which the editor changes too.
   */
  chosen?: number;
}

/** Finds and sorts the lines of the Status section; comments and fenced code are blank in `outline`. */
export function statusSectionLines(outline: MarkdownOutline): StatusSectionLines | undefined {
  const heading = findSection(outline, (name) => /^(?:current |decision )?status$/.test(name), 1);
  if (heading === -1) return undefined;
  const end = outline.headings[heading + 1]?.line ?? outline.content.length;
  const found: StatusSectionLines = { heading, supersededBy: [], supersedes: [], amends: [] };
  for (let line = outline.headings[heading].line + 1; line < end; line++) {
    const text = outline.content[line].trim();
    if (text === '') continue;
    const words = plainStatusWords(text);
    if (SUPERSEDED_BY.test(words)) found.supersededBy.push(line);
    else if (SUPERSEDES.test(words)) found.supersedes.push(line);
    else if (AMENDS.test(words)) found.amends.push(line);
    else found.first ??= line;
  }
  if (found.first !== undefined) found.firstReading = interpretStatus(outline.content[found.first].trim());
  const superseding = found.supersededBy[0];
  found.chosen = superseding !== undefined && found.firstReading?.status !== 'superseded' ? superseding : found.first;
  return found;
}

/**
 * adr-tools / Nygard `## Status`: the status line, and the links to other records around it
 * (`Superseded by [5. …](0005-….md)`, `Supersedes …`, `Amended by …`, `Amends …`).
 */
function statusSection(outline: MarkdownOutline): StatusFinding | undefined {
  const lines = statusSectionLines(outline);
  if (lines?.chosen === undefined) return undefined;
  const textOf = (line: number): string => outline.content[line].trim();
  const referencesOn = (found: number[]): number[] => found.flatMap((line) => referencesIn(textOf(line)));
  const { firstReading } = lines;
  return {
    text: textOf(lines.chosen),
    line: lines.chosen,
    status: lines.supersededBy.length > 0 ? 'superseded' : firstReading?.status,
    supersededBy: unique([...referencesOn(lines.supersededBy), ...(firstReading?.supersededBy ?? [])]),
    supersedes: unique([...referencesOn(lines.supersedes), ...(firstReading?.supersedes ?? [])]),
    related: referencesOn(lines.amends),
  };
}

/** The newest entry of an EdgeX `## Change Log`: `- [approved](…pull/795) (2022-07-12)` or `- [revised](…) - approved (2023-04-17)`. */
interface ChangeLogEntry {
  state: string;
  status: Status;
  date?: string;
  line: number;
}

function latestChangeLogEntry(outline: MarkdownOutline): ChangeLogEntry | undefined {
  const index = findSection(outline, (name) => /^change ?log$|^revision history$|^history$/.test(name), 2);
  if (index === -1) return undefined;
  const range = sectionRange(outline, index);
  let latest: ChangeLogEntry | undefined;
  for (let line = range.start; line < range.end; line++) {
    const item = /^\s*[-*+]\s+(.*)$/.exec(outline.content[line]);
    if (!item) continue;
    const linkText = /^\[([^\]]+)\]/.exec(item[1])?.[1].trim();
    const rest = item[1].replace(/^\[[^\]]*\]\([^)]*\)/, '').replace(/^[\s\-–—:]+/, '');
    const candidates = [linkText, rest].filter((text): text is string => text !== undefined && text !== '');
    for (const candidate of candidates) {
      const status = interpretStatus(candidate).status;
      if (status === undefined) continue;
      const state = /^[\p{L} ]+/u.exec(plainStatusWords(candidate) === '' ? candidate : candidate.replace(/^[^\p{L}]+/u, ''))?.[0].trim() ?? candidate;
      latest = { state, status, date: /\((\d{4}-\d{2}-\d{2})\)/.exec(item[1])?.[1], line };
      break;
    }
  }
  return latest;
}

function changeLogStatus(entry: ChangeLogEntry | undefined): StatusFinding | undefined {
  return entry ? { text: entry.state, line: entry.line, status: entry.status, supersededBy: [], supersedes: [], related: [] } : undefined;
}

function changeLogDate(entry: ChangeLogEntry | undefined): Located | undefined {
  return entry?.date ? { value: entry.date, line: entry.line } : undefined;
}

// ---- Rationale and context ------------------------------------------------------------------------

function rationaleSection(outline: MarkdownOutline): number {
  return findSection(outline, (name) => /\brationale\b|^why$|^justification$|^reasoning$/.test(name), 2);
}

function decisionSection(outline: MarkdownOutline): number {
  return findSection(outline, (name) => /^decision outcome\b|^(?:the )?decisions?$|^decision made$|^outcome$/.test(name), 2);
}

/**
 * A record says why when it has a Rationale section with text in it (one line of plain text is
 * enough to tell), or when its decision gives a reason: MADR's `Chosen option: "…", because …`,
 * or a Decision section that says "because". The template's unfilled `because {justification…}`
 * does not count.
 */
function hasRationale(outline: MarkdownOutline): boolean {
  const index = rationaleSection(outline);
  if (index !== -1 && plainExcerpt(outline, sectionRange(outline, index), 1) !== undefined) return true;
  const decision = decisionSection(outline);
  if (decision === -1) return false;
  const { start, end } = sectionRange(outline, decision);
  for (let line = start; line < end; line++) {
    if (/\bbecause\b(?![\s:,]*[{[])/i.test(outline.content[line])) return true;
  }
  return false;
}

/** The first non-blank line of the Context section (the line after its heading when it is empty). */
function contextLine(outline: MarkdownOutline): number | undefined {
  const index = findSection(outline, (name) => /^context\b|^background$|^problem statement$/.test(name), 2);
  if (index === -1) return undefined;
  const heading = outline.headings[index];
  const end = outline.headings[index + 1]?.line ?? outline.content.length;
  for (let line = heading.line + 1; line < end; line++) if (outline.content[line].trim() !== '') return line;
  return heading.line + 1;
}

// ---- Front-matter values --------------------------------------------------------------------------

function field(fields: Map<string, FrontMatterField>, ...keys: string[]): FrontMatterField | undefined {
  for (const key of keys) {
    const found = fields.get(key);
    if (found && found.value !== undefined && found.value !== null) return found;
  }
  return undefined;
}

function firstNumber(located: Located | undefined): number | undefined {
  return located ? referenceNumbers(located.value)[0] : undefined;
}

/** A scalar as text; YAML may have made a number, a boolean or a Date of it. */
function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return '';
  return String(value);
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => scalarText(item).trim()).filter((item) => item !== '');
  const text = scalarText(value).trim();
  return text === '' ? [] : [text];
}

/** People as a YAML list, `Ana, Sam and Lee`-style text, or objects with a name. */
function peopleList(value: unknown): string[] {
  // A comma inside brackets belongs to the person: `Fredrik (and others who attended, I think)`.
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s*[,;]\s*(?![^(]*\))/) : value === undefined || value === null ? [] : [value];
  return items
    .map((item) => (item !== null && typeof item === 'object' && !(item instanceof Date) ? scalarText((item as Record<string, unknown>).name) : scalarText(item)).trim())
    .filter((item) => item !== '' && !isPlaceholder(item));
}

/** Tags as a list, or text separated by commas (or, without commas, by spaces, as log4brains writes them). */
function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return stringList(value);
  const text = scalarText(value).trim();
  if (text === '' || isPlaceholder(text)) return [];
  const flow = /^\[(.*)\]$/.exec(text);
  const inner = flow ? flow[1] : text;
  return inner
    .split(inner.includes(',') ? /\s*,\s*/ : /\s+/)
    .map((tag) => tag.replace(/^#/, '').trim())
    .filter((tag) => tag !== '');
}

/**
 * The name the reader gives a `sign-off` item: a plain item (`- Sam Lee`) is the name; an entry's is
 * its `name`, else `who`, else `email`. The editor and the templates match people by it.
 */
export function signOffName(item: unknown): string {
  const entry = typeof item === 'object' && item !== null && !(item instanceof Date) ? (item as Record<string, unknown>) : undefined;
  return scalarText(entry ? (entry.name ?? entry.who ?? entry.email) : item).trim();
}

function signOffList(source: FrontMatterField | undefined, problems: Problem[]): SignOff[] {
  if (!source) return [];
  const items = Array.isArray(source.value) ? source.value : [source.value];
  const signOffs: SignOff[] = [];
  items.forEach((item: unknown, index) => {
    const line = source.itemLines[index] ?? source.line;
    if (item === null || item === undefined) return;
    if (typeof item !== 'object' || item instanceof Date) {
      const name = signOffName(item);
      if (name !== '') signOffs.push({ name, state: 'pending' });
      return;
    }
    const entry = item as Record<string, unknown>;
    const rawState = entry.state ?? entry.status ?? entry.decision;
    const state = normaliseSignOffState(rawState);
    const signOff: SignOff = { name: signOffName(entry), state: state ?? scalarText(rawState).trim() };
    if (state === undefined) {
      problems.push({
        code: 'unknown-sign-off-state',
        severity: 'warning',
        line,
        message: `Unknown sign-off state "${signOff.state}" for ${signOff.name || 'a stakeholder'}: use pending, approved, objected or abstained.`,
      });
    }
    setText(signOff, 'email', entry.email);
    setText(signOff, 'role', entry.role);
    setText(signOff, 'comment', entry.comment ?? entry.note);
    if (entry.date !== undefined && entry.date !== null) {
      const reading = readDate(entry.date);
      if (reading.kind === 'date') signOff.date = reading.date;
      else if (reading.kind === 'invalid') {
        problems.push({ code: 'invalid-date', severity: 'warning', line, message: `"${reading.text}" is not a date this reader understands; write it as YYYY-MM-DD.` });
      }
    }
    signOffs.push(signOff);
  });
  return signOffs;
}

/** Data sources as the reader reads them: `link:`/`href:` are urls, `file:` a path, a plain item a url when it looks like one. */
export function dataSourceList(value: unknown): DataSource[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const sources: DataSource[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (typeof item !== 'object' || item instanceof Date) {
      const text = scalarText(item).trim();
      if (text !== '') sources.push(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? { url: text } : { title: text });
      continue;
    }
    const entry = item as Record<string, unknown>;
    const source: DataSource = {};
    setText(source, 'title', entry.title ?? entry.name);
    setText(source, 'url', entry.url ?? entry.link ?? entry.href);
    setText(source, 'path', entry.path ?? entry.file);
    setText(source, 'note', entry.note ?? entry.notes ?? entry.description ?? entry.comment);
    if (Object.keys(source).length > 0) sources.push(source);
  }
  return sources;
}

function setText<T extends object>(target: T, key: keyof T & string, value: unknown): void {
  const text = scalarText(value).trim();
  if (text !== '') (target as Record<string, unknown>)[key] = text;
}

// ---- Format -------------------------------------------------------------------------------------

function formatOf(path: string, hasFrontMatter: boolean, fields: Map<string, FrontMatterField>, preamble: Map<string, Located>, outline: MarkdownOutline): RecordFormat {
  if (fields.has('signoff') || fields.has('datasources')) return 'rationale';
  if (hasFrontMatter && fields.has('title')) return 'rationale';
  if (hasFrontMatter && ['status', 'date', 'decisionmakers', 'parent', 'navorder', 'adr'].some((key) => fields.has(key))) return 'madr';
  if (preamble.has('status') && /^\d{8}-/.test(fileNameOf(path))) return 'log4brains';
  if (preamble.has('status')) return 'madr';
  if (findSection(outline, (name) => name === 'status', 2) !== -1) return 'nygard';
  if (hasFrontMatter && fields.size > 0) return 'madr';
  return 'unknown';
}

// ---- Helpers ------------------------------------------------------------------------------------

function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function unique(numbers: number[]): number[] {
  return [...new Set(numbers)];
}
