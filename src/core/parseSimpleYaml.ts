/**
 * A fast reader for the plain shape front matter nearly always has: `key: value` lines, flow lists
 * (`[a, b]`), block lists of scalars, and block lists of flat `key: value` maps (sign-offs, data
 * sources). Anything beyond that shape, or any scalar whose meaning is not obvious (`1e3`, `0x1F`,
 * `&anchors`, block scalars, nested maps), makes it give up and the caller uses js-yaml.
 *
 * Why it exists: building the index reads every record, and js-yaml was half of the parse time.
 * Where it answers, it answers exactly what js-yaml's CORE_SCHEMA would (checked by a property test
 * against js-yaml and by every front matter in the fixtures and the corpus).
 */

export interface SimpleYamlField {
  value: unknown;
  /** 0-based file line of the key. */
  line: number;
  /** 0-based file lines of the block-list items. */
  itemLines: number[];
}

/** A field map, or undefined when the text is outside the simple shape. */
export function readSimpleYaml(lines: readonly string[], from: number, to: number): Map<string, SimpleYamlField> | undefined {
  const fields = new Map<string, SimpleYamlField>();
  let current: SimpleYamlField | undefined;
  let list: unknown[] | undefined;
  let itemIndent = -1;
  let item: Record<string, unknown> | undefined;

  for (let index = from; index < to; index++) {
    const line = lines[index];
    if (UNUSUAL_CHARACTERS.test(line)) return undefined;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed[0] === '#') continue;

    if (line[0] !== ' ' && line[0] !== '-') {
      const pair = splitPair(trimmed);
      if (!pair) return undefined;
      const value = pair.value === '' ? null : readValue(pair.value);
      if (value === GIVE_UP) return undefined;
      current = { value, line: index, itemLines: [] };
      fields.set(pair.key, current);
      list = undefined;
      item = undefined;
      itemIndent = -1;
      continue;
    }

    // Inside a key's block: list items at one indent, map continuation lines two spaces deeper.
    if (!current) return undefined;
    const indent = line.length - line.trimStart().length;
    if (trimmed[0] === '-' && (trimmed.length === 1 || trimmed[1] === ' ')) {
      if (list === undefined) {
        if (current.value !== null) return undefined;
        list = [];
        current.value = list;
        itemIndent = indent;
      } else if (indent !== itemIndent) {
        return undefined;
      }
      const content = trimmed.slice(1).trim();
      if (content === '') return undefined;
      const pair = content.includes(':') ? splitPair(content) : undefined;
      if (pair) {
        const value = pair.value === '' ? null : readValue(pair.value);
        if (value === GIVE_UP) return undefined;
        item = { [pair.key]: value };
        list.push(item);
      } else {
        const value = readValue(content);
        if (value === GIVE_UP) return undefined;
        item = undefined;
        list.push(value);
      }
      current.itemLines.push(index);
      continue;
    }
    if (item !== undefined && indent === itemIndent + 2) {
      const pair = splitPair(trimmed);
      if (!pair) return undefined;
      const value = pair.value === '' ? null : readValue(pair.value);
      if (value === GIVE_UP) return undefined;
      item[pair.key] = value;
      continue;
    }
    return undefined;
  }
  return fields;
}

/** Tabs (indentation YAML forbids) and control characters js-yaml rejects. */
// eslint-disable-next-line no-control-regex
const UNUSUAL_CHARACTERS = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const GIVE_UP = Symbol('give up');

/**
 * `key: value` (already trimmed) split at its first colon; undefined when the key is not a bare
 * word or the colon is not followed by a space (`a:b` is a scalar, not a pair).
 */
function splitPair(text: string): { key: string; value: string } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || (colon + 1 < text.length && text[colon + 1] !== ' ')) return undefined;
  const key = text.slice(0, colon);
  if (!KEY.test(key) || key === '__proto__') return undefined;
  return { key, value: text.slice(colon + 1).trim() };
}

const SPECIAL_WORDS = new Map<string, unknown>([
  ['~', null], ['null', null], ['Null', null], ['NULL', null],
  ['true', true], ['True', true], ['TRUE', true],
  ['false', false], ['False', false], ['FALSE', false],
]);

/** Characters that start something other than a plain scalar in YAML. */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

function readValue(text: string): unknown {
  const first = text[0];
  if (first === '[') return readFlowList(text);
  if (first === '"' || first === "'") return readQuoted(text);
  return readPlain(text, false);
}

/** `"text"` without escapes, `'text'` without doubled quotes. */
function readQuoted(text: string): unknown {
  if (text[0] === '"') return /^"[^"\\]*"$/.test(text) ? text.slice(1, -1) : GIVE_UP;
  return /^'[^']*'$/.test(text) ? text.slice(1, -1) : GIVE_UP;
}

function readFlowList(text: string): unknown {
  if (!text.endsWith(']')) return GIVE_UP;
  const inner = text.slice(1, -1);
  if (/[[\]{}#]/.test(inner)) return GIVE_UP;
  if (inner.trim() === '') return [];
  const values: unknown[] = [];
  for (const part of inner.split(',')) {
    const element = part.trim();
    if (element === '') return GIVE_UP;
    // A quoted element holding a comma was cut in two here, and neither half passes as quoted.
    const quote = element[0];
    const value = quote === '"' || quote === "'" ? readQuoted(element) : readPlain(element, true);
    if (value === GIVE_UP) return GIVE_UP;
    values.push(value);
  }
  return values;
}

/** A plain scalar under YAML 1.2's core schema: null, booleans, plain decimal numbers, or text. */
function readPlain(text: string, inFlow: boolean): unknown {
  if (INDICATORS.has(text[0])) return GIVE_UP;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return GIVE_UP;
  if (inFlow && /:(?:\s|$)/.test(text)) return GIVE_UP;
  if (SPECIAL_WORDS.has(text)) return SPECIAL_WORDS.get(text);
  const code = text.charCodeAt(0);
  const numberLike = (code >= 48 && code <= 57) || text[0] === '+' || text[0] === '.';
  // A number has no spaces in it: `0011 - Angular folder structure` is text.
  if (!numberLike || text.includes(' ')) return text;
  if (/^[0-9]{1,15}$/.test(text)) return Number.parseInt(text, 10);
  if (/^[0-9]{1,15}\.[0-9]{1,15}$/.test(text)) return Number(text);
  // Dates stay text under the core schema; other digit-led forms (1e3, 0x1F, 1_000) are left to js-yaml.
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return text;
  return GIVE_UP;
}
