/**
 * What a branch decides: the records it adds, edits, re-statuses or removes between two git refs,
 * rendered for a pull request description. Shared by the CLI's `pr-summary` and the extension's
 * "Copy PR Summary", which each hand it their way of reading git.
 */
import { isInsideFolder } from './folders';
import { baseName } from './fileSystem';
import { isRecordFileName } from './naming';
import { parseRecord } from './parse';
import { buildPermalink } from './permalink';
import { ChangedPath, computeRecordChanges, renderPrSummary } from './prSummary';
import type { DecisionRecord } from './record';

/** The reads the summary needs from a repository; paths are relative to its root. */
export interface GitReader {
  changedFiles(base: string, head: string, pathspec: string): Promise<ChangedPath[]>;
  /** Where `head` left `base` (`git merge-base`); undefined when they share no history. */
  mergeBase(base: string, head: string): Promise<string | undefined>;
  showFile(ref: string, path: string): Promise<string | undefined>;
  /** The commit a ref points at, for links that never move. */
  resolveCommit(ref: string): Promise<string | undefined>;
  remoteUrl(): Promise<string | undefined>;
}

export interface BranchSummaryOptions {
  base: string;
  head: string;
  /** The decision folder, relative to the repository root. */
  folder: string;
  prefix: string;
  hostKinds?: Readonly<Record<string, string>>;
}

/**
 * The summary of what `head` changed since it left `base`: as `git diff base...head` compares, the
 * base side is the merge base, not the tip of `base`, whose own later changes are not the branch's.
 */
export async function summarizeBranch(git: GitReader, options: BranchSummaryOptions): Promise<string> {
  const since = await git.mergeBase(options.base, options.head);
  if (since === undefined) {
    throw new Error(`${options.head} and ${options.base} share no history, so there is no point the branch left from (in a shallow clone, fetch the full history)`);
  }
  const changed = (await git.changedFiles(since, options.head, options.folder)).filter(
    (change) => isRecordPath(change.path, options.folder) || (change.oldPath !== undefined && isRecordPath(change.oldPath, options.folder)),
  );
  const [baseCommit, headCommit, remote] = await Promise.all([
    git.resolveCommit(since),
    git.resolveCommit(options.head),
    git.remoteUrl(),
  ]);
  // Only record names are read as records: a record renamed to `notes.md` is gone from the log.
  const records = (paths: string[]) => paths.filter((path) => isRecordPath(path, options.folder));
  const before = await readRecords(git, since, records(changed.filter((change) => change.status !== 'A').map((change) => change.oldPath ?? change.path)));
  const after = await readRecords(git, options.head, records(changed.filter((change) => change.status !== 'D').map((change) => change.path)));

  const linkTo = (path: string, side: 'base' | 'head') => {
    const commit = side === 'base' ? baseCommit : headCommit;
    if (!remote || !commit) return undefined;
    const link = buildPermalink({ remoteUrl: remote, ref: commit, refKind: 'commit', path, hostKinds: options.hostKinds });
    return 'url' in link ? link.url : undefined;
  };
  return renderPrSummary(computeRecordChanges(before, after, changed, { linkTo }), { prefix: options.prefix });
}

function isRecordPath(path: string, folder: string): boolean {
  return isInsideFolder(path, folder) && isRecordFileName(baseName(path));
}

async function readRecords(git: GitReader, ref: string, paths: string[]): Promise<DecisionRecord[]> {
  const texts = await Promise.all(paths.map((path) => git.showFile(ref, path)));
  return paths.flatMap((path, index) => {
    const text = texts[index];
    return text === undefined ? [] : [parseRecord(path, text)];
  });
}
