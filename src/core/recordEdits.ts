/**
 * The edits people make to a record: change its status, sign off, ask for sign-off, attach data
 * sources and links between records. Each operation maps the file's current text to text edits
 * (or a refusal) and touches only the lines it must; see frontMatterEdit.ts for how.
 *
 * Where the status lives decides where status edits go: the `status:` key when the front matter
 * has one, else an adr-tools `## Status` section, else a MADR 2 `* Status:` bullet, else a new
 * `status:` key (adding a front matter block when the file has none). Everything else (sign-off,
 * data sources, related records, links) only exists in front matter, so for an adr-tools record
 * those operations add a front matter block on top of the file: our reader understands both
 * together, and the alternative — refusing — would keep whole logs from ever being signed off.
 *
 * Each operation works on the text `attemptEdit` hands it, which differs from the file's only in
 * old Mac line endings (see there).
 */
import { EditRefusal, FrontMatterEditor, applyEdits, attemptEdit } from './frontMatterEdit';
import type { EditResult, ItemFields, TextEdit } from './frontMatterEdit';
import { bodyOffset, findStatusBullet, findStatusSection, matchCase, replaceStatusWord } from './editStatusSection';
import type { StatusText } from './editStatusSection';
import { findReferences, formatReference } from './references';
import { dataSourceList, parseRecord, signOffName } from './parse';
import { type DecisionRecord, FRONT_MATTER_KEY_ORDER, type SignOffState, type Status } from './record';

type OrderedKey = (typeof FRONT_MATTER_KEY_ORDER)[number];

/** Where a missing key goes: after the last of these that the file has, whatever order it keeps them in, else at the end. */
function keysBefore(key: OrderedKey): readonly string[] {
  return FRONT_MATTER_KEY_ORDER.slice(0, FRONT_MATTER_KEY_ORDER.indexOf(key));
}

export interface SetStatusOptions {
  /** Also set the record's date (`date:` in front matter, a `Date:` line in an adr-tools record). */
  date?: string;
}

/** Sets the status, matching the case the file writes it in (`Accepted` → `Deprecated`). */
export function setStatus(text: string, status: Status, options: SetStatusOptions = {}): EditResult {
  return attemptEdit(text, (text) => {
    const editor = FrontMatterEditor.open(text);
    const body = bodyStatus(text, editor);
    const edits: TextEdit[] = [];
    if (body) {
      edits.push(replaceStatusText(body, body.insert ? matchCase(body.insert.caseOf, status) : replaceStatusWord(body.text, status)));
      if (options.date !== undefined) {
        // A `date:` key in front matter is the date the reader takes; a body `Date:` line only without one.
        const dateLine = editor.has('date') ? undefined : findDateLine(text);
        if (dateLine) edits.push({ start: dateLine.start, end: dateLine.end, newText: `${dateLine.before}${options.date}` });
        else editor.setScalar('date', options.date, { after: keysBefore('date') });
      }
      return readingBack(text, [...edits, ...editor.edits()], (record) => record.status === status && (options.date === undefined || record.date === options.date));
    }
    setFrontMatterStatus(editor, status);
    if (options.date !== undefined) editor.setScalar('date', options.date, { after: keysBefore('date') });
    return editor.edits();
  });
}

/** One person's sign-off, as written into `sign-off:`. */
export interface SignOffInput {
  name: string;
  email?: string;
  role?: string;
  state: SignOffState;
  date?: string;
  comment?: string;
}

/** Someone whose sign-off is asked for. */
export interface Stakeholder {
  name: string;
  email?: string;
  role?: string;
}

/**
 * Records a sign-off: updates the entry of the same person (same email, ignoring case, else same
 * name) or appends one. An existing comment is kept when no new comment is given.
 */
export function addOrUpdateSignOff(text: string, signOff: SignOffInput): EditResult {
  return attemptEdit(text, (text) => {
    const editor = FrontMatterEditor.open(text);
    const entries = signOffEntries(editor);
    const index = findPerson(entries, signOff);
    if (index === -1) {
      editor.appendItems('sign-off', [signOffFields(signOff)], { after: keysBefore('sign-off') });
    } else {
      const entry = entries[index];
      editor.setItemFields('sign-off', index, {
        email: signOff.email !== undefined && entry.email === undefined ? signOff.email : undefined,
        role: signOff.role !== undefined && signOff.role !== entry.role ? signOff.role : undefined,
        state: signOff.state,
        date: signOff.date,
        comment: signOff.comment,
      });
    }
    return editor.edits();
  });
}

/** Adds a `pending` entry for each person not listed under `sign-off:` yet. */
export function requestSignOff(text: string, people: readonly Stakeholder[]): EditResult {
  return attemptEdit(text, (text) => {
    const editor = FrontMatterEditor.open(text);
    const listed: PersonFields[] = [...signOffEntries(editor)];
    const added: ItemFields[] = [];
    for (const person of people) {
      if (findPerson(listed, person) !== -1) continue;
      listed.push({ name: person.name, email: person.email });
      added.push(signOffFields({ ...person, state: 'pending' }));
    }
    editor.appendItems('sign-off', added, { after: keysBefore('sign-off') });
    return editor.edits();
  });
}

/** A data source backing the decision: a link (`url`) or a file in the repository (`path`). */
export interface DataSourceInput {
  title: string;
  url?: string;
  path?: string;
  note?: string;
}

/**
 * Appends a data source, unless one with the same url or path is already listed, as the reader
 * sees them (`link:` or `href:` for a url, `file:` for a path, a plain `https://…` item).
 */
export function addDataSource(text: string, source: DataSourceInput): EditResult {
  return attemptEdit(text, (text) => {
    const editor = FrontMatterEditor.open(text);
    const url = source.url?.trim();
    const path = source.path?.trim();
    const same = dataSourceList(listValue(editor, 'data-sources')).some(
      (listed) => (url !== undefined && listed.url === url) || (path !== undefined && listed.path === path),
    );
    if (!same) {
      editor.appendItems(
        'data-sources',
        [{ title: source.title, url: source.url, path: source.path, note: source.note }],
        { after: keysBefore('data-sources') },
      );
    }
    return editor.edits();
  });
}

/** Adds a record number to `related:` unless it is there. */
export function addRelated(text: string, number: number): EditResult {
  return attemptEdit(text, (text) => appendNumber(FrontMatterEditor.open(text), 'related', number));
}

/** Adds a link (a pull request, an issue) to `links:` unless it is there. */
export function addLink(text: string, url: string): EditResult {
  return attemptEdit(text, (text) => {
    const editor = FrontMatterEditor.open(text);
    if (!listValue(editor, 'links').includes(url)) editor.appendItems('links', [url], { after: keysBefore('links') });
    return editor.edits();
  });
}

/** How to write a reference to another record in an adr-tools or MADR 2 status line. */
export interface SupersedeOptions {
  /** The reference prefix (`DR`, `ADR`), used when no `target` is given. Default `DR`. */
  prefix?: string;
  /** The other record's title and file name, for an adr-tools style link `[5. Title](0005-title.md)`. */
  target?: { title: string; fileName: string };
}

/**
 * Marks the record superseded by record `number`: `status: superseded` and `superseded-by: [n]`
 * in front matter, or the adr-tools status line `Superseded by [5. Title](0005-title.md)`.
 */
export function setSupersededBy(text: string, number: number, options: SupersedeOptions = {}): EditResult {
  return attemptEdit(text, (text) => {
    const editor = FrontMatterEditor.open(text);
    const body = bodyStatus(text, editor);
    if (body) {
      const phrase = `${matchCase(body.insert?.caseOf ?? body.text, 'superseded')} by ${describeTarget(number, options, body.kind)}`;
      return readingBack(text, [replaceStatusText(body, phrase), ...editor.edits()], (record) => record.status === 'superseded' && record.supersededBy.includes(number));
    }
    setFrontMatterStatus(editor, 'superseded');
    return appendNumber(editor, 'superseded-by', number);
  });
}

/**
 * Records that this record supersedes record `number`: `supersedes: [n]` in front matter, or an
 * adr-tools `Supersedes [5. Title](0005-title.md)` line in the Status section.
 */
export function addSupersedes(text: string, number: number, options: SupersedeOptions = {}): EditResult {
  return attemptEdit(text, (text) => {
    const editor = FrontMatterEditor.open(text);
    const section = editor.has('supersedes') || editor.has('status') ? undefined : findStatusSection(text);
    if (section?.first) {
      const line = `Supersedes ${describeTarget(number, options, 'section')}`;
      if (text.slice(section.headingEnd, section.lastLineEnd).includes(line)) return [];
      return readingBack(text, [{ start: section.lastLineEnd, end: section.lastLineEnd, newText: `${editor.eol}${line}${editor.eol}` }], (record) => record.supersedes.includes(number));
    }
    return appendNumber(editor, 'supersedes', number);
  });
}

/**
 * Rewrites references to record `from` as references to `to` after a renumbering: `DR-14` in any
 * text (keeping zero padding: `DR-0014` → `DR-0020`), numbers in `supersedes`, `superseded-by` and
 * `related`, and adr-tools links `[14. Title](0014-title.md)`.
 */
export function renumberReferences(text: string, from: number, to: number, prefix: string): EditResult {
  return attemptEdit(text, (text) => {
    const editor = FrontMatterEditor.open(text);
    for (const key of ['supersedes', 'superseded-by', 'related']) {
      const value = editor.get(key);
      if (!Array.isArray(value)) continue;
      value.forEach((item, index) => {
        // `"0014"` and `DR-0014` keep their form: `"0020"`, `DR-0020`.
        if (asNumber(item) === from) editor.setListItem(key, index, typeof item === 'string' ? item.replace(/\d+(?=\s*$)/, (digits) => String(to).padStart(digits.length, '0')) : to);
      });
    }
    const edits = editor.edits();
    for (const reference of findReferences(text, prefix)) {
      if (reference.number !== from) continue;
      const digits = String(to).padStart(reference.digits.length, '0');
      edits.push({ start: reference.end - reference.digits.length, end: reference.end, newText: digits });
    }
    edits.push(...markdownLinkEdits(text, from, to));
    return withoutOverlaps(edits);
  });
}

// --- helpers --------------------------------------------------------------------------------------

interface PersonFields {
  name?: unknown;
  email?: unknown;
  role?: unknown;
}

function signOffFields(signOff: SignOffInput): ItemFields {
  return {
    name: signOff.name,
    email: signOff.email,
    role: signOff.role,
    state: signOff.state,
    date: signOff.date,
    comment: signOff.comment,
  };
}

/** The sign-off entries; refuses when `sign-off:` is not a list of `field: value` entries. */
function signOffEntries(editor: FrontMatterEditor): PersonFields[] {
  const entries = listValue(editor, 'sign-off');
  entries.forEach((entry, index) => {
    if (!isRecordLike(entry)) throw refusal(`Entry ${index + 1} of \`sign-off\` is not a \`name: …\` entry.`);
  });
  return entries as PersonFields[];
}

/**
 * The index of the entry for `person`: same email (ignoring case) first, else same name, where an
 * entry's name is what the reader shows for it (`name`, else `who`, else `email`).
 */
function findPerson(entries: readonly PersonFields[], person: { name: string; email?: string }): number {
  const same = (a: unknown, b: string | undefined): boolean =>
    typeof a === 'string' && a.trim() !== '' && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
  if (person.email !== undefined) {
    const byEmail = entries.findIndex((entry) => same(entry.email, person.email));
    if (byEmail !== -1) return byEmail;
  }
  return entries.findIndex((entry) => same(signOffName(entry), person.name));
}

/** The items of a list key (empty when absent or empty); refuses anything else. */
function listValue(editor: FrontMatterEditor, key: string): unknown[] {
  const value = editor.get(key);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw refusal(`\`${key}\` holds ${JSON.stringify(value)}; expected a list.`);
  return value;
}

function appendNumber(editor: FrontMatterEditor, key: OrderedKey, number: number): TextEdit[] {
  if (!listValue(editor, key).some((item) => asNumber(item) === number)) {
    editor.appendItems(key, [number], { after: keysBefore(key) });
  }
  return editor.edits();
}

/** A list item read as a record number: `5`, `"0005"`, `DR-5`. */
function asNumber(item: unknown): number | undefined {
  if (typeof item === 'number') return item;
  const match = typeof item === 'string' ? /^\s*(?:[A-Za-z]+-)?(\d+)\s*$/.exec(item) : null;
  return match ? Number(match[1]) : undefined;
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refusal(message: string): Error {
  return new EditRefusal(message);
}

/**
 * Body edits where the reader looks for them: the editor finds status lines by a simpler rule than
 * the reader (a `* Status:` bullet under a second `#` title, a `Date:` line after a setext heading),
 * and a change the reader would not see must not be reported as done. Refuses then.
 */
function readingBack(text: string, edits: TextEdit[], readsAsAsked: (record: DecisionRecord) => boolean): TextEdit[] {
  if (!readsAsAsked(parseRecord('', applyEdits(text, edits)))) {
    throw refusal('This record keeps its status in a place Rationale does not recognise, so the change would not show; edit the status by hand.');
  }
  return edits;
}

/** The status in the body, when the file keeps it there rather than in a front matter `status:` key. */
function bodyStatus(text: string, editor: FrontMatterEditor): StatusText | undefined {
  if (editor.has('status')) return undefined;
  return findStatusSection(text)?.first ?? findStatusBullet(text);
}

/** The edit that writes `newText` as the status: over the old one, or as a new one where there was none. */
function replaceStatusText(place: StatusText, newText: string): TextEdit {
  return { start: place.start, end: place.end, newText: place.insert ? `${place.insert.before}${newText}${place.insert.after}` : newText };
}

function setFrontMatterStatus(editor: FrontMatterEditor, status: Status): void {
  const existing = editor.get('status');
  const value = typeof existing === 'string' ? replaceStatusWord(existing, status) : status;
  editor.setScalar('status', value, { after: keysBefore('status') });
}

/** adr-tools writes `[5. Title](0005-title.md)`; MADR 2 `[ADR-0005](0005-title.md)`; without a target, `DR-5`. */
function describeTarget(number: number, options: SupersedeOptions, kind: StatusText['kind']): string {
  const reference = formatReference(number, options.prefix ?? 'DR');
  if (!options.target) return reference;
  const text = kind === 'section' ? `${number}. ${options.target.title}` : reference;
  return `[${text}](${options.target.fileName})`;
}

/**
 * The value of a `Date: 2016-02-12` line (adr-tools) or `* Date:` bullet in the body before the
 * first section, and what a new value needs before it (a space after a bare `Date:`).
 */
function findDateLine(text: string): { start: number; end: number; before: string } | undefined {
  const from = bodyOffset(text);
  const body = text.slice(from);
  const match = /^((?:[ \t]*[*-][ \t]+)?(?:\*\*)?date(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*)(.*?)[ \t]*\r?$/im.exec(body.slice(0, firstSection(body)));
  if (!match) return undefined;
  const start = from + (match.index ?? 0) + match[1].length;
  return { start, end: start + match[2].length, before: match[2] === '' && !/[ \t]$/.test(match[1]) ? ' ' : '' };
}

function firstSection(text: string): number {
  const match = /^#{2,6}[ \t]/m.exec(text);
  return match ? match.index : text.length;
}

/**
 * adr-tools links `[14. Title](0014-title.md)` and link targets `](0014-title.md)`. A number keeps
 * its width (`014-title.md` → `020-title.md`), as the renamed file does.
 */
function markdownLinkEdits(text: string, from: number, to: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const match of text.matchAll(/\[(\d+)\.[ \t]/g)) {
    if (Number(match[1]) !== from) continue;
    const start = (match.index ?? 0) + 1;
    edits.push({ start, end: start + match[1].length, newText: String(to).padStart(match[1].length, '0') });
  }
  for (const match of text.matchAll(/\]\((?:\.\/)?(\d+)-[^)\s]*\)/g)) {
    if (Number(match[1]) !== from) continue;
    const start = (match.index ?? 0) + match[0].indexOf(match[1]);
    edits.push({ start, end: start + match[1].length, newText: String(to).padStart(match[1].length, '0') });
  }
  return edits;
}

/** Drops edits that overlap an earlier one (the same number found by two rules). */
function withoutOverlaps(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const kept: TextEdit[] = [];
  let end = -1;
  for (const edit of sorted) {
    if (edit.start < end || (edit.start === edit.end && edit.start === end)) continue;
    kept.push(edit);
    end = edit.end;
  }
  return kept;
}
