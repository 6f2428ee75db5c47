/** Where a command writes, so tests can run commands in-process and read what they print. */
export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}
