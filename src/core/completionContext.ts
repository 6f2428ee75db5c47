/**
 * What the text before the cursor asks to be completed with, for the editor's completion
 * providers: a record number after the reference prefix (`DR-`), and inside a record's front
 * matter a status, a sign-off state, a person or a record number. Pure, so it is tested in Node.
 */

/** `DR-` or `DR-1` right before the cursor, not inside a longer word. */
export function typedReference(textBeforeCursor: string, prefix: string): { start: number } | undefined {
  const bare = prefix.replace(/-+$/, '');
  if (bare === '') return undefined;
  const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}-\\d*$`, 'u').exec(textBeforeCursor);
  return match ? { start: match.index } : undefined;
}

const STATUS_KEY = /^["']?status["']?[ \t]*:[ \t]*["']?([\w-]*)$/;
const STATE_KEY = /^[ \t]+(?:-[ \t]+)?["']?state["']?[ \t]*:[ \t]*["']?([\w-]*)$/;
const NAME_KEY = /^[ \t]*(?:-[ \t]+)?["']?name["']?[ \t]*:[ \t]*["']?([^"'#]*)$/;
const NUMBER_KEYS = new Set(['supersedes', 'superseded-by', 'related']);
const TOP_LEVEL_KEY = /^["']?([\w-]+)["']?[ \t]*:/;

/** What the front matter line before the cursor asks for, and the typed part to replace. */
export type FrontMatterSlot = { kind: 'status' | 'state' | 'name' | 'number'; typed: string };

/**
 * The slot at the end of `beforeCursor` on line `line` of the front matter whose earlier lines are
 * `lines` (`lines[0]` is the opening fence). Undefined outside any slot.
 */
export function frontMatterSlot(lines: readonly string[], line: number, beforeCursor: string): FrontMatterSlot | undefined {
  let match = STATUS_KEY.exec(beforeCursor);
  if (match) return { kind: 'status', typed: match[1] };
  match = STATE_KEY.exec(beforeCursor);
  if (match) return { kind: 'state', typed: match[1] };
  match = NAME_KEY.exec(beforeCursor);
  if (match) return { kind: 'name', typed: match[1] };
  // `related: [3, ` on the key's line, or `  - ` under it.
  const inline = /^["']?([\w-]+)["']?[ \t]*:[ \t]*(?:\[(?:[ \t]*\d+[ \t]*,)*[ \t]*)?(\d*)$/.exec(beforeCursor);
  if (inline) return NUMBER_KEYS.has(inline[1]) ? { kind: 'number', typed: inline[2] } : undefined;
  const item = /^[ \t]+-[ \t]*(\d*)$/.exec(beforeCursor);
  if (item) {
    for (let index = line - 1; index > 0; index--) {
      const key = TOP_LEVEL_KEY.exec(lines[index]);
      if (key) return NUMBER_KEYS.has(key[1]) ? { kind: 'number', typed: item[1] } : undefined;
    }
  }
  return undefined;
}
