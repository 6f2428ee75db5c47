/**
 * The web address of a record's file for a pull request description: at the commit checked out
 * when others can see it, else at the branch, else no address at all, with a sentence saying which
 * and why, so the person pasting it knows whether the link will work.
 */
import type * as vscode from 'vscode';
import { buildPermalink } from '../core/permalink';
import { currentBranch, headCommit, isCommitPushed, remoteUrl, runGit } from '../cli/git';
import { hostKindsSetting, locateInRepository, whyNoGit } from './repositoryGit';

export interface RecordLink {
  /** The permalink; undefined when there is none, and then `notice` says why. */
  url?: string;
  /** The file's path relative to the repository root (or the workspace folder, without git). */
  path: string;
  /** What the user should know about the link: not pushed, branch instead of commit, no remote. */
  notice?: string;
}

const NAMES_THE_FILE = 'the line names the file instead.';

/**
 * @param workspacePath the record's path relative to its workspace folder, used when git cannot
 *   tell the repository-relative one.
 */
export async function recordLink(uri: vscode.Uri, workspacePath: string): Promise<RecordLink> {
  const noGit = whyNoGit(uri);
  if (noGit) return { path: workspacePath, notice: `No web link: ${noGit}; ${NAMES_THE_FILE}` };
  const location = await locateInRepository(uri);
  if (!location) return { path: workspacePath, notice: `No web link: the record is not in a git repository; ${NAMES_THE_FILE}` };
  const { root, path } = location;
  const remote = await remoteUrl(root);
  if (!remote) return { path, notice: `No web link: the repository has no remote; ${NAMES_THE_FILE}` };

  const ref = await linkRef(root, path);
  if ('reason' in ref) return { path, notice: `No web link: ${ref.reason}; ${NAMES_THE_FILE}` };
  const built = buildPermalink({ remoteUrl: remote, ref: ref.ref, refKind: ref.kind, path, hostKinds: hostKindsSetting(uri) });
  if ('reason' in built) return { path, notice: `No web link: ${built.reason}; ${NAMES_THE_FILE}` };
  return ref.notice === undefined ? { url: built.url, path } : { url: built.url, path, notice: ref.notice };
}

type LinkRef = { ref: string; kind: 'commit' | 'branch'; notice?: string } | { reason: string };

/** The commit when a remote branch holds it (a link that never moves), else the branch checked out. */
async function linkRef(root: string, path: string): Promise<LinkRef> {
  const commit = await headCommit(root);
  const pushed = commit !== undefined && (await isCommitPushed(root, commit).catch(() => false));
  if (commit !== undefined && pushed) {
    const uncommitted = (await runGit(root, ['status', '--porcelain', '--', path]).catch(() => '')).trim() !== '';
    return uncommitted
      ? { ref: commit, kind: 'commit', notice: `The record has changes that are not committed: the link shows it as of commit ${commit.slice(0, 7)}.` }
      : { ref: commit, kind: 'commit' };
  }
  const branch = await currentBranch(root);
  if (branch !== undefined) {
    const why = commit === undefined ? 'Nothing is committed yet' : `Commit ${commit.slice(0, 7)} is not pushed`;
    return { ref: branch, kind: 'branch', notice: `${why}: the link points at the branch ${branch}.` };
  }
  if (commit !== undefined) {
    return { ref: commit, kind: 'commit', notice: `Commit ${commit.slice(0, 7)} is not pushed: the link works once it is.` };
  }
  return { reason: 'the repository has no commit and no branch yet' };
}
