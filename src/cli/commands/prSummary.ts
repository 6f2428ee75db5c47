import { summarizeBranch } from '../../core/branchSummary';
import { changedFiles, isNotARepository, mergeBase, remoteUrl, repositoryRoot, runGit, showFile } from '../git';
import type { Io } from '../io';
import { openRepository } from '../repository';
import { UsageError, noPositionals, parseCommandArgs } from '../usage';

export const PR_SUMMARY_HELP = `Usage: rationale pr-summary --base <ref> [--head <ref>] [--dir D] [--prefix P]

Prints markdown listing the decision records head (default HEAD) added, edited, re-statused and
removed since it left base, as git diff base...head compares them, with permalinks and sign-off
state, to paste into a pull request description or post from CI.`;

export async function prSummaryCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    base: { type: 'string' },
    head: { type: 'string' },
    dir: { type: 'string' },
    prefix: { type: 'string' },
  });
  if (values.help) {
    io.out(PR_SUMMARY_HELP);
    return 0;
  }
  noPositionals(positionals);
  const base = values.base as string | undefined;
  if (!base) throw new UsageError('--base <ref> is required, e.g. --base origin/main');
  await repositoryRoot(io.cwd).catch((error: unknown) => {
    if (isNotARepository(error)) throw new UsageError(`${io.cwd} is not in a git repository: pr-summary compares two git refs`);
    throw error;
  });
  const repository = await openRepository(io.cwd, values.dir as string | undefined);
  const root = repository.root;
  const summary = await summarizeBranch(
    {
      changedFiles: (from, to, pathspec) => changedFiles(root, from, to, pathspec),
      mergeBase: (from, to) => mergeBase(root, from, to),
      showFile: (ref, path) => showFile(root, ref, path),
      resolveCommit: (ref) => runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).then((out) => out.trim() || undefined, () => undefined),
      remoteUrl: () => remoteUrl(root),
    },
    { base, head: (values.head as string | undefined) ?? 'HEAD', folder: repository.folder, prefix: (values.prefix as string | undefined) ?? 'DR' },
  );
  io.out(summary);
  return 0;
}
