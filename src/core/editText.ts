/** Small text helpers shared by the edit modules: line endings, line and column arithmetic. */

export type LineEnding = '\n' | '\r\n';

/** The line ending a file uses, judged by its first line break; LF when it has none. */
export function lineEndingOf(text: string): LineEnding {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** True when the file breaks lines with a lone CR only, as old Mac files do (no LF anywhere). */
export function endsLinesWithCrOnly(text: string): boolean {
  return text.includes('\r') && !text.includes('\n');
}

/** Converts LF line breaks of generated text to the file's line ending. */
export function withLineEnding(generated: string, eol: LineEnding): string {
  return eol === '\n' ? generated : generated.replace(/\r?\n/g, '\r\n');
}

/** Offset of the start of the line after the one containing `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Offset of the start of the line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** 0-based column of `offset` within its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** 0-based line number of `offset`. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
