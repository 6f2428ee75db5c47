/**
 * The few git questions the CLI asks (where is the repository, which remote, which commit, what
 * changed on this branch), answered by running `git` itself. Arguments go to the process as an
 * array, never through a shell, so branch names and paths with quotes, `;` or `$(…)` stay inert.
 */

import { execFile, type ExecFileException } from 'node:child_process';
import type { GitReader } from '../core/branchSummary';
import type { ChangedPath } from '../core/prSummary';

/** Diffs and file contents of large repositories exceed Node's default 1 MB of output. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** A git command that failed, with what git said about it. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    /** The exit code, or undefined when git could not be started at all. */
    readonly exitCode: number | undefined,
    readonly stderr: string,
    message: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/**
 * Runs `git <args>` in `cwd` and resolves with its standard output, untrimmed. `input` goes to git's
 * standard input (`git blame --contents -`), so git reads the exact text the caller has rather than
 * a file that may change in between; without it standard input is closed at once, so a command
 * that would wait on it ends instead. `env` adds to the environment (see {@link UNTRANSLATED}).
 */
export function runGit(cwd: string, args: readonly string[], input = '', env: Readonly<Record<string, string>> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd,
        maxBuffer: MAX_OUTPUT_BYTES,
        encoding: 'utf8',
        windowsHide: true,
        // A command must never stop to ask for a password in a CI job or behind the editor.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...env },
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        reject(gitErrorFrom(args, error, stderr));
      },
    );
    // git may exit before reading everything (a bad path); the broken pipe is not the error to report.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/**
 * The environment for a git command whose error messages are recognised: untranslated, so they read
 * the same in every locale. Only for commands that run no hooks (`rev-parse`, `blame`): a commit's
 * hooks should keep the user's locale.
 */
export const UNTRANSLATED: Readonly<Record<string, string>> = { LC_ALL: 'C' };

/** True when git failed because its folder is in no repository (rather than one it cannot open). */
export function isNotARepository(error: unknown): boolean {
  return error instanceof GitError && /not a git repository/.test(error.stderr);
}

function gitErrorFrom(args: readonly string[], error: ExecFileException, stderr: string): GitError {
  const command = `git ${args.map(quoteForDisplay).join(' ')}`;
  if (error.code === 'ENOENT') {
    return new GitError(args, undefined, '', `${command}: git is not installed or not on the PATH`);
  }
  const exitCode = typeof error.code === 'number' ? error.code : undefined;
  const said = stderr.trim() || error.message;
  return new GitError(args, exitCode, stderr, `${command} failed${exitCode === undefined ? '' : ` (exit ${exitCode})`}: ${said}`);
}

function quoteForDisplay(arg: string): string {
  return /^[\w./:=@^{}~-]+$/.test(arg) ? arg : JSON.stringify(arg);
}

/** Runs git and gives `undefined` when it exits with 1, which many commands use for "no such thing". */
async function gitOrUndefined(cwd: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return await runGit(cwd, args);
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return undefined;
    throw error;
  }
}

/**
 * A ref or commit the caller passes on. One that starts with `-` would be read as an option
 * (`--output=…`), so it is refused rather than handed to git.
 */
function revision(value: string, what: string): string {
  if (value === '' || value.startsWith('-')) {
    throw new GitError([], undefined, '', `not a valid ${what}: ${JSON.stringify(value)}`);
  }
  return value;
}

function firstLine(text: string | undefined): string | undefined {
  const line = text?.split('\n')[0].trim();
  return line ? line : undefined;
}

/** The top folder of the working tree `cwd` is in. Rejects with a GitError outside a repository. */
export async function repositoryRoot(cwd: string): Promise<string> {
  return (await runGit(cwd, ['rev-parse', '--show-toplevel'], '', UNTRANSLATED)).trim();
}

/**
 * True in a shallow clone (`git clone --depth`, or actions/checkout without `fetch-depth: 0`),
 * whose history stops at its oldest fetched commits. False outside a repository.
 */
export async function isShallowRepository(cwd: string): Promise<boolean> {
  try {
    return (await runGit(cwd, ['rev-parse', '--is-shallow-repository'], '', UNTRANSLATED)).trim() === 'true';
  } catch (error) {
    if (isNotARepository(error)) return false;
    throw error;
  }
}

/**
 * The URL of a remote: the one named, else the remote the current branch tracks, else `origin`,
 * else the first one. Undefined when the repository has no such remote, or none at all.
 */
export async function remoteUrl(cwd: string, name?: string): Promise<string | undefined> {
  const remotes = (await runGit(cwd, ['remote'])).split('\n').map((line) => line.trim()).filter(Boolean);
  let chosen = name;
  if (chosen === undefined) {
    const branch = await currentBranch(cwd);
    const tracked = branch
      ? firstLine(await runGit(cwd, ['for-each-ref', '--format=%(upstream:remotename)', `refs/heads/${branch}`]))
      : undefined;
    chosen = [tracked, 'origin', remotes[0]].find((candidate) => candidate !== undefined && remotes.includes(candidate));
  }
  if (chosen === undefined || !remotes.includes(chosen)) return undefined;
  // `get-url` applies `url.<base>.insteadOf` rewrites, so the URL is the one git really uses.
  return firstLine(await runGit(cwd, ['remote', 'get-url', chosen]));
}

/** The commit checked out, or undefined in a repository without commits yet. */
export async function headCommit(cwd: string): Promise<string | undefined> {
  return firstLine(await gitOrUndefined(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']));
}

/** The short name of the branch checked out, or undefined when HEAD is detached. */
export async function currentBranch(cwd: string): Promise<string | undefined> {
  return firstLine(await gitOrUndefined(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']));
}

/**
 * True when some remote-tracking branch contains the commit, i.e. a link to it will work for
 * others. As fresh as the last fetch: the remote itself is not asked.
 */
export async function isCommitPushed(cwd: string, sha: string): Promise<boolean> {
  const branches = await runGit(cwd, ['branch', '--remotes', '--contains', revision(sha, 'commit')]);
  return branches.trim() !== '';
}

/**
 * The branch the current one tracks (`origin/feature`), else the remote's default branch (see
 * {@link defaultBranch}). Undefined when there is neither.
 */
export async function upstreamOrDefaultBranch(cwd: string): Promise<string | undefined> {
  const branch = await currentBranch(cwd);
  if (branch) {
    const upstream = firstLine(await runGit(cwd, ['for-each-ref', '--format=%(upstream:short)', `refs/heads/${branch}`]));
    if (upstream) return upstream;
  }
  return defaultBranch(cwd);
}

/**
 * The branch a pull request most likely targets: `origin/HEAD` (set by `git clone` or
 * `git remote set-head`), else the first of `origin/main`, `origin/master`, `main`, `master` that
 * exists. Undefined when none does.
 */
export async function defaultBranch(cwd: string): Promise<string | undefined> {
  const originHead = firstLine(await gitOrUndefined(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']));
  if (originHead) return originHead;
  for (const candidate of ['origin/main', 'origin/master', 'main', 'master']) {
    const ref = candidate.startsWith('origin/') ? `refs/remotes/${candidate}` : `refs/heads/${candidate}`;
    if (await gitOrUndefined(cwd, ['rev-parse', '--verify', '--quiet', ref])) return candidate;
  }
  return undefined;
}

/**
 * The commit where `head` left `base` (`git merge-base`), the base side of `git diff base...head`.
 * Undefined when the two share no history. Rejects with a GitError when either ref does not exist.
 */
export async function mergeBase(cwd: string, base: string, head: string): Promise<string | undefined> {
  return firstLine(await gitOrUndefined(cwd, ['merge-base', revision(base, 'base'), revision(head, 'head')]));
}

/**
 * The files a branch changed since it left `base` (`git diff <base>...<head>`), with renames
 * detected. Copies count as additions and type changes as modifications.
 */
export async function changedFiles(
  cwd: string,
  base: string,
  head: string,
  pathspec: string | readonly string[] = [],
): Promise<ChangedPath[]> {
  const range = `${revision(base, 'base')}...${revision(head, 'head')}`;
  const pathspecs = typeof pathspec === 'string' ? [pathspec] : [...pathspec];
  // -z: paths come raw, NUL-separated, instead of quoted and escaped when they hold unusual characters.
  const output = await runGit(cwd, ['diff', '--name-status', '-M', '-z', '--no-color', range, '--', ...pathspecs]);
  return parseNameStatus(output);
}

function parseNameStatus(output: string): ChangedPath[] {
  const fields = output.split('\0');
  const changes: ChangedPath[] = [];
  let index = 0;
  while (index < fields.length && fields[index] !== '') {
    const letter = fields[index][0];
    if (letter === 'R' || letter === 'C') {
      const [oldPath, path] = [fields[index + 1], fields[index + 2]];
      changes.push(letter === 'R' ? { status: 'R', path, oldPath } : { status: 'A', path });
      index += 3;
    } else {
      const path = fields[index + 1];
      changes.push({ status: letter === 'A' ? 'A' : letter === 'D' ? 'D' : 'M', path });
      index += 2;
    }
  }
  return changes;
}

/**
 * The text of a file as it is at `ref` (path relative to the repository root), or undefined when
 * the ref or the file does not exist there. Rejects with a GitError when the path is a folder.
 */
export async function showFile(cwd: string, ref: string, path: string): Promise<string | undefined> {
  const object = firstLine(await gitOrUndefined(cwd, ['rev-parse', '--verify', '--quiet', `${revision(ref, 'ref')}:${path}`]));
  if (!object) return undefined;
  return runGit(cwd, ['cat-file', 'blob', object]);
}

export interface GitIdentity {
  name?: string;
  email?: string;
}

/** The `user.name` and `user.email` git would sign commits with here; each may be unset. */
export async function userIdentity(cwd: string): Promise<GitIdentity> {
  const [name, email] = await Promise.all([
    gitOrUndefined(cwd, ['config', '--get', 'user.name']),
    gitOrUndefined(cwd, ['config', '--get', 'user.email']),
  ]);
  const identity: GitIdentity = {};
  const trimmedName = firstLine(name);
  const trimmedEmail = firstLine(email);
  if (trimmedName) identity.name = trimmedName;
  if (trimmedEmail) identity.email = trimmedEmail;
  return identity;
}

/** The commit a ref names, or undefined when it names none. */
export function resolveCommit(root: string, ref: string): Promise<string | undefined> {
  return runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).then(
    (output) => output.trim() || undefined,
    () => undefined,
  );
}

/** The reads a branch summary makes in the repository at `root`: `rationale pr-summary` and the editor's Copy PR Summary alike. */
export function gitReaderFor(root: string): GitReader {
  return {
    changedFiles: (from, to, pathspec) => changedFiles(root, from, to, pathspec),
    mergeBase: (from, to) => mergeBase(root, from, to),
    showFile: (ref, file) => showFile(root, ref, file),
    resolveCommit: (ref) => resolveCommit(root, ref),
    remoteUrl: () => remoteUrl(root),
  };
}
