import { summarizeBranch } from '../../core/branchSummary';
import { HOST_KINDS, hostKind, isHostKind, parseRemoteUrl } from '../../core/gitRemote';
import { buildPermalink } from '../../core/permalink';
import { gitReaderFor, isNotARepository, remoteUrl, repositoryRoot } from '../git';
import type { Io } from '../io';
import { openRepository } from '../repository';
import { UsageError, noPositionals, parseCommandArgs } from '../usage';

export const PR_SUMMARY_HELP = `Usage: rationale pr-summary --base <ref> [--head <ref>] [--dir D] [--prefix P] [--host-kind HOST=KIND]

Prints markdown listing the decision records head (default HEAD) added, edited, re-statused and
removed since it left base, as git diff base...head compares them, with permalinks and sign-off
state, to paste into a pull request description or post from CI.

  --host-kind HOST=KIND  the kind of a self-hosted server, for its permalinks (repeatable):
                         KIND is one of ${HOST_KINDS.join(', ')}; e.g. --host-kind git.acme.com=gitlab`;

export async function prSummaryCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    base: { type: 'string' },
    head: { type: 'string' },
    dir: { type: 'string' },
    prefix: { type: 'string' },
    'host-kind': { type: 'string', multiple: true },
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
  const hostKinds = parseHostKinds((values['host-kind'] as string[] | undefined) ?? []);
  const repository = await openRepository(io.cwd, values.dir as string | undefined);
  const root = repository.root;
  const remote = await remoteUrl(root);
  const noLinks = whyNoPermalinks(remote, repository.folder, hostKinds);
  if (noLinks) io.err(`rationale: records are listed without permalinks: ${noLinks}`);
  const summary = await summarizeBranch(
    { ...gitReaderFor(root), remoteUrl: async () => remote },
    { base, head: (values.head as string | undefined) ?? 'HEAD', folder: repository.folder, prefix: (values.prefix as string | undefined) ?? 'DR', hostKinds },
  );
  io.out(summary);
  return 0;
}

/** `--host-kind git.acme.com=gitlab`, as many as given, into the overrides the permalinks take. */
function parseHostKinds(values: readonly string[]): Record<string, string> {
  const kinds: Record<string, string> = {};
  for (const value of values) {
    const [host, kind, ...rest] = value.split('=').map((part) => part.trim());
    if (!host || kind === undefined || rest.length > 0 || !isHostKind(kind)) {
      throw new UsageError(`--host-kind takes HOST=KIND with KIND one of ${HOST_KINDS.join(', ')} (got "${value}")`);
    }
    kinds[host] = kind;
  }
  return kinds;
}

/** Why the summary's records cannot be links, in the CLI's words; undefined when they can. */
function whyNoPermalinks(remote: string | undefined, folder: string, hostKinds: Readonly<Record<string, string>>): string | undefined {
  if (remote === undefined) return 'the repository has no remote';
  const location = parseRemoteUrl(remote);
  if (location && !hostKind(location.host, hostKinds)) return `unknown host ${location.host}: pass --host-kind ${location.host}=${HOST_KINDS.join('|')}`;
  const probe = buildPermalink({ remoteUrl: remote, ref: 'HEAD', refKind: 'branch', path: folder || '.', hostKinds });
  return 'url' in probe ? undefined : probe.reason;
}
