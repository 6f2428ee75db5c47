/**
 * Where things are in a record's text, by line, for placing problems in the editor and the CLI.
 * One linear pass over the lines, no YAML parsing: validation asks for these only for records that
 * have a problem to place.
 */

/** The 0-based lines of a file's landmarks: its top-level front matter keys and its headings. */
export interface RecordLines {
  /** Top-level front matter keys as written (`status`, `sign-off`) → 0-based line. */
  keys: Map<string, number>;
  /** Headings by lower-case text (`status`, `rationale`) → 0-based line of the first such heading. */
  headings: Map<string, number>;
  /** The file's lines without line breaks (a leading BOM removed). */
  lines: string[];
  /** The first line after the front matter (0 when there is none). */
  bodyStart: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const TOP_LEVEL_KEY = /^(["']?)([^\s#'"][^:]*?)\1[ \t]*:(?:[ \t]|$)/;
const HEADING = /^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/;

/** Scans a file once for the lines of its front matter keys and headings. */
export function recordLines(text: string): RecordLines {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const keys = new Map<string, number>();
  const headings = new Map<string, number>();
  let bodyStart = 0;
  if (lines.length > 0 && FENCE.test(lines[0])) {
    const closing = lines.findIndex((line, index) => index > 0 && CLOSING.test(line));
    const end = closing === -1 ? lines.length : closing;
    for (let index = 1; index < end; index++) {
      const match = TOP_LEVEL_KEY.exec(lines[index]);
      if (match && !keys.has(match[2])) keys.set(match[2], index);
    }
    bodyStart = closing === -1 ? 1 : closing + 1;
  }
  let inFence = false;
  for (let index = bodyStart; index < lines.length; index++) {
    if (/^[ \t]*(```|~~~)/.test(lines[index])) inFence = !inFence;
    if (inFence) continue;
    const match = HEADING.exec(lines[index]);
    if (match) {
      const name = match[1].toLowerCase();
      if (!headings.has(name)) headings.set(name, index);
    }
  }
  return { keys, headings, lines, bodyStart };
}

/** The 0-based line of a top-level front matter key, e.g. `frontMatterKeyLine(text, 'sign-off')`. */
export function frontMatterKeyLine(text: string, key: string): number | undefined {
  return recordLines(text).keys.get(key);
}

/** The first 0-based line at or after `from` that contains `needle`, within `[from, to)`. */
export function lineContaining(lines: readonly string[], needle: string, from = 0, to = lines.length): number | undefined {
  for (let index = from; index < Math.min(to, lines.length); index++) {
    if (lines[index].includes(needle)) return index;
  }
  return undefined;
}
