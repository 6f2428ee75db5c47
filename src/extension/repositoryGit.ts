/**
 * The git side of the pull request commands: whether git may run for a folder and where a file sits
 * in its repository. Git runs through the CLI's execFile helpers (argument arrays, never a shell),
 * which the Node extension host can use as is.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UNTRANSLATED, isNotARepository, repositoryRoot, runGit } from '../cli/git';
import { NAMESPACE, Settings } from './constants';

/**
 * Why git cannot run for `uri`, or undefined when it can. An untrusted workspace's git config may
 * name programs to run; a virtual folder has no working tree on this machine.
 */
export function whyNoGit(uri: vscode.Uri): string | undefined {
  if (!vscode.workspace.isTrusted) return 'this workspace is not trusted, so Rationale runs no git in it';
  if (uri.scheme !== 'file') return 'the folder is not on this machine\'s disk, so git cannot read it';
  return undefined;
}

/** A file's place in its git repository. */
export interface RepositoryLocation {
  /** The top folder of the working tree, as git prints it. */
  root: string;
  /** The file's path relative to `root`, POSIX separators. */
  path: string;
}

/**
 * Where a file or folder sits in its repository; undefined outside one. The path comes from git's
 * own `--show-prefix`, so a workspace opened through a symbolic link still gets the path git uses.
 * Rejects with git's reason when there is a repository git cannot use (another user's, a broken one).
 */
export async function locateInRepository(uri: vscode.Uri, isFolder = false): Promise<RepositoryLocation | undefined> {
  const directory = isFolder ? uri.fsPath : path.dirname(uri.fsPath);
  try {
    const [root, prefix] = await Promise.all([
      repositoryRoot(directory),
      runGit(directory, ['rev-parse', '--show-prefix'], '', UNTRANSLATED).then((output) => output.trim()),
    ]);
    const name = isFolder ? '' : path.basename(uri.fsPath);
    return { root, path: `${prefix}${name}`.replace(/\/+$/, '') };
  } catch (error) {
    if (isNotARepository(error)) return undefined;
    throw error;
  }
}

/** The user's `rationale.hostKinds`: host name → `github`, `gitlab`, `bitbucket`, `azure` or `gitea`. */
export function hostKindsSetting(scope?: vscode.Uri): Record<string, string> {
  const value = vscode.workspace.getConfiguration(NAMESPACE, scope).get<unknown>(Settings.hostKinds);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
