/**
 * Where the lines of a record came from, for sign-off provenance: `git blame --porcelain` of the
 * lines asked for (one process per file) and the `Signed-off-by:` trailers of the commits found
 * (one process for all of them). Used by `rationale lint --verify-sign-offs` and by the extension.
 */
import type { LineOrigin, SignOffProvenance } from '../core/signOffProvenance';
import { INCOMPLETE_HISTORY, isUncommitted, needsProvenance, signOffProvenance, signOffStateLines } from '../core/signOffProvenance';
import { parseRecord } from '../core/parse';
import { GitError, UNTRANSLATED, isShallowRepository, runGit } from './git';

/** One line of blame: the commit that introduced it and that commit's author email. */
export interface BlamedLine {
  commit: string;
  authorEmail: string;
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ (\d+)(?: \d+)?$/;

/**
 * Reads `git blame --porcelain` output into 0-based final line → commit and author email. A
 * commit's details come once, after its first line; later lines of the same commit name only it.
 */
export function parseBlamePorcelain(output: string): Map<number, BlamedLine> {
  const authors = new Map<string, string>();
  const lines: { commit: string; line: number }[] = [];
  let current: string | undefined;
  for (const row of output.split('\n')) {
    if (row.startsWith('\t')) continue; // the line's content
    const header = HEADER.exec(row);
    if (header) {
      current = header[1];
      lines.push({ commit: current, line: Number(header[2]) - 1 });
      continue;
    }
    if (current !== undefined && row.startsWith('author-mail ')) authors.set(current, emailOf(row.slice('author-mail '.length)) ?? '');
  }
  return new Map(lines.map(({ commit, line }) => [line, { commit, authorEmail: authors.get(commit) ?? '' }]));
}

/** `Sam Lee <sam@example.com>` → `sam@example.com`; a bare address as it is; undefined otherwise. */
export function emailOf(text: string): string | undefined {
  const bracketed = /<([^<>]*)>/.exec(text);
  if (bracketed) return bracketed[1].trim() || undefined;
  const bare = text.trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(bare) ? bare : undefined;
}

const RECORD_SEPARATOR = '\x1e';
const FIELD_SEPARATOR = '\x00';
const VALUE_SEPARATOR = '\x1f';

/** Reads the trailers output of {@link signedOffBy} into commit → emails. */
export function parseTrailers(output: string): Map<string, string[]> {
  const trailers = new Map<string, string[]>();
  for (const entry of output.split(RECORD_SEPARATOR)) {
    const [commit, values = ''] = entry.replace(/^\s+/, '').split(FIELD_SEPARATOR);
    if (!commit) continue;
    const emails = values
      .split(VALUE_SEPARATOR)
      .map((value) => emailOf(value))
      .filter((email): email is string => email !== undefined);
    trailers.set(commit, emails);
  }
  return trailers;
}

/** The emails of each commit's `Signed-off-by:` trailers, in one git process. */
export async function signedOffBy(root: string, commits: readonly string[]): Promise<Map<string, string[]>> {
  const wanted = [...new Set(commits)].filter((commit) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit) && !isUncommitted(commit));
  if (wanted.length === 0) return new Map();
  const format = `%H%x00%(trailers:key=Signed-off-by,valueonly,separator=%x1f)%x1e`;
  return parseTrailers(await runGit(root, ['show', '-s', `--format=${format}`, ...wanted]));
}

/**
 * What git says (untranslated) when there is no history to blame: no repository, or a file it does
 * not track (whose path may hold any character). Any other failure, such as a repository git
 * refuses to open as another user's ("dubious ownership"), is reported, not taken for "not in git".
 */
const NO_HISTORY = /not a git repository|no such path [\s\S]* in HEAD/;
/** What git says in a repository without a commit yet, where every line is still to be committed. */
const NO_COMMIT_YET = /no such ref: HEAD|does not have any commits yet/;
/** How blame shows a line not committed yet. */
const NOT_COMMITTED: Omit<LineOrigin, 'signedOffBy'> = { commit: '0'.repeat(40), authorEmail: 'not.committed.yet' };

/**
 * Where the given 0-based lines of `text` (the file at `path`, relative to `root`) came from.
 * Undefined when git does not track the file or `root` is no repository. Rejects with a GitError
 * when git cannot run or refuses to. In a shallow clone the answer is wrong for lines older than
 * the history it has; {@link verifySignOffs} checks for that first.
 *
 * Blame runs without `-M`/`-C` on purpose: with them, an approval copied from another record (or
 * moved within this one) would keep its first author, and a copy is exactly how one would forge it.
 */
export async function lineOrigins(root: string, path: string, text: string, lines: readonly number[]): Promise<Map<number, LineOrigin> | undefined> {
  const wanted = [...new Set(lines)].sort((a, b) => a - b);
  const origins = new Map<number, LineOrigin>();
  if (wanted.length === 0) return origins;
  let blamed: Map<number, BlamedLine>;
  try {
    const ranges = wanted.flatMap((line) => ['-L', `${line + 1},${line + 1}`]);
    blamed = parseBlamePorcelain(await runGit(root, ['blame', '--porcelain', ...ranges, '--contents', '-', '--', path], text, UNTRANSLATED));
  } catch (error) {
    if (error instanceof GitError && NO_HISTORY.test(error.stderr)) return undefined;
    if (error instanceof GitError && NO_COMMIT_YET.test(error.stderr)) return new Map(wanted.map((line) => [line, { ...NOT_COMMITTED, signedOffBy: [] }]));
    throw error;
  }
  const trailers = await signedOffBy(root, [...blamed.values()].map((line) => line.commit));
  for (const [line, origin] of blamed) origins.set(line, { ...origin, signedOffBy: trailers.get(origin.commit) ?? [] });
  return origins;
}

/**
 * The provenance of every sign-off of a record file, running git only for lines that need it. In a
 * shallow clone every sign-off that needs provenance is `incomplete-history`: blame there credits
 * older lines to the oldest commit fetched, whoever wrote them. A caller checking many files passes
 * `shallow` as it found it once; otherwise git is asked.
 */
export async function verifySignOffs(root: string, path: string, text: string, shallow?: boolean): Promise<SignOffProvenance[]> {
  const signOffs = parseRecord(path, text).signOff;
  const stateLines = signOffStateLines(text, signOffs);
  const lines = stateLines.filter((line, index): line is number => line !== undefined && needsProvenance(signOffs[index].state));
  if (lines.length === 0) return signOffProvenance(text, new Map<number, LineOrigin>(), signOffs);
  const origins = (shallow ?? (await isShallowRepository(root))) ? INCOMPLETE_HISTORY : await lineOrigins(root, path, text, lines);
  return signOffProvenance(text, origins, signOffs);
}
