/**
 * Status written in the markdown body rather than front matter: adr-tools / Nygard records keep it
 * as the first line of a `## Status` section; MADR 2 and log4brains records as a `* Status: …`
 * bullet under the title. Editing those keeps such files readable by their own tools.
 */
import { STATUSES } from './record';
import type { Status } from './record';
import { nextLineStart } from './editText';

/** Where a record's status text is in its body: `[start, end)` is the text itself, without the line break. */
export interface StatusText {
  kind: 'section' | 'bullet';
  start: number;
  end: number;
  text: string;
}

/** Lines of `text` with their offsets; the line's own text excludes `\r\n` / `\n`. */
function* lines(text: string): Generator<{ start: number; end: number; line: string }> {
  for (let start = 0; start < text.length; ) {
    const next = nextLineStart(text, start);
    let end = next;
    if (text[end - 1] === '\n') end--;
    if (text[end - 1] === '\r') end--;
    yield { start, end, line: text.slice(start, end) };
    start = next;
  }
}

const STATUS_HEADING = /^#{1,6}[ \t]+status[ \t]*#*[ \t]*$/i;
const ANY_HEADING = /^#{1,6}[ \t]/;
const FENCE = /^[ \t]*(```|~~~)/;
const STATUS_BULLET = /^[ \t]*[*-][ \t]+(?:\*\*)?status(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*/i;

/** The `## Status` heading's offset and the first non-blank line of its section, if any. */
export function findStatusSection(text: string): { headingEnd: number; first?: StatusText; lastLineEnd: number } | undefined {
  let inFence = false;
  let section: { headingEnd: number; first?: StatusText; lastLineEnd: number } | undefined;
  for (const { start, end, line } of lines(text)) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (section) {
      if (ANY_HEADING.test(line)) break;
      if (line.trim() === '') continue;
      const indent = line.length - line.trimStart().length;
      const trimmedEnd = start + line.trimEnd().length;
      section.first ??= { kind: 'section', start: start + indent, end: trimmedEnd, text: line.trim() };
      section.lastLineEnd = nextLineStart(text, end);
    } else if (STATUS_HEADING.test(line)) {
      section = { headingEnd: nextLineStart(text, end), lastLineEnd: nextLineStart(text, end) };
    }
  }
  return section;
}

/** The value of a `* Status: …` bullet line placed before the first `##` section. */
export function findStatusBullet(text: string): StatusText | undefined {
  for (const { start, line } of lines(text)) {
    if (/^#{2,6}[ \t]/.test(line)) return undefined;
    const match = STATUS_BULLET.exec(line);
    if (match) {
      const value = line.slice(match[0].length).trimEnd();
      return { kind: 'bullet', start: start + match[0].length, end: start + match[0].length + value.length, text: value };
    }
  }
  return undefined;
}

/**
 * The new status text for an existing one: only the leading status word changes, so
 * `proposed. **No consensus…**` keeps its remark and `Accepted` stays capitalised (`Deprecated`).
 * `superseded by …` is replaced whole, as its target no longer holds.
 */
export function replaceStatusWord(existing: string, status: Status): string {
  const newWord = matchCase(existing, status);
  if (/^\s*super[sc]eded\s+by\b/i.test(existing)) return newWord;
  const match = /^([A-Za-z]+)(?=$|[\s.;,:!)])/.exec(existing);
  if (match && (STATUSES as readonly string[]).includes(match[1].toLowerCase())) {
    return newWord + existing.slice(match[1].length);
  }
  return newWord;
}

/** `word` written in the case of `model`'s first word: `Accepted`, `ACCEPTED` or `accepted`. */
export function matchCase(model: string, word: string): string {
  const first = /[A-Za-z]+/.exec(model)?.[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return word.toUpperCase();
  if (/^[A-Z]/.test(first)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
