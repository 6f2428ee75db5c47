/**
 * Surgical edits of a record's YAML front matter. The `yaml` document model (with source ranges)
 * only *locates* keys and values; the change is a splice of new text at those offsets. Everything
 * else in the file — comments, key order, quoting, indentation, flow or block list style, line
 * endings, a BOM — stays byte for byte as the author wrote it. The whole front matter is never
 * re-stringified.
 */
import { CST, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { columnOf, endsLinesWithCrOnly, lineEndingOf, lineOf, lineStart, nextLineStart, withLineEnding } from './editText';
import type { LineEnding } from './editText';
import { fieldKey } from './parseFrontMatter';
import { FRONT_MATTER_ALIASES } from './record';

/** Replace `[start, end)` of the original text with `newText`. Offsets count UTF-16 code units. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Either the edits that perform an operation, or why it was refused (then nothing changes). */
export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; message: string };

/**
 * Applies edits computed against `text`. Edits at the same offset are applied in the order given,
 * so two insertions at one place keep the order in which they were made. Overlapping edits are a
 * programming error and throw.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index }));
  ordered.sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  let result = '';
  let position = 0;
  for (const { edit } of ordered) {
    if (edit.start < position || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`Overlapping or invalid edit [${edit.start}, ${edit.end})`);
    }
    result += text.slice(position, edit.start) + edit.newText;
    position = edit.end;
  }
  return result + text.slice(position);
}

/** Where a file's front matter is: its YAML lies in `[contentStart, contentEnd)`, between the fences. */
export type FrontMatterLocation =
  | { kind: 'closed'; contentStart: number; contentEnd: number }
  | { kind: 'unclosed' }
  /** No front matter; a new block would go at `insertAt` (after a BOM, if any). */
  | { kind: 'none'; insertAt: number };

const OPENING_FENCE = /---[ \t]*(?:\r?\n|$)/y;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/;

/** Finds the front matter: a first line `---` and the next line that is `---` (or `...`). */
export function locateFrontMatter(text: string): FrontMatterLocation {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  OPENING_FENCE.lastIndex = start;
  const opening = OPENING_FENCE.exec(text);
  if (!opening) return { kind: 'none', insertAt: start };
  const contentStart = start + opening[0].length;
  for (let lineBegin = contentStart; lineBegin < text.length; lineBegin = nextLineStart(text, lineBegin)) {
    const lineEnd = text.indexOf('\n', lineBegin);
    if (CLOSING_FENCE.test(text.slice(lineBegin, lineEnd === -1 ? text.length : lineEnd))) {
      return { kind: 'closed', contentStart, contentEnd: lineBegin };
    }
  }
  return { kind: 'unclosed' };
}

/** A scalar the writer can put into front matter. */
export type ScalarValue = string | number;
/** A list item: a scalar, or a small map (a sign-off entry, a data source) whose fields keep the given order. */
export type ItemValue = ScalarValue | ItemFields;
export type ItemFields = Readonly<Record<string, ScalarValue | undefined>>;

type QuoteType = 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';

/** Thrown inside an edit operation to refuse it; {@link attemptEdit} turns it into `{ ok: false }`. */
export class EditRefusal extends Error {}

/**
 * Runs an edit operation over `text`, turning a refusal into a result so no operation ever throws
 * at its caller. Edits that would not change anything are dropped, so a no-op yields no edits.
 *
 * The operation is given the text to work on. For a file whose lines end in a lone CR (old Mac),
 * that is the text with LF instead: the same length, so the offsets hold, and the lines the
 * editing code knows. The new text is written back with CR.
 */
export function attemptEdit(text: string, operation: (text: string) => TextEdit[]): EditResult {
  const crOnly = endsLinesWithCrOnly(text);
  try {
    const edits = operation(crOnly ? text.replace(/\r/g, '\n') : text)
      .map((edit) => (crOnly ? { ...edit, newText: edit.newText.replace(/\n/g, '\r') } : edit))
      .filter((edit) => edit.newText !== text.slice(edit.start, edit.end));
    return { ok: true, edits };
  } catch (error) {
    if (error instanceof EditRefusal) return { ok: false, message: error.message };
    throw error;
  }
}

interface InsertOptions {
  /** Keys after which a new key may go: it is placed after whichever of them comes last in the file. */
  after?: readonly string[];
}

interface AppendOptions extends InsertOptions {
  /** How to write a list that does not exist yet. Map items are always written as a block list. */
  newListStyle?: 'flow' | 'block';
}

/**
 * Collects edits to one file's front matter. Every method either records edits or throws an
 * {@link EditRefusal}; {@link edits} returns them, wrapped in a new `---` block when the file had
 * no front matter.
 */
export class FrontMatterEditor {
  private readonly pending: TextEdit[] = [];
  /** Pending insertions of lines that belong to a node above them (list items, entry fields). */
  private readonly nested = new Set<TextEdit>();
  private quoteHabit: QuoteType | undefined | null = null;

  private constructor(
    private readonly text: string,
    private readonly location: Extract<FrontMatterLocation, { kind: 'closed' | 'none' }>,
    private readonly document: Document.Parsed | undefined,
    readonly eol: LineEnding,
  ) {}

  /** Opens a file's front matter for editing; refuses malformed YAML, an unclosed block or a non-map. */
  static open(text: string): FrontMatterEditor {
    // Its fences would not be found, and a second front matter block written above the first.
    if (endsLinesWithCrOnly(text)) throw new EditRefusal('This file ends its lines with a lone carriage return (old Mac style), which Rationale cannot edit in place.');
    const location = locateFrontMatter(text);
    const eol = lineEndingOf(text);
    if (location.kind === 'unclosed') {
      throw new EditRefusal('The front matter is not closed: add a line with `---` after it, then try again.');
    }
    if (location.kind === 'none') return new FrontMatterEditor(text, location, undefined, eol);
    const source = text.slice(location.contentStart, location.contentEnd);
    const document = parseDocument(source, { keepSourceTokens: true, uniqueKeys: true });
    if (document.errors.length > 0) {
      const error = document.errors[0];
      const line = (error.linePos?.[0].line ?? 1) + lineOf(text, location.contentStart);
      throw new EditRefusal(`The front matter is not valid YAML (line ${line}): ${firstLine(error.message)}`);
    }
    if (document.contents !== null && !isMap(document.contents)) {
      throw new EditRefusal('The front matter is not a list of `key: value` lines.');
    }
    return new FrontMatterEditor(text, location, document, eol);
  }

  /** True when the file has a front matter block (possibly empty). */
  get exists(): boolean {
    return this.location.kind === 'closed';
  }

  /** True when the front matter has `key` at its top level. */
  has(key: string): boolean {
    return this.pairOf(key) !== undefined;
  }

  /** The plain JavaScript value of a top-level key, or undefined when absent. */
  get(key: string): unknown {
    const value = this.pairOf(key)?.value;
    return value && typeof (value as YamlNode).toJSON === 'function' ? (value as YamlNode).toJSON() : value;
  }

  /**
   * Sets a top-level key to a scalar. An existing value keeps its quote style (and its trailing
   * comment); a missing key is added after the last of `options.after`, or at the end.
   */
  setScalar(key: string, value: ScalarValue, options: InsertOptions = {}): void {
    const pair = this.pairOf(key);
    if (!pair) {
      const indent = this.mapIndent();
      this.insert(this.anchorOffset(options.after), `${' '.repeat(indent)}${key}: ${this.format(value, { indent: indent + 2, inFlow: false })}\n`);
      return;
    }
    this.replaceScalar(pair, key, value);
  }

  /**
   * Appends items to the list under a top-level key, keeping its flow (`[a, b]`) or block (`- a`)
   * style. Creates the key when missing. Refuses when the key holds something other than a list.
   */
  appendItems(key: string, items: readonly ItemValue[], options: AppendOptions = {}): void {
    if (items.length === 0) return;
    const pair = this.pairOf(key);
    const wantsBlock = options.newListStyle === 'block' || items.some((item) => typeof item === 'object');
    if (!pair) {
      const indent = this.mapIndent();
      const head = `${' '.repeat(indent)}${key}:`;
      const text = wantsBlock
        ? `${head}\n${this.blockItems(items, indent + this.sequenceIndentHabit(), indent + this.sequenceIndentHabit() + 2)}`
        : `${head} ${this.flowList(items, undefined)}\n`;
      this.insert(this.anchorOffset(options.after), text);
      return;
    }
    const node = pair.value as YamlNode | null;
    // An empty value, or an empty `[]` about to receive entries (sign-off, data sources), becomes
    // a list in the style the items read best in.
    const emptyFlowForMaps = isSeq(node) && node.flow && node.items.length === 0 && items.some((item) => typeof item === 'object');
    if ((isScalar(node) && node.value === null) || emptyFlowForMaps) {
      this.appendToEmpty(node, pair, items, wantsBlock);
      return;
    }
    if (!isSeq(node)) throw new EditRefusal(`\`${this.writtenKey(key)}\` holds ${describe(node)}; expected a list.`);
    if (node.flow) this.appendToFlowList(node, items);
    else this.appendToBlockList(node, items);
  }

  /**
   * Sets fields of the map at `index` in the list under `key`: replaces existing values in place
   * and adds missing fields after the entry's last field. Undefined fields are left alone.
   */
  setItemFields(key: string, index: number, fields: ItemFields): void {
    const list = this.pairOf(key)?.value as YamlNode | undefined;
    if (!isSeq(list)) throw new EditRefusal(`\`${this.writtenKey(key)}\` holds ${describe(list)}; expected a list.`);
    const entry = list.items[index] as YamlNode | undefined;
    if (!isMap(entry)) throw new EditRefusal(`Entry ${index + 1} of \`${key}\` is ${describe(entry)}; expected \`field: value\` lines.`);
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const pair = pairIn(entry, field);
      // Inside `{name: …, state: …}` a multi-line value must stay a quoted string, not a block scalar.
      if (pair) this.replaceScalar(pair, `${key}[${index}].${field}`, value, Boolean(entry.flow));
      else this.addField(entry, field, value);
    }
  }

  /**
   * Replaces the scalar at the given top-level list's `index` (numbers in `related`, say). A number
   * written with leading zeros (`0014`) keeps its width.
   */
  setListItem(key: string, index: number, value: ScalarValue): void {
    const list = this.pairOf(key)?.value as YamlNode | undefined;
    const item = isSeq(list) ? (list.items[index] as YamlNode | undefined) : undefined;
    if (!isScalar(item) || !item.range) throw new EditRefusal(`Item ${index + 1} of \`${key}\` is not a single value.`);
    const padded = typeof value === 'number' && Number.isInteger(value) && value >= 0 && typeof item.value === 'number' && /^0\d+$/.test(item.source ?? '');
    if (padded) {
      this.pending.push({ start: this.at(item.range[0]), end: this.at(item.range[1]), newText: String(value).padStart((item.source ?? '').length, '0') });
      return;
    }
    this.replaceRange(item, value, { indent: this.columnAt(item.range[0]) + 2, inFlow: list !== undefined && isSeq(list) && Boolean(list.flow) });
  }

  /** The edits made so far; for a file without front matter, one insertion of a complete `---` block. */
  edits(): TextEdit[] {
    if (this.location.kind === 'closed') return this.pending.map((edit) => ({ ...edit, newText: withLineEnding(edit.newText, this.eol) }));
    if (this.pending.length === 0) return [];
    const body = this.pending.map((edit) => edit.newText).join('');
    const at = this.location.insertAt;
    return [{ start: at, end: at, newText: withLineEnding(`---\n${body}---\n`, this.eol) }];
  }

  // --- locating ---------------------------------------------------------------------------------

  private get base(): number {
    return this.location.kind === 'closed' ? this.location.contentStart : this.location.insertAt;
  }

  private get root(): YAMLMap | undefined {
    const contents = this.document?.contents;
    return isMap(contents) ? contents : undefined;
  }

  /**
   * The top-level pair the reader takes for `key`: of the spellings it accepts (`Sign_Off`,
   * `signoffs`; see FRONT_MATTER_ALIASES), the first that holds a value, else the first present.
   * Adding a second `sign-off:` beside a `signoffs:` would hide the entries of the first. Of two
   * keys the reader takes for one name (`status:` and `Status:`), it reads the last, so that is
   * the one edited.
   */
  private pairOf(key: string): Pair | undefined {
    const root = this.root;
    if (!root) return undefined;
    const names = Object.hasOwn(FRONT_MATTER_ALIASES, key) ? FRONT_MATTER_ALIASES[key as keyof typeof FRONT_MATTER_ALIASES] : [fieldKey(key)];
    const spelled = names.map((name) => [...root.items].reverse().find((pair) => isScalar(pair.key) && fieldKey(String(pair.key.value)) === name));
    return spelled.find((pair) => pair !== undefined && !isEmptyValue(pair.value)) ?? spelled.find((pair) => pair !== undefined);
  }

  /** The key of `key`'s pair as the file writes it (`signoffs`), for messages. */
  private writtenKey(key: string): string {
    const pair = this.pairOf(key);
    return pair && isScalar(pair.key) ? String(pair.key.value) : key;
  }

  /** Absolute offset of a position in the YAML source. */
  private at(offset: number): number {
    return this.base + offset;
  }

  private columnAt(yamlOffset: number): number {
    return columnOf(this.text, this.at(yamlOffset));
  }

  /** The line start right after a node ends (skipping a trailing comment on its last line). */
  private afterNode(yamlEnd: number): number {
    const end = this.at(yamlEnd);
    return end > 0 && this.text[end - 1] === '\n' ? end : nextLineStart(this.text, end);
  }

  private mapIndent(): number {
    const root = this.root;
    if (!root?.range || root.items.length === 0) return 0;
    // The indentation of the first key's line, not the key's column: an anchor or tag before the
    // first key (`&a status: x`) does not indent the keys that follow it.
    const begin = lineStart(this.text, this.at(root.range[0]));
    return /^ */.exec(this.text.slice(begin, this.at(root.range[0])))?.[0].length ?? 0;
  }

  /** Where a new top-level key goes: after the last of `after` present in the file, else at the end. */
  private anchorOffset(after: readonly string[] = []): number {
    const root = this.root;
    if (!root || root.items.length === 0) return this.location.kind === 'closed' ? this.location.contentEnd : this.location.insertAt;
    let anchor = root.items[root.items.length - 1];
    for (const pair of root.items) {
      if (isScalar(pair.key) && after.includes(String(pair.key.value))) anchor = pair;
    }
    return this.afterNode(pairEnd(anchor));
  }

  /** Whether the file indents block lists under their key (`key:\n  - a`) or not (`key:\n- a`). */
  private sequenceIndentHabit(): number {
    for (const pair of this.root?.items ?? []) {
      const value = pair.value as YamlNode | null;
      if (isSeq(value) && !value.flow && value.range && isScalar(pair.key) && pair.key.range) {
        return Math.max(0, this.columnAt(value.range[0]) - this.columnAt(pair.key.range[0]));
      }
    }
    return 2;
  }

  /** The quote style the file already uses for quoted strings, when it uses one more than the other. */
  private fileQuoteHabit(): QuoteType | undefined {
    if (this.quoteHabit !== null) return this.quoteHabit;
    let single = 0;
    let double = 0;
    if (this.document) {
      visit(this.document, {
        Scalar(_key, node) {
          if (node.type === 'QUOTE_SINGLE') single++;
          else if (node.type === 'QUOTE_DOUBLE') double++;
        },
      });
    }
    this.quoteHabit = single > double ? 'QUOTE_SINGLE' : double > 0 ? 'QUOTE_DOUBLE' : undefined;
    return this.quoteHabit;
  }

  // --- writing ----------------------------------------------------------------------------------

  private insert(offset: number, newText: string): void {
    this.pending.push({ start: offset, end: offset, newText });
  }

  /**
   * Inserts lines that belong to the node ending at `offset` (list items, an entry's fields): they
   * go before a new top-level key inserted at the same place in this edit, or the key would split
   * them from their list (`superseded-by:` … `status: superseded` … `- 2`).
   */
  private insertNested(offset: number, newText: string): void {
    const edit = { start: offset, end: offset, newText };
    this.nested.add(edit);
    // After nested lines already inserted here (fields keep the order they were given in), before any key.
    const firstKeyAtOffset = this.pending.findIndex((other) => other.start === offset && other.end === offset && !this.nested.has(other));
    if (firstKeyAtOffset === -1) this.pending.push(edit);
    else this.pending.splice(firstKeyAtOffset, 0, edit);
  }

  private replaceScalar(pair: Pair, name: string, value: ScalarValue, inFlow = false): void {
    const node = pair.value as YamlNode | null;
    if (!isScalar(node) || !node.range) throw new EditRefusal(`\`${name}\` holds ${describe(node)}; expected a single value.`);
    const keyColumn = isScalar(pair.key) && pair.key.range ? this.columnAt(pair.key.range[0]) : 0;
    this.replaceRange(node, value, { indent: keyColumn + 2, inFlow });
  }

  private replaceRange(node: Scalar, value: ScalarValue, context: { indent: number; inFlow: boolean }): void {
    const [start, end] = node.range as [number, number, number];
    const quote = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : undefined;
    let newText = this.format(value, { ...context, quote });
    const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    // A block scalar's range runs to the start of the next line; the replacement must end its line.
    if (isBlock) newText += '\n';
    // An empty value (`date:`) sits right after the colon and needs a space before the new value.
    if (start === end && this.text[this.at(start) - 1] === ':') newText = ` ${newText}`;
    // An empty value followed by a comment (`date: # when`): without a space the comment would
    // become part of the value (`2026-11-22# when`) or break a flow list.
    if (start === end && this.text[this.at(end)] === '#') newText += ' ';
    let editEnd = this.at(end);
    // Keep an aligned trailing comment (`status: proposed   # …`) in its column when the value's length changes.
    const padding = isBlock || newText.includes('\n') ? null : /^( {2,})#/.exec(this.text.slice(editEnd, editEnd + 200));
    if (padding) {
      const shift = newText.length - (editEnd - this.at(start));
      newText += ' '.repeat(Math.max(1, padding[1].length - shift));
      editEnd += padding[1].length;
    }
    this.pending.push({ start: this.at(start), end: editEnd, newText });
  }

  private appendToEmpty(node: Scalar | YAMLSeq, pair: Pair, items: readonly ItemValue[], block: boolean): void {
    const [start, end] = node.range ?? [0, 0];
    const keyColumn = isScalar(pair.key) && pair.key.range ? this.columnAt(pair.key.range[0]) : 0;
    if (!block) {
      const space = this.text[this.at(start) - 1] === ':' ? ' ' : '';
      const beforeComment = this.text[this.at(end)] === '#' ? ' ' : '';
      this.pending.push({ start: this.at(start), end: this.at(end), newText: space + this.flowList(items, undefined) + beforeComment });
      return;
    }
    // `key: ~`, `key: null` or `key: []`: the explicit empty value goes, the list starts on the next line.
    if (end > start) {
      const spaces = /[ \t]*$/.exec(this.text.slice(0, this.at(start)))?.[0].length ?? 0;
      this.pending.push({ start: this.at(start) - spaces, end: this.at(end), newText: '' });
    }
    const dash = keyColumn + this.sequenceIndentHabit();
    this.insertNested(this.afterNode(end), this.blockItems(items, dash, dash + 2));
  }

  private appendToFlowList(list: YAMLSeq, items: readonly ItemValue[]): void {
    const [start, end] = list.range as [number, number, number];
    const existing = list.items as YamlNode[];
    const quote = commonQuote(existing);
    if (existing.length === 0) {
      this.pending.push({ start: this.at(start), end: this.at(end), newText: this.flowList(items, quote) });
      return;
    }
    const last = existing[existing.length - 1];
    const lastEnd = last.range ? last.range[1] : end - 1;
    const rendered = items.map((item) => this.flowItem(item, quote)).join(', ');
    this.insert(this.at(lastEnd), `, ${rendered}`);
  }

  private appendToBlockList(list: YAMLSeq, items: readonly ItemValue[]): void {
    const existing = list.items as YamlNode[];
    const [start] = list.range as [number, number, number];
    const dash = this.columnAt(start);
    const first = existing[0];
    const sameLine = first?.range && !this.text.slice(this.at(start), this.at(first.range[0])).includes('\n');
    const content = first?.range && sameLine ? this.columnAt(first.range[0]) : dash + 2;
    const last = existing[existing.length - 1];
    const offset = this.afterNode(last?.range ? last.range[1] : (list.range as [number, number, number])[1]);
    this.insertNested(offset, this.blockItems(items, dash, content));
  }

  private addField(entry: YAMLMap, field: string, value: ScalarValue): void {
    const pairs = entry.items;
    const range = entry.range as [number, number, number];
    if (entry.flow) {
      const rendered = `${field}: ${this.format(value, { indent: 0, inFlow: true })}`;
      if (pairs.length === 0) {
        this.pending.push({ start: this.at(range[0]), end: this.at(range[1]), newText: `{ ${rendered} }` });
      } else {
        this.insert(this.at(pairEnd(pairs[pairs.length - 1])), `, ${rendered}`);
      }
      return;
    }
    const column = this.columnAt(range[0]);
    this.insertNested(this.afterNode(range[1]), `${' '.repeat(column)}${field}: ${this.format(value, { indent: column + 2, inFlow: false })}\n`);
  }

  // --- rendering --------------------------------------------------------------------------------

  private blockItems(items: readonly ItemValue[], dash: number, content: number): string {
    let text = '';
    for (const item of items) {
      if (typeof item !== 'object') {
        text += `${' '.repeat(dash)}- ${this.format(item, { indent: content, inFlow: false })}\n`;
        continue;
      }
      const fields = Object.entries(item).filter((entry): entry is [string, ScalarValue] => entry[1] !== undefined);
      fields.forEach(([field, value], index) => {
        const lead = index === 0 ? `${' '.repeat(dash)}-${' '.repeat(Math.max(1, content - dash - 1))}` : ' '.repeat(content);
        text += `${lead}${field}: ${this.format(value, { indent: content + 2, inFlow: false })}\n`;
      });
    }
    return text;
  }

  private flowList(items: readonly ItemValue[], quote: QuoteType | undefined): string {
    return `[${items.map((item) => this.flowItem(item, quote)).join(', ')}]`;
  }

  private flowItem(item: ItemValue, quote: QuoteType | undefined): string {
    if (typeof item !== 'object') return this.format(item, { indent: 0, inFlow: true, quote });
    const fields = Object.entries(item).filter((entry): entry is [string, ScalarValue] => entry[1] !== undefined);
    return `{${fields.map(([field, value]) => `${field}: ${this.format(value, { indent: 0, inFlow: true })}`).join(', ')}}`;
  }

  /**
   * Writes a scalar the way YAML needs it: plain when that reads back as the same string, else in
   * the quote style asked for (an existing value's), else the file's habit, else double quotes.
   * Multi-line text becomes a literal block (`|-`) outside flow lists.
   */
  private format(value: ScalarValue, context: { indent: number; inFlow: boolean; quote?: QuoteType }): string {
    return formatScalar(value, { ...context, fallbackQuote: context.quote ?? this.fileQuoteHabit() });
  }
}

/** Renders one scalar as YAML source (no trailing newline). Exported for tests and for other writers. */
export function formatScalar(
  value: ScalarValue,
  context: { indent: number; inFlow: boolean; quote?: QuoteType; fallbackQuote?: QuoteType },
): string {
  if (typeof value === 'number') return String(value);
  const token = (type: 'PLAIN' | QuoteType | 'BLOCK_LITERAL'): string =>
    CST.stringify(CST.createScalarToken(value, { indent: context.indent, inFlow: context.inFlow, type, end: [] })).replace(
      /\n$/,
      '',
    );
  // In a flow list, multi-line text stays on one line: JSON's escapes are valid YAML double quotes.
  if (value.includes('\n')) return context.inFlow ? JSON.stringify(value) : token('BLOCK_LITERAL');
  if (context.quote) return token(context.quote);
  const plain = token('PLAIN');
  // `yaml` quotes by itself when plain text cannot be written; then the file's own quote style wins.
  if (!/^["']/.test(plain) && readsBackAs(plain, value, context.inFlow)) return plain;
  return token(context.fallbackQuote ?? 'QUOTE_DOUBLE');
}

/** True when `source` parses to exactly the string `value` (so `true`, `12`, `a: b` need quotes). */
function readsBackAs(source: string, value: string, inFlow: boolean): boolean {
  const document = parseDocument(inFlow ? `[${source}]` : `key: ${source}`);
  if (document.errors.length > 0) return false;
  const parsed: unknown = document.toJS();
  const read = inFlow ? (parsed as unknown[])[0] : (parsed as Record<string, unknown>).key;
  return read === value;
}

/** A value the reader takes for no value at all (`key:`, `key: ~`), so it reads the next spelling. */
function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}

function pairIn(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

/** End offset (in the YAML source) of a pair's value, or of its key when the value is missing. */
function pairEnd(pair: Pair): number {
  const value = pair.value as YamlNode | null;
  if (value?.range) return value.range[1];
  const key = pair.key as YamlNode | null;
  return key?.range ? key.range[1] : 0;
}

/** The quote style shared by every string item of a list, so a new item looks like its siblings. */
function commonQuote(items: readonly YamlNode[]): QuoteType | undefined {
  const types = new Set(items.map((item) => (isScalar(item) ? item.type : undefined)));
  if (types.size !== 1) return undefined;
  const [type] = types;
  return type === 'QUOTE_SINGLE' || type === 'QUOTE_DOUBLE' ? type : undefined;
}

function describe(node: unknown): string {
  if (node === undefined || node === null) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a map';
  if (isScalar(node)) {
    if (node.value === null) return 'nothing';
    return typeof node.value === 'string' ? `the text "${node.value}"` : `the value ${String(node.value)}`;
  }
  return 'an unexpected value';
}

/** `yaml`'s first message line, without its own position (relative to the front matter, not the file). */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
