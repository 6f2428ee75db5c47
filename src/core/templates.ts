/**
 * Templates for new records: the built-in ones (our full record, a short one, MADR 4 and
 * adr-tools/Nygard) and custom markdown templates kept in the repository, and the rendering of a
 * template into the text of a new file.
 */
import { Document, isScalar, parse as parseYaml, Scalar, visit } from 'yaml';
import { FileSystem, joinPath } from './fileSystem';
import { normalizeRelativePath } from './folders';
import { parseRecord, signOffName } from './parse';
import { fieldKey } from './parseFrontMatter';
import { FRONT_MATTER_ALIASES, FRONT_MATTER_KEY_ORDER } from './record';

export interface Template {
  id: string;
  label: string;
  description: string;
  /** Markdown after the title heading; may hold `{{title}}`, `{{number}}`, `{{date}}`, `{{id}}`. */
  body: string;
  /** Default front matter merged into the record's (a custom template's own front matter). */
  frontMatter: Record<string, unknown>;
  /**
   * How the record's metadata is written: as YAML front matter, or as adr-tools writes it
   * (`# N. Title`, a `Date:` line and a `## Status` section) for logs that have no front matter.
   */
  header: 'front-matter' | 'nygard';
}

export interface Stakeholder {
  name: string;
  email?: string;
  role?: string;
}

export interface RenderInput {
  /** Undefined in logs that have no numbers (log4brains' dated files). */
  number?: number;
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `DR` in `DR-12`. */
  prefix: string;
  decisionMakers: string[];
  tags: string[];
  stakeholders: Stakeholder[];
}

const FULL_BODY = `## Context

<!-- The situation and what forces a decision now. Facts and numbers, not opinions. -->

## Options considered

<!-- Each option worth weighing, with what speaks for and against it. Include "do nothing". -->

## Decision

<!-- What we will do, in one or two sentences. -->

## Rationale

<!-- Why this option beats the others. Point at the data sources that back it. -->

## Data sources

<!-- Dashboards, queries, research notes or files in the repository behind this decision. Also list them under data-sources in the front matter, so they are checked and linked. -->

## Consequences

<!-- What becomes easier or harder, the follow-up work, and when to revisit this decision. -->
`;

const SHORT_BODY = `## Context

<!-- The situation and what forces a decision now. -->

## Decision

<!-- What we will do. -->

## Rationale

<!-- Why, and what data backs it. -->
`;

// MADR 4's section structure (adr/madr, template/adr-template.md), with our own guidance text.
const MADR_BODY = `## Context and Problem Statement

<!-- Describe the context and the problem in two or three sentences, or as a question. -->

## Decision Drivers

* <!-- a force or concern that shapes the decision -->

## Considered Options

* <!-- title of option 1 -->
* <!-- title of option 2 -->

## Decision Outcome

Chosen option: "<!-- title of option -->", because <!-- justification -->.

### Consequences

* Good, because <!-- positive consequence -->
* Bad, because <!-- negative consequence -->
`;

// adr-tools' template (src/template.md); the header above it is written by renderRecord.
const NYGARD_BODY = `## Context

<!-- The forces at play: technological, political, social and project-specific. -->

## Decision

<!-- The response to these forces, in full sentences: "We will …". -->

## Consequences

<!-- The resulting context after applying the decision, good and bad. -->
`;

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  {
    id: 'full',
    label: 'Full decision record',
    description: 'Context, options, decision, rationale, data sources and consequences',
    body: FULL_BODY,
    frontMatter: {},
    header: 'front-matter',
  },
  {
    id: 'short',
    label: 'Short decision record',
    description: 'Context, decision and rationale',
    body: SHORT_BODY,
    frontMatter: {},
    header: 'front-matter',
  },
  {
    id: 'madr',
    label: 'MADR 4',
    description: 'Markdown Architectural Decision Record: problem, drivers, options, outcome',
    body: MADR_BODY,
    // MADR 4 lists whom it consulted and informed (RACI); ask for them even when empty.
    frontMatter: { consulted: [], informed: [] },
    header: 'front-matter',
  },
  {
    id: 'nygard',
    label: 'Nygard (adr-tools)',
    description: 'Status, context, decision, consequences; no front matter',
    body: NYGARD_BODY,
    frontMatter: {},
    header: 'nygard',
  },
];

export const DEFAULT_TEMPLATE_ID = 'full';

/** The built-in templates followed by the custom ones; a custom template replaces a built-in of the same id. */
export function mergeTemplates(builtIn: readonly Template[], custom: readonly Template[]): Template[] {
  const customIds = new Set(custom.map((template) => template.id));
  return [...builtIn.filter((template) => !customIds.has(template.id)), ...custom];
}

const TEMPLATE_FILE = /\.(md|markdown|mdx)$/i;

/**
 * Reads the custom templates of a folder: each markdown file is one template, named after the file
 * (`security-review.md` → id `security-review`, label "Security review"). Its front matter, if any,
 * becomes the default front matter of records made from it. A missing folder has no templates; a
 * file that cannot be read or whose front matter is broken is reported, not used.
 */
export async function loadCustomTemplates(
  fs: FileSystem,
  configuredFolder: string,
): Promise<{ templates: Template[]; problems: string[] }> {
  const problems: string[] = [];
  // A setting or an argument names the folder; one outside the workspace is not read at all.
  const folder = normalizeRelativePath(configuredFolder);
  if (!folder) return { templates: [], problems: [`The template folder must be a relative path inside the workspace: "${configuredFolder}"`] };
  let entries;
  try {
    entries = await fs.readDirectory(folder);
  } catch (error) {
    if (isNotFound(error)) return { templates: [], problems };
    return { templates: [], problems: [`Cannot list templates in ${folder}: ${messageOf(error)}`] };
  }
  const files = entries
    .filter((entry) => entry.type === 'file' && TEMPLATE_FILE.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const templates: Template[] = [];
  for (const name of files) {
    const path = joinPath(folder, name);
    let text: string;
    try {
      text = new TextDecoder().decode(await fs.readFile(path));
    } catch (error) {
      problems.push(`Cannot read template ${path}: ${messageOf(error)}`);
      continue;
    }
    const split = splitFrontMatter(text);
    if ('error' in split) {
      problems.push(`Template ${path}: ${split.error}`);
      continue;
    }
    const id = name.replace(TEMPLATE_FILE, '');
    templates.push({
      id,
      label: labelFromId(id),
      description: `Custom template ${path}`,
      body: split.body,
      frontMatter: split.frontMatter,
      header: 'front-matter',
    });
  }
  return { templates, problems };
}


/**
 * Keys written even when empty, as prompts: who decides, how it is filed, and above all the data
 * that backs it. The others appear only when they have something to say.
 */
const ALWAYS_WRITTEN = new Set<string>(['title', 'status', 'date', 'decision-makers', 'tags', 'data-sources']);

/** The complete text of a new record file made from `template`. */
export function renderRecord(template: Template, input: RenderInput): string {
  const title = cleanTitle(input.title);
  const values = placeholderValues(input, title);
  const body = fillPlaceholders(template.body, values).replace(/^\s*\n/, '');

  if (template.header === 'nygard') {
    // adr-tools records have no front matter, so tags, decision-makers and sign-off have no place
    // here; they are added later, if the team wants them, by switching the log to front matter.
    const heading = input.number === undefined ? `# ${title}` : `# ${input.number}. ${title}`;
    return `${heading}\n\nDate: ${input.date}\n\n## Status\n\nProposed\n\n${ensureTrailingNewline(body)}`;
  }

  const frontMatter = buildFrontMatter(template, input, title, values);
  // A custom template may bring its own title heading (`# {{title}}`); then it is not doubled.
  const heading = startsWithTitleHeading(body) ? '' : `# ${title}\n\n`;
  return `---\n${frontMatter}---\n${heading}${ensureTrailingNewline(body)}`;
}

/**
 * The 0-based line where the cursor goes after creating a record: the first line of the Context
 * section's body (`## Context`, MADR's `## Context and Problem Statement`), or the line right after
 * the heading when the section holds only its guidance comment, so typing starts above the hint.
 * Undefined without such a section. Delegates to the parser, so the editor and the index agree.
 */
export function contextLineOf(text: string): number | undefined {
  return parseRecord('', text).contextLine;
}

function buildFrontMatter(template: Template, input: RenderInput, title: string, values: Record<string, string>): string {
  const { defaults, spelling } = underOurKeys(fillPlaceholdersDeep(template.frontMatter, values) as Record<string, unknown>);
  const fromInput: Record<string, unknown> = {
    title,
    status: typeof defaults.status === 'string' && defaults.status.trim() !== '' ? defaults.status : 'proposed',
    date: input.date,
    'decision-makers': mergeLists(defaults['decision-makers'], input.decisionMakers),
    consulted: mergeLists(defaults.consulted, []),
    informed: mergeLists(defaults.informed, []),
    tags: mergeLists(defaults.tags, input.tags),
    'sign-off': mergeSignOff(defaults['sign-off'], input.stakeholders),
    'data-sources': Array.isArray(defaults['data-sources']) ? defaults['data-sources'] : [],
    supersedes: defaults.supersedes,
    'superseded-by': defaults['superseded-by'],
    related: defaults.related,
    links: defaults.links,
  };

  const ordered: Record<string, unknown> = {};
  // Our keys in their order, then whatever else the template brings.
  for (const key of FRONT_MATTER_KEY_ORDER) {
    const value = fromInput[key];
    // A key the template names explicitly (MADR's `consulted: []`) is a prompt of its own.
    if (ALWAYS_WRITTEN.has(key) || key in defaults || !isEmpty(value)) ordered[spelling.get(key) ?? key] = value;
  }
  // Whatever else the template sets (site fields such as `parent`, team-specific keys) follows.
  for (const [key, value] of Object.entries(defaults)) {
    if (!(key in fromInput) && value !== undefined) ordered[key] = value;
  }
  return stringifyFrontMatter(ordered, spelling.get('date') ?? 'date');
}

/**
 * A template's front matter with our keys under our names however it spells them (`Status`,
 * `Sign_Off`, `signoffs`; see FRONT_MATTER_ALIASES), and the spelling it uses for each, which the
 * record keeps. Written beside our own keys they would be one key given twice, and one of them
 * lost. Two spellings of one key in the template are merged: lists joined, else the first value.
 */
function underOurKeys(frontMatter: Record<string, unknown>): { defaults: Record<string, unknown>; spelling: Map<string, string> } {
  const ours = new Map<string, string>();
  for (const [key, names] of Object.entries(FRONT_MATTER_ALIASES)) for (const name of names) ours.set(name, key);
  const defaults: Record<string, unknown> = {};
  const spelling = new Map<string, string>();
  for (const [written, value] of Object.entries(frontMatter)) {
    const key = ours.get(fieldKey(written));
    if (key === undefined) {
      defaults[written] = value;
      continue;
    }
    if (!spelling.has(key)) spelling.set(key, written);
    const earlier = defaults[key];
    if (Array.isArray(earlier) && Array.isArray(value)) defaults[key] = [...earlier, ...value];
    else if (isEmpty(earlier)) defaults[key] = value;
  }
  return { defaults, spelling };
}

/**
 * YAML in the style of the DESIGN example: flow `[a, b]` for lists of plain values, block style for
 * lists of maps (sign-off, data sources), no line folding. Strings a YAML 1.1 reader would take for
 * something else (`yes`, `2026-11-22`, `0005`) are quoted, since records are also read by tools on
 * js-yaml; only `date` stays a plain date, as people write it.
 */
function stringifyFrontMatter(values: Record<string, unknown>, dateKey: string): string {
  const document = new Document(values);
  visit(document, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Scalar(_key, node) {
      if (typeof node.value === 'string' && isAmbiguousPlain(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const date = document.get(dateKey, true);
  if (isScalar(date) && typeof date.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
    date.type = Scalar.PLAIN;
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function isAmbiguousPlain(value: string): boolean {
  if (value === '') return false;
  try {
    // Quietly: a title such as `%2e%2e` reads as a directive, and yaml would warn on the console.
    return parseYaml(value, { version: '1.1', logLevel: 'error' }) !== value;
  } catch {
    return true;
  }
}

function placeholderValues(input: RenderInput, title: string): Record<string, string> {
  const number = input.number === undefined ? '' : String(input.number);
  return {
    title,
    number,
    date: input.date,
    id: input.number === undefined ? '' : `${input.prefix}-${input.number}`,
  };
}

function fillPlaceholders(text: string, values: Record<string, string>): string {
  // Unknown placeholders are left alone: they may be meant for another tool. Own keys only, so that
  // `{{constructor}}` in a template is not filled with what every object inherits.
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const key = name.toLowerCase();
    return Object.hasOwn(values, key) ? values[key] : whole;
  });
}

function fillPlaceholdersDeep(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return fillPlaceholders(value, values);
  if (Array.isArray(value)) return value.map((item) => fillPlaceholdersDeep(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillPlaceholdersDeep(item, values)]));
  }
  return value;
}

function mergeLists(defaults: unknown, given: readonly string[]): unknown[] {
  const merged: unknown[] = [];
  const seen = new Set<string>();
  const fromDefaults = Array.isArray(defaults) ? defaults : defaults === undefined || defaults === null ? [] : [defaults];
  for (const item of [...fromDefaults, ...given]) {
    const key = typeof item === 'string' ? item.trim().toLowerCase() : JSON.stringify(item);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    merged.push(typeof item === 'string' ? item.trim() : item);
  }
  return merged;
}

function mergeSignOff(defaults: unknown, stakeholders: readonly Stakeholder[]): unknown[] {
  const entries: unknown[] = Array.isArray(defaults) ? [...defaults] : [];
  const named = new Set(entries.map((entry) => signOffName(entry).toLowerCase()));
  for (const stakeholder of stakeholders) {
    const name = stakeholder.name.trim();
    if (name === '' || named.has(name.toLowerCase())) continue;
    named.add(name.toLowerCase());
    const entry: Record<string, string> = { name };
    if (stakeholder.email?.trim()) entry.email = stakeholder.email.trim();
    if (stakeholder.role?.trim()) entry.role = stakeholder.role.trim();
    entry.state = 'pending';
    entries.push(entry);
  }
  return entries;
}

/** Template front matter is split by hand: gray-matter caches by input and hides unclosed blocks. */
function splitFrontMatter(text: string): { frontMatter: Record<string, unknown>; body: string } | { error: string } {
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (!/^---[ \t]*\r?\n/.test(withoutBom)) return { frontMatter: {}, body: withoutBom };
  const match = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(withoutBom);
  if (!match) return { error: 'front matter opens with --- but never closes' };
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    return { error: `front matter is not valid YAML: ${messageOf(error)}` };
  }
  if (data !== null && data !== undefined && !isRecord(data)) return { error: 'front matter is not a mapping of keys to values' };
  return { frontMatter: { ...(data ?? {}) }, body: withoutBom.slice(match[0].length) };
}

function startsWithTitleHeading(body: string): boolean {
  for (const line of body.split(/\r?\n/)) {
    if (line.trim() === '' || /^\s*<!--.*-->\s*$/.test(line)) continue;
    return /^#\s/.test(line);
  }
  return false;
}

function cleanTitle(title: string): string {
  const single = title.replace(/\s+/g, ' ').trim();
  return single === '' ? 'Untitled' : single;
}

function labelFromId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words === '' ? id : words[0].toUpperCase() + words.slice(1);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0) || value === '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function ensureTrailingNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'FileNotFound';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
