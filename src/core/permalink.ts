/**
 * Web links to a file in a repository at a fixed commit (or a branch), for each kind of git host,
 * and the one-line markdown form a record takes in a pull request description.
 */

import { displayRemoteUrl, hostKind, parseRemoteUrl, type HostKind, type RemoteLocation } from './gitRemote';

export interface PermalinkRequest {
  /** The remote as `git remote get-url` prints it. */
  remoteUrl: string;
  /** The host's kind when the caller knows it; otherwise it comes from the host name and `hostKinds`. */
  kind?: HostKind;
  /** A commit (the point of a permalink: it never moves) or a branch name. */
  ref: string;
  /**
   * Whether `ref` is a commit or a branch. Without it, 7 to 64 hex digits are a commit and anything
   * else is a branch. Only Azure DevOps and Gitea spell the two differently.
   */
  refKind?: 'commit' | 'branch';
  /** Path of the file relative to the repository root, POSIX separators. */
  path: string;
  /** 1-based line to point at. */
  line?: number;
  /** The user's mapping of self-hosted hosts to their kind (`rationale.hostKinds`). */
  hostKinds?: Readonly<Record<string, string>>;
}

/** A link, or the reason there is none, worded for the person who asked for it. */
export type PermalinkResult = { url: string } | { reason: string };

export function buildPermalink(request: PermalinkRequest): PermalinkResult {
  const remote = parseRemoteUrl(request.remoteUrl);
  if (!remote) return { reason: `the remote ${displayRemoteUrl(request.remoteUrl)} has no web address` };
  const kind = request.kind ?? hostKind(remote.host, request.hostKinds ?? {});
  if (!kind) return { reason: `unknown host ${remote.host}: set rationale.hostKinds` };
  const filePath = request.path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  if (filePath === '') return { reason: 'no file to link to' };
  if (request.ref.trim() === '') return { reason: 'no commit or branch to link to' };

  const target: LinkTarget = {
    base: `${webOrigin(remote)}/${encodePath(remote.path)}`,
    ref: request.ref,
    isCommit: request.refKind ? request.refKind === 'commit' : /^[0-9a-f]{7,64}$/i.test(request.ref),
    path: filePath,
    line: request.line !== undefined && Number.isInteger(request.line) && request.line >= 1 ? request.line : undefined,
  };
  return { url: LINK_BUILDERS[kind](target, remote) };
}

interface LinkTarget {
  /** Web address of the repository: `https://github.com/acme/app`. */
  base: string;
  ref: string;
  isCommit: boolean;
  path: string;
  line: number | undefined;
}

const LINK_BUILDERS: Record<HostKind, (target: LinkTarget, remote: RemoteLocation) => string> = {
  github: (target) =>
    `${target.base}/blob/${encodePath(target.ref)}/${encodePath(target.path)}${sourceView(target, '?plain=1')}${lineAnchor(target, '#L')}`,
  gitlab: (target) =>
    `${target.base}/-/blob/${encodePath(target.ref)}/${encodePath(target.path)}${sourceView(target, '?plain=1')}${lineAnchor(target, '#L')}`,
  bitbucket: (target) =>
    `${target.base}/src/${encodePath(target.ref)}/${encodePath(target.path)}${lineAnchor(target, '#lines-')}`,
  gitea: (target) =>
    `${target.base}/src/${target.isCommit ? 'commit' : 'branch'}/${encodePath(target.ref)}/${encodePath(target.path)}${sourceView(target, '?display=source')}${lineAnchor(target, '#L')}`,
  azure: azureLink,
};

/** `https://dev.azure.com/org/project/_git/repo?path=/docs/x.md&version=GC<sha>`. */
function azureLink(target: LinkTarget, remote: RemoteLocation): string {
  const segments = remote.path.split('/');
  const repository = segments.pop() ?? '';
  const owner = segments.map(encodeURIComponent).join('/');
  const version = `${target.isCommit ? 'GC' : 'GB'}${encodeURIComponent(target.ref)}`;
  let url = `${webOrigin(remote)}/${owner}/_git/${encodeURIComponent(repository)}?path=/${encodePath(target.path)}&version=${version}`;
  if (target.line !== undefined) {
    // The form Azure DevOps' own "copy link to line" produces: a range ending at the next line.
    url += `&line=${target.line}&lineEnd=${target.line + 1}&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`;
  }
  return url;
}

/**
 * Hosts render markdown files, and a rendered page has no line anchors; a link to a line of a
 * record must ask for the source view (GitHub and GitLab: `?plain=1`, Gitea: `?display=source`).
 */
function sourceView(target: LinkTarget, query: string): string {
  return target.line !== undefined && /\.(md|mdx|markdown)$/i.test(target.path) ? query : '';
}

function lineAnchor(target: LinkTarget, prefix: string): string {
  return target.line === undefined ? '' : `${prefix}${target.line}`;
}

function webOrigin(remote: RemoteLocation): string {
  const scheme = remote.protocol === 'http' ? 'http' : 'https';
  const host = remote.host.includes(':') ? `[${remote.host}]` : remote.host;
  return `${scheme}://${host}${remote.port !== undefined ? `:${remote.port}` : ''}`;
}

/** URL-encodes each segment of a path (spaces, `#`, `?`, `%`, non-ASCII) and keeps the slashes. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** How many of a record's stakeholders have approved it, out of how many are named. */
export interface SignOffCounts {
  approved: number;
  total: number;
  /** Objections are worth a reviewer's attention, so they are counted apart. */
  objected?: number;
}

export interface PullRequestLineInput {
  /** The reference prefix of the log: `DR` gives `DR-12`. */
  prefix: string;
  /** The record's number; records without one are named by their title alone. */
  number?: number;
  title: string;
  /** The status as it should read, e.g. `accepted` or `proposed → accepted`. */
  status?: string;
  signOff?: SignOffCounts;
  /** The record's web address; without it the line shows `path` instead of a link. */
  url?: string;
  /** Repository-relative path of the record. */
  path: string;
  /** Markdown appended after the details, e.g. "renamed from `docs/…`". */
  note?: string;
}

/**
 * One line of a pull request description for a record:
 * `[DR-12: Bill annual plans upfront](https://…) — accepted, 2/3 signed off`.
 * Without a URL the line names the file instead (`` DR-12: … (`docs/decisions/0012-….md`) ``); why
 * there is no URL is the caller's to say, once, not on every line.
 */
export function formatPullRequestLine(input: PullRequestLineInput): string {
  const title = escapeLinkText(singleLine(input.title) || '(untitled)');
  const label = input.number === undefined ? title : `${referenceOf(input.prefix, input.number)}: ${title}`;
  const subject = input.url ? `[${label}](${escapeLinkDestination(input.url)})` : `${label} (${codeSpan(input.path)})`;

  const details: string[] = [];
  // A status as written in the file (`superseded by [5](…)`) must not bring links or markup into a PR description.
  const status = input.status === undefined ? '' : escapeMarkdown(singleLine(input.status));
  if (status !== '') details.push(status);
  if (input.signOff && input.signOff.total > 0) {
    const { approved, total, objected = 0 } = input.signOff;
    details.push(`${approved}/${total} signed off`);
    if (objected > 0) details.push(`${objected} objected`);
  }
  let line = details.length > 0 ? `${subject} — ${details.join(', ')}` : subject;
  const note = input.note === undefined ? '' : singleLine(input.note);
  if (note !== '') line += ` — ${note}`;
  return line;
}

function referenceOf(prefix: string, number: number): string {
  return prefix === '' ? String(number) : `${prefix}-${number}`;
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Markdown's punctuation escaped, so text from a file reads as written and forms no link, emphasis or HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()<>!#|~]/g, (character) => `\\${character}`);
}

/** Brackets would end or nest the link text; a backslash would escape what follows it. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}

/** Spaces, angle brackets and parentheses would end an inline link's destination early. */
function escapeLinkDestination(url: string): string {
  return url.replace(/[ ()<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A code span that survives backticks in its text: the fence is longer than any run inside. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}
