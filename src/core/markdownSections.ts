/**
 * A single line scan over a record's body: its headings and sections, with fenced code and HTML
 * comments blanked out. Records are read by the thousand when the index is built, so this stays a
 * plain loop instead of a full markdown parse.
 */

export interface Heading {
  /** 1 for `#` and `===` underlines, 2 for `##` and `---` underlines, … */
  level: number;
  /** The heading text without the `#` marks. */
  text: string;
  /** The text reduced for matching section names (see headingName). */
  name: string;
  /** 0-based line in the file. */
  line: number;
}

export interface MarkdownOutline {
  /**
   * The file's lines (all of them, so indices are file lines) with fenced code and HTML comments
   * replaced by empty strings; lines before the body are empty too.
   */
  readonly content: readonly string[];
  readonly headings: readonly Heading[];
  /** The first line of the body (after the front matter). */
  readonly bodyStart: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_H2 = /^ {0,3}-+[ \t]*$/;
/** Lines that cannot be a setext heading's text: list items, quotes, tables, HTML, indented code. */
const NOT_SETEXT_TEXT = /^(?: {4}|\t| {0,3}(?:[-*+>|<]|\d+[.)]\s))/;

export function outlineMarkdown(lines: readonly string[], bodyStart: number): MarkdownOutline {
  // Every line of every record passes through here when the index is built: the common line (prose)
  // costs one character look-up and one `includes`, regular expressions run only on candidates.
  const content: string[] = lines.slice();
  for (let index = 0; index < bodyStart && index < content.length; index++) content[index] = '';
  const headings: Heading[] = [];
  let fence: string | undefined;
  let inComment = false;

  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index];
    if (fence !== undefined) {
      content[index] = '';
      if (startsWithFenceChar(line)) {
        const closing = FENCE.exec(line);
        if (closing && closing[1][0] === fence[0] && closing[1].length >= fence.length && line.trim() === closing[1]) fence = undefined;
      }
      continue;
    }
    let text = line;
    if (inComment || text.includes('<!--')) {
      const uncommented = withoutComments(text, inComment);
      text = uncommented.text;
      inComment = uncommented.open;
      content[index] = text;
      if (text.trim() === '') {
        content[index] = '';
        continue;
      }
    }
    if (startsWithFenceChar(text)) {
      const opening = FENCE.exec(text);
      if (opening) {
        fence = opening[1];
        content[index] = '';
        continue;
      }
    }
    if (firstNonSpace(text) === '#') {
      const heading = ATX_HEADING.exec(text);
      if (heading) headings.push(makeHeading(heading[1].length, heading[2] ?? '', index));
    }
  }

  addSetextHeadings(content, bodyStart, headings);
  return { content, headings, bodyStart };
}

/** The first character after up to three spaces of indentation ('' when there is none). */
function firstNonSpace(line: string): string {
  let index = 0;
  while (index < 3 && line.charCodeAt(index) === 32) index++;
  return line.charAt(index);
}

function startsWithFenceChar(line: string): boolean {
  const first = firstNonSpace(line);
  return first === '`' || first === '~';
}

function makeHeading(level: number, text: string, line: number): Heading {
  const trimmed = text.trim();
  return { level, text: trimmed, name: headingName(trimmed), line };
}

function addSetextHeadings(content: string[], bodyStart: number, headings: Heading[]): void {
  const found: Heading[] = [];
  for (let index = bodyStart + 1; index < content.length; index++) {
    const underline = content[index];
    const first = firstNonSpace(underline);
    if (first !== '=' && first !== '-') continue;
    const level = SETEXT_H1.test(underline) ? 1 : SETEXT_H2.test(underline) ? 2 : 0;
    if (level === 0) continue;
    const text = content[index - 1];
    const before = index - 2 < bodyStart ? '' : content[index - 2];
    if (text.trim() === '' || before.trim() !== '' || NOT_SETEXT_TEXT.test(text) || ATX_HEADING.test(text)) continue;
    found.push(makeHeading(level, text, index - 1));
  }
  if (found.length === 0) return;
  // The underline is markup, not text of the section: a Status or Context section starts after it.
  for (const heading of found) content[heading.line + 1] = '';
  headings.push(...found);
  headings.sort((a, b) => a.line - b.line);
}

/** Removes `<!-- … -->` from a line; `open` tells whether a comment is still open at its end. */
function withoutComments(line: string, startsInComment: boolean): { text: string; open: boolean } {
  let text = '';
  let position = 0;
  let open = startsInComment;
  while (position < line.length) {
    if (open) {
      const end = line.indexOf('-->', position);
      if (end === -1) return { text, open: true };
      position = end + 3;
      open = false;
    } else {
      const start = line.indexOf('<!--', position);
      if (start === -1) {
        text += line.slice(position);
        break;
      }
      text += line.slice(position, start);
      position = start + 4;
      open = true;
    }
  }
  return { text, open };
}

/** The index in `headings` of the first one whose normalised text passes `test`, or -1. */
export function findSection(outline: MarkdownOutline, test: (name: string) => boolean, minLevel = 1): number {
  return outline.headings.findIndex((heading) => heading.level >= minLevel && test(heading.name));
}

/** The lines of a section's body: after its heading, up to the next heading of the same or a higher level. */
export function sectionRange(outline: MarkdownOutline, headingIndex: number): { start: number; end: number } {
  const heading = outline.headings[headingIndex];
  let end = outline.content.length;
  for (let next = headingIndex + 1; next < outline.headings.length; next++) {
    if (outline.headings[next].level <= heading.level) {
      end = outline.headings[next].line;
      break;
    }
  }
  return { start: heading.line + 1, end };
}

const PLAIN_HEADING = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** A heading's text reduced for matching: `1. **Status**:` → `status`. */
export function headingName(text: string): string {
  // Most headings are words and spaces already (`Context`, `Options considered`).
  if (PLAIN_HEADING.test(text)) return text.toLowerCase();
  return text
    .replace(/[*_`]+/g, '')
    .replace(/^\d+(?:\.\d+)*\.?\s+/, '')
    .replace(/[:.\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Plain text of the first lines of a range: markdown links, emphasis, list bullets and quote marks
 * dropped; at most `maxLines` lines and `maxChars` characters. Undefined when the range holds no text.
 */
export function plainExcerpt(outline: MarkdownOutline, range: { start: number; end: number }, maxLines = 3, maxChars = 300): string | undefined {
  const parts: string[] = [];
  let length = 0;
  for (let index = range.start; index < range.end && parts.length < maxLines && length < maxChars; index++) {
    const line = outline.content[index];
    if (line.trim() === '' || ATX_HEADING.test(line) || /^\s*\|?\s*:?-{3,}/.test(line)) continue;
    // Only the start of a long paragraph can reach the excerpt; markup is stripped from that much.
    const plain = plainText(line.length > maxChars * 2 ? line.slice(0, maxChars * 2) : line);
    if (plain !== '') {
      parts.push(plain);
      length += plain.length + 1;
    }
  }
  if (parts.length === 0) return undefined;
  const text = parts.join(' ');
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

/** One line of markdown as plain text. */
export function plainText(line: string): string {
  // Each step runs only when its marker is in the line: most prose lines have none of them.
  let text = line;
  if (text.includes('<')) text = text.replace(/<[^>]+>/g, ' ');
  if (text.includes('[')) {
    text = text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  }
  text = text.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '').replace(/^\s*>+\s?/, '');
  if (/[*`~]/.test(text)) text = text.replace(/[*`~]+/g, '');
  if (text.includes('_')) text = text.replace(/(^|[\s(])_+|_+(?=[\s).,;:!?]|$)/g, '$1');
  if (text.includes('|')) text = text.replace(/\|/g, ' ');
  if (/\s\s|[^\S ]/.test(text)) text = text.replace(/\s+/g, ' ');
  return text.trim();
}
