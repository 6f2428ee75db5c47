/**
 * The YAML front matter of a record: where it ends, its fields with the file line each one is on,
 * and what is wrong with it. Malformed YAML still yields the `key: value` lines a person wrote.
 *
 * js-yaml is used directly rather than through gray-matter, which caches by input (sharing objects
 * between calls and hiding errors on a second read) and returns an empty body for an unclosed block
 * (DESIGN.md §5). It is several times faster than the `yaml` package on front matter, which matters
 * when the index reads thousands of records; the editing code keeps `yaml` for its node positions.
 */
import { CORE_SCHEMA, YAMLException, load } from 'js-yaml';
import type { Problem } from './record';

export interface FrontMatterField {
  /** The key as written. */
  key: string;
  value: unknown;
  /** 0-based file line of the key. */
  line: number;
  /** 0-based file lines of the items, when the value is a list. */
  itemLines: number[];
}

export interface FrontMatter {
  /** True when the file opens with `---`. */
  present: boolean;
  /** The first line after the front matter (0 when there is none). */
  bodyStart: number;
  /** Fields by normalised key (`Decision_Makers` → `decisionmakers`). */
  fields: Map<string, FrontMatterField>;
  problems: Problem[];
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/** `decision-makers`, `decision_makers`, `decisionMakers`, `Decision Makers` → `decisionmakers`. */
export function fieldKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]+/g, '');
}

/** The line that closes front matter opened on line 0, -1 when it is never closed, undefined when there is none. */
function closingLine(lines: readonly string[]): number | undefined {
  if (lines.length === 0 || !OPENING.test(lines[0])) return undefined;
  for (let index = 1; index < lines.length; index++) if (CLOSING.test(lines[index])) return index;
  return -1;
}

/** The first line of the body, without reading the front matter's fields. */
export function frontMatterBodyStart(lines: readonly string[]): number {
  const closing = closingLine(lines);
  return closing === undefined ? 0 : closing === -1 ? 1 : closing + 1;
}

export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const closing = closingLine(lines);
  if (closing === undefined) return { present: false, bodyStart: 0, fields: new Map(), problems: [] };
  if (closing === -1) {
    // gray-matter would hand back an empty body here; instead the text after `---` stays the body
    // and the `key: value` lines before the first heading still count.
    const firstHeading = lines.findIndex((line, index) => index > 0 && /^#{1,6}\s/.test(line));
    return {
      present: true,
      bodyStart: 1,
      fields: salvageFields(lines, 1, firstHeading === -1 ? lines.length : firstHeading),
      problems: [
        {
          code: 'unclosed-front-matter',
          severity: 'error',
          line: 0,
          message: 'The front matter opened with --- is never closed; add a --- line after the last field.',
        },
      ],
    };
  }
  const fromYaml = parseFields(lines, closing);
  return { present: true, bodyStart: closing + 1, ...fromYaml };
}

function parseFields(lines: readonly string[], closing: number): { fields: Map<string, FrontMatterField>; problems: Problem[] } {
  const source = lines.slice(1, closing).join('\n');
  let data: unknown;
  try {
    // CORE_SCHEMA is YAML 1.2's: `2021-07-15` stays a string and `yes` stays a word. `json: true`
    // lets a repeated key win instead of failing the whole block.
    data = load(source, { schema: CORE_SCHEMA, json: true });
  } catch (error) {
    // The front matter starts on file line 1, so a 0-based line in `source` is one less than the file's.
    const line = error instanceof YAMLException ? error.mark.line + 1 : 1;
    const reason = error instanceof YAMLException ? error.reason : String(error);
    return { fields: salvageFields(lines, 1, closing), problems: [yamlProblem(reason, line)] };
  }

  const fields = new Map<string, FrontMatterField>();
  if (data === null || data === undefined) return { fields, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    return {
      fields,
      problems: [{ code: 'yaml-syntax', severity: 'warning', line: 1, message: 'The front matter is not a list of `key: value` fields.' }],
    };
  }
  const places = keyPlaces(lines, 1, closing);
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const place = places.get(key);
    const line = place?.line ?? 1;
    const earlier = fields.get(fieldKey(key));
    if (earlier) problems.push(repeatedKey(earlier.key, earlier.line, line));
    fields.set(fieldKey(key), { key, value, line, itemLines: place?.itemLines ?? [] });
  }
  // js-yaml (json: true) keeps the last of two equal keys; the first must not vanish without a word.
  for (const repeat of places.repeats) problems.push(repeatedKey(repeat.key, repeat.line, places.get(repeat.key)?.line ?? repeat.line));
  return { fields, problems };
}

/**
 * Where each top-level key of valid front matter is, and where the items of its block list are
 * (`- name: …` lines at the list's own indent). js-yaml gives values without positions, and a
 * line scan of a block that is known to be valid is enough to place them.
 */
function keyPlaces(lines: readonly string[], from: number, to: number): Map<string, { line: number; itemLines: number[] }> & { repeats: { key: string; line: number }[] } {
  const places = Object.assign(new Map<string, { line: number; itemLines: number[] }>(), { repeats: [] as { key: string; line: number }[] });
  let current: { line: number; itemLines: number[] } | undefined;
  let itemIndent = -1;
  for (let index = from; index < to; index++) {
    const line = lines[index];
    const key = /^(?:"([^"]*)"|'([^']*)'|([^\s#:'"-][^:]*?))[ \t]*:(?:[ \t]|$)/.exec(line);
    if (key) {
      current = { line: index, itemLines: [] };
      itemIndent = -1;
      const name = key[1] ?? key[2] ?? key[3];
      const earlier = places.get(name);
      if (earlier) places.repeats.push({ key: name, line: earlier.line });
      places.set(name, current);
      continue;
    }
    const item = /^([ \t]*)-(?:[ \t]|$)/.exec(line);
    if (!item || !current) continue;
    if (itemIndent === -1) itemIndent = item[1].length;
    if (item[1].length === itemIndent) current.itemLines.push(index);
  }
  return places;
}

/** Two keys the reader takes for one (`status` twice, `sign-off` and `Sign_Off`): the later one counts. */
function repeatedKey(key: string, firstLine: number, laterLine: number): Problem {
  return {
    code: 'duplicate-key',
    severity: 'warning',
    line: firstLine,
    message: `\`${key.trim()}\` is given again on line ${laterLine + 1}, and only that one counts: remove one of them.`,
  };
}

function yamlProblem(reason: string, line: number): Problem {
  return { code: 'yaml-syntax', severity: 'error', line, message: `The front matter is not valid YAML: ${reason}` };
}

/**
 * The top-level `key: value` lines of front matter that YAML could not read, so a title with a
 * stray colon (`title: ADR002: Default format`) is still the title. Values stay strings, flow lists
 * (`[a, b]`) and block lists (`- a`) become lists.
 */
function salvageFields(lines: readonly string[], from: number, to: number): Map<string, FrontMatterField> {
  const fields = new Map<string, FrontMatterField>();
  let current: FrontMatterField | undefined;
  for (let index = from; index < to; index++) {
    const line = lines[index];
    const field = /^([A-Za-z][\w -]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (field) {
      current = { key: field[1], value: salvageValue(field[2] ?? ''), line: index, itemLines: [] };
      fields.set(fieldKey(field[1]), current);
      continue;
    }
    const item = /^[ \t]+-[ \t]+(.*?)[ \t]*$/.exec(line);
    if (item && current && (current.value === '' || Array.isArray(current.value))) {
      current.value = [...(Array.isArray(current.value) ? (current.value as unknown[]) : []), salvageValue(item[1])];
      current.itemLines.push(index);
      continue;
    }
    if (!/^[ \t]/.test(line)) current = undefined;
  }
  return fields;
}

function salvageValue(raw: string): unknown {
  const text = raw.trim();
  if (/^\[.*\]$/.test(text)) {
    return text
      .slice(1, -1)
      .split(',')
      .map((part) => unquote(part.trim()))
      .filter((part) => part !== '');
  }
  return unquote(text);
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\"/g, '"');
  return text.replace(/\s+#\s.*$/, '');
}
