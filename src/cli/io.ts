/** Where a command writes, so tests can run commands in-process and read what they print. */
export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** `1 record`, `3 records`, `0 errors`: a count with its noun. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
