/**
 * The YAML front matter of a record: where it ends, its fields with the file line each one is on,
 * and what is wrong with it. Malformed YAML still yields the `key: value` lines a person wrote.
 *
 * The `yaml` package is used directly rather than through gray-matter: it reports errors with
 * positions, gives each node's place in the text, keeps `2021-07-15` a string (YAML 1.2) and has no
 * input cache to share objects between calls (DESIGN.md §5).
 */
import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';
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

export function readFrontMatter(lines: readonly string[]): FrontMatter {
  if (lines.length === 0 || !OPENING.test(lines[0])) return { present: false, bodyStart: 0, fields: new Map(), problems: [] };
  let closing = -1;
  for (let index = 1; index < lines.length; index++) {
    if (CLOSING.test(lines[index])) {
      closing = index;
      break;
    }
  }
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
  const lineCounter = new LineCounter();
  // The front matter starts on file line 1, so a 1-based line in `source` is the 0-based file line.
  const fileLine = (offset: number): number => lineCounter.linePos(offset).line;
  let document: Document.Parsed;
  try {
    document = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: true });
  } catch (error) {
    return { fields: salvageFields(lines, 1, closing), problems: [yamlProblem(String(error), 0)] };
  }
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = error.linePos ? error.linePos[0].line : fileLine(error.pos[0]);
    return { fields: salvageFields(lines, 1, closing), problems: [yamlProblem(error.message, line)] };
  }

  const fields = new Map<string, FrontMatterField>();
  const contents = document.contents;
  if (contents === null || source.trim() === '') return { fields, problems: [] };
  if (!isMap(contents)) {
    return {
      fields,
      problems: [{ code: 'yaml-syntax', severity: 'warning', line: 1, message: 'The front matter is not a list of `key: value` fields.' }],
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return { fields: salvageFields(lines, 1, closing), problems: [yamlProblem(error instanceof Error ? error.message : String(error), 1)] };
  }
  const values = data as Record<string, unknown>;
  for (const pair of contents.items) {
    const keyNode = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    const key = String(keyNode?.value ?? keyNode);
    const line = keyNode?.range ? fileLine(keyNode.range[0]) : 1;
    const itemLines = isSeq(pair.value) ? pair.value.items.map((item) => (item && typeof item === 'object' && 'range' in item && item.range ? fileLine(item.range[0]) : line)) : [];
    fields.set(fieldKey(key), { key, value: values[key], line, itemLines });
  }
  return { fields, problems: [] };
}

function yamlProblem(message: string, line: number): Problem {
  const reason = message.split('\n')[0].replace(/\s+at line \d+, column \d+:?\s*$/, '');
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
