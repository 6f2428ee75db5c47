/**
 * References between records in free text: `DR-12`, `DR-0012` (the prefix is configurable;
 * `ADR-12` is common). Used for links and hovers in the editor, for renumbering and for the PR summary.
 */

export interface Reference {
  /** The record number referred to (`DR-0012` → 12). */
  number: number;
  /** Offsets of the whole reference, `[start, end)`. */
  start: number;
  end: number;
  /** The digits exactly as written, so a rewrite can keep zero padding. */
  digits: string;
}

/** The prefix without a trailing dash: both `DR` and `DR-` configure `DR-12` references. */
function bare(prefix: string): string {
  return prefix.replace(/-+$/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

/**
 * The pattern for one prefix. A reference is not part of a longer word: `XDR-1`, `DR-1a` and
 * `DR_1` are not references. The prefix is case-sensitive, as teams write it one way.
 */
function patternFor(prefix: string): RegExp {
  let pattern = patterns.get(prefix);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(bare(prefix))}-(\\d{1,6})(?![\\p{L}\\p{N}_])`, 'gu');
    patterns.set(prefix, pattern);
  }
  return pattern;
}

/** Every reference in `text`, in order. */
export function findReferences(text: string, prefix: string): Reference[] {
  if (bare(prefix) === '') return [];
  const references: Reference[] = [];
  for (const match of text.matchAll(patternFor(prefix))) {
    const start = match.index ?? 0;
    references.push({ number: Number(match[1]), start, end: start + match[0].length, digits: match[1] });
  }
  return references;
}

/**
 * The reference at `offset` (a cursor or a hovered position), including a cursor just after its
 * last digit. Scans only the line around the offset, so it stays fast in long files.
 */
export function referenceAt(text: string, offset: number, prefix: string): Reference | undefined {
  const lineBegin = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline;
  for (const reference of findReferences(text.slice(lineBegin, lineEnd), prefix)) {
    const start = reference.start + lineBegin;
    const end = reference.end + lineBegin;
    if (offset >= start && offset <= end) return { ...reference, start, end };
  }
  return undefined;
}

/** How a record is referred to in text: `formatReference(12, 'DR')` → `DR-12`. */
export function formatReference(number: number, prefix: string): string {
  return `${bare(prefix)}-${number}`;
}
