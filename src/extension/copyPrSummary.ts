/**
 * Copy PR Summary: the markdown `rationale pr-summary` prints for the current branch, against the
 * branch a pull request would target, on the clipboard.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { summarizeBranch } from '../core/branchSummary';
import { currentBranch, defaultBranch, gitReaderFor, resolveCommit } from '../cli/git';
import type { CopiedText } from './copyPullRequestLink';
import type { DecisionLogs } from './decisionLogs';
import { hostKindsSetting, locateInRepository, whyNoGit } from './repositoryGit';
import { referencePrefix } from './settings';
import { chooseWorkspaceFolder } from './workspaceFolderChoice';

/** Lets tests and other extensions skip the questions. */
export interface CopyPrSummaryArguments {
  /** The workspace folder (or a file in it) whose log to summarise. */
  folder?: vscode.Uri;
  /** The ref to compare against; default: the remote's default branch. */
  base?: string;
  /** Default `HEAD`. */
  head?: string;
}

export async function copyPrSummary(logs: DecisionLogs, argument?: unknown): Promise<CopiedText | undefined> {
  const options = summaryArguments(argument);
  const folder = await chooseWorkspaceFolder(options.folder);
  if (!folder) return undefined;
  const noGit = whyNoGit(folder.uri);
  if (noGit) throw new Error(`Copy PR Summary needs git, but ${noGit}.`);
  const location = await locateInRepository(folder.uri, true);
  if (!location) throw new Error(`Copy PR Summary: ${folder.name} is not in a git repository.`);
  const log = await logs.getLog(folder);
  if (!log) throw new Error(`Copy PR Summary: ${folder.name} has no decision log.`);

  const { root } = location;
  // Not the branch's own upstream: once a feature branch is pushed, that is the branch itself.
  const base = options.base ?? (await defaultBranch(root)) ?? (await askForBase(root));
  if (base === undefined) return undefined;
  const head = options.head ?? 'HEAD';
  const text = await summarizeBranch(gitReaderFor(root), {
    base,
    head,
    folder: path.posix.join(location.path, log.decisionFolder),
    prefix: referencePrefix(folder.uri),
    hostKinds: hostKindsSetting(folder.uri),
  });
  await vscode.env.clipboard.writeText(text);

  const headName = head === 'HEAD' ? ((await currentBranch(root)) ?? 'HEAD') : head;
  const count = text.split('\n').filter((line) => line.startsWith('- ')).length;
  const what = count === 0 ? 'no decision records changed' : count === 1 ? '1 decision record' : `${count} decision records`;
  const message = `Copied the PR summary of ${headName} against ${base}: ${what}.`;
  void vscode.window.showInformationMessage(message);
  return { text, message };
}

function summaryArguments(argument: unknown): CopyPrSummaryArguments {
  if (argument instanceof vscode.Uri) return { folder: argument };
  if (typeof argument !== 'object' || argument === null) return {};
  const value = argument as Record<string, unknown>;
  const options: CopyPrSummaryArguments = {};
  if (value.folder instanceof vscode.Uri) options.folder = value.folder;
  if (typeof value.base === 'string' && value.base !== '') options.base = value.base;
  if (typeof value.head === 'string' && value.head !== '') options.head = value.head;
  return options;
}

/** When no default branch exists (no remote, no main or master), the user names the base. */
function askForBase(root: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Copy PR Summary',
    prompt: 'No default branch found (origin/HEAD, origin/main, origin/master, main, master). Compare against which branch, tag or commit?',
    placeHolder: 'origin/develop',
    ignoreFocusOut: true,
    validateInput: async (value) => {
      const ref = value.trim();
      if (ref === '') return 'Name a branch, tag or commit.';
      if (ref.startsWith('-')) return 'A ref cannot start with “-”.';
      return (await resolveCommit(root, ref)) ? undefined : `No commit named ${ref} in this repository.`;
    },
  }).then((value) => value?.trim());
}
