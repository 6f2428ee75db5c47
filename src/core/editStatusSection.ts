/**
 * Status written in the markdown body rather than front matter: adr-tools / Nygard records keep it
 * as the first line of a `## Status` section; MADR 2 and log4brains records as a `* Status: …`
 * bullet under the title. Editing those keeps such files readable by their own tools.
 */
import { STATUSES } from './record';
import type { Status } from './record';
import { lineEndingOf, nextLineStart } from './editText';
import { locateFrontMatter } from './frontMatterEdit';
import { outlineMarkdown } from './markdownSections';
import { frontMatterBodyStart } from './parseFrontMatter';
import { statusSectionLines } from './parse';

/** Where a record's status text is in its body: `[start, end)` is the text itself, without the line break. */
export interface StatusText {
  kind: 'section' | 'bullet';
  start: number;
  end: number;
  text: string;
  /**
   * Set when there is no status to replace: the new one is written at `start` between `before`
   * and `after`, in the capitals of `caseOf` (the link line it goes above).
   */
  insert?: { before: string; after: string; caseOf: string };
}

/** Lines of `text` from offset `from` (a line start) with their offsets; the line's own text excludes `\r\n` / `\n`. */
function* lines(text: string, from = 0): Generator<{ start: number; end: number; line: string }> {
  for (let start = from; start < text.length; ) {
    const next = nextLineStart(text, start);
    let end = next;
    if (text[end - 1] === '\n') end--;
    if (text[end - 1] === '\r') end--;
    yield { start, end, line: text.slice(start, end) };
    start = next;
  }
}

const STATUS_BULLET = /^[ \t]*[*-][ \t]+(?:\*\*)?status(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*/i;

/**
 * The `## Status` section the reader reads and the line in it the reader takes for the status: the
 * first line that is not a link to another record (`Supersedes […]`, `Amended by […]`) nor only an
 * HTML comment, unless a `Superseded by […]` line overrules it (then that line). When the section
 * holds only other link lines, `first` is a new line to insert above them; when it holds nothing,
 * `first` is undefined.
 */
export function findStatusSection(text: string): { headingEnd: number; first?: StatusText; lastLineEnd: number } | undefined {
  const spans = [...lines(text)];
  // The reader's own outline and sorting of the section's lines, so both take the same line.
  const texts = spans.map((span, index) => (index === 0 ? span.line.replace(/^\uFEFF/, '') : span.line));
  const outline = outlineMarkdown(texts, frontMatterBodyStart(texts));
  const found = statusSectionLines(outline);
  if (!found) return undefined;
  const heading = outline.headings[found.heading];
  // An underlined heading ends with its underline.
  const headingLine = /^ {0,3}#/.test(texts[heading.line]) ? heading.line : heading.line + 1;
  const headingEnd = nextLineStart(text, spans[headingLine].end);
  const section: { headingEnd: number; first?: StatusText; lastLineEnd: number } = { headingEnd, lastLineEnd: headingEnd };
  const end = outline.headings[found.heading + 1]?.line ?? spans.length;
  for (let line = headingLine + 1; line < end; line++) {
    if (spans[line].line.trim() !== '') section.lastLineEnd = nextLineStart(text, spans[line].end);
  }
  const place = (line: number): StatusText => {
    const { start, line: raw } = spans[line];
    return { kind: 'section', start: start + raw.length - raw.trimStart().length, end: start + raw.trimEnd().length, text: raw.trim() };
  };
  if (found.chosen !== undefined) {
    section.first = place(found.chosen);
  } else {
    // Only links to other records: the status goes above the first of them.
    const link = Math.min(...found.supersedes, ...found.amends);
    if (Number.isFinite(link)) {
      const eol = lineEndingOf(text);
      section.first = { kind: 'section', start: spans[link].start, end: spans[link].start, text: '', insert: { before: '', after: `${eol}${eol}`, caseOf: spans[link].line.trim() } };
    }
  }
  return section;
}

/**
 * Offset of the first line after the front matter (0 without one): where the body starts, in
 * which the reader looks for status and date lines. A sign-off's `- date:` or `- status:` line in
 * the front matter is not one.
 */
export function bodyOffset(text: string): number {
  const location = locateFrontMatter(text);
  return location.kind === 'closed' ? nextLineStart(text, location.contentEnd) : 0;
}

/** The value of a `* Status: …` bullet line in the body, before the first `##` section. */
export function findStatusBullet(text: string): StatusText | undefined {
  for (const { start, line } of lines(text, bodyOffset(text))) {
    if (/^#{2,6}[ \t]/.test(line)) return undefined;
    const match = STATUS_BULLET.exec(line);
    if (match) {
      const value = line.slice(match[0].length).trimEnd();
      const place: StatusText = { kind: 'bullet', start: start + match[0].length, end: start + match[0].length + value.length, text: value };
      // `* Status:` with nothing after it: the new status goes after a space.
      if (value === '' && !/[ \t]$/.test(match[0])) place.insert = { before: ' ', after: '', caseOf: '' };
      return place;
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
