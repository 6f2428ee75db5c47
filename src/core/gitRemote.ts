/**
 * Git remote URLs, read for what a web link needs: the host, the repository's path on it and how
 * the remote is reached. The many spellings git accepts (HTTPS with credentials, scp-style SSH,
 * `ssh://` with ports, Azure DevOps' `_git` and `v3/` forms) all come down to the same few facts.
 */

export type RemoteProtocol = 'https' | 'http' | 'ssh' | 'git';

export interface RemoteLocation {
  /** Lower-case host name of the web side, without port or credentials: `github.com`, `dev.azure.com`. */
  host: string;
  /**
   * The repository's path on the host, without `.git` or slashes at either end: `acme/app`,
   * `group/sub/repo`. Azure DevOps paths drop the `_git` marker: `org/project/repo`.
   */
  path: string;
  protocol: RemoteProtocol;
  /** The port of an HTTP(S) remote when it is not the default one; the web pages are served there too. */
  port?: number;
}

export type HostKind = 'github' | 'gitlab' | 'bitbucket' | 'azure' | 'gitea';

export const HOST_KINDS: readonly HostKind[] = ['github', 'gitlab', 'bitbucket', 'azure', 'gitea'];

/**
 * Hosts whose SSH side has another name than their web side (`ssh.github.com` serves SSH on port
 * 443 for networks that block port 22).
 */
const SSH_HOST_ALIASES: Record<string, string> = {
  'ssh.github.com': 'github.com',
  'altssh.gitlab.com': 'gitlab.com',
  'altssh.bitbucket.org': 'bitbucket.org',
  'ssh.dev.azure.com': 'dev.azure.com',
  'vs-ssh.visualstudio.com': 'dev.azure.com',
};

const KNOWN_HOSTS: Record<string, HostKind> = {
  'github.com': 'github',
  'gitlab.com': 'gitlab',
  'bitbucket.org': 'bitbucket',
  'dev.azure.com': 'azure',
  'codeberg.org': 'gitea',
};

/** `user@host:path` (git's scp-like syntax): no scheme, and no slash before the first colon. */
const SCP_LIKE = /^(?:[^@/]+@)?([^@/:]+):(?!\/\/)(.+)$/;

/**
 * A remote URL fit to show in a message: without the user name and password or token
 * (`https://x-access-token:…@github.com/…` is how CI checkouts authenticate), query or fragment.
 * Scp-like addresses (`git@host:path`) name only an SSH login and are shown as they are.
 */
export function displayRemoteUrl(url: string): string {
  const text = url.trim();
  const parts = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)/i.exec(text);
  if (!parts) return text;
  const [, scheme, authority, path] = parts;
  return `${scheme}${authority.slice(authority.lastIndexOf('@') + 1)}${path}`;
}

/**
 * Reads a remote URL as `git remote get-url` prints it. Local paths and `file://` remotes have no
 * web side and give `undefined`, as does anything that is not a remote URL at all.
 */
export function parseRemoteUrl(url: string): RemoteLocation | undefined {
  const text = url.trim();
  if (text === '') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) return parseSchemeUrl(text, scheme[1].toLowerCase());
  const scp = SCP_LIKE.exec(text);
  // A one-letter "host" is a Windows drive (`C:\repos\app`), which git treats as a local path too.
  if (!scp || scp[1].length < 2) return undefined;
  return locate(scp[1], scp[2], 'ssh', undefined);
}

function parseSchemeUrl(text: string, scheme: string): RemoteLocation | undefined {
  const protocol = protocolOf(scheme);
  if (!protocol) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  // The port of an SSH or git:// remote says nothing about where the web pages are.
  const port = (protocol === 'https' || protocol === 'http') && parsed.port !== '' ? Number(parsed.port) : undefined;
  return locate(parsed.hostname, parsed.pathname, protocol, port);
}

function protocolOf(scheme: string): RemoteProtocol | undefined {
  switch (scheme) {
    case 'https':
    case 'git+https':
      return 'https';
    case 'http':
    case 'git+http':
      return 'http';
    case 'ssh':
    case 'git+ssh':
    case 'ssh+git':
      return 'ssh';
    case 'git':
      return 'git';
    default:
      return undefined;
  }
}

function locate(
  rawHost: string,
  rawPath: string,
  protocol: RemoteProtocol,
  port: number | undefined,
): RemoteLocation | undefined {
  let host = rawHost.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === '') return undefined;
  let segments = rawPath.split('/').filter((segment) => segment !== '').map(decodeSegment);

  host = SSH_HOST_ALIASES[host] ?? host;
  const visualStudioOrganisation = /^([^.]+)\.visualstudio\.com$/.exec(host);
  if (host === 'dev.azure.com' && segments[0] === 'v3') {
    // git@ssh.dev.azure.com:v3/org/project/repo
    segments = segments.slice(1);
  } else if (visualStudioOrganisation) {
    // https://org.visualstudio.com/[DefaultCollection/]project/_git/repo is the older name of
    // https://dev.azure.com/org/project/_git/repo, which serves every organisation.
    if (segments[0]?.toLowerCase() === 'defaultcollection') segments = segments.slice(1);
    segments = [visualStudioOrganisation[1], ...segments];
    host = 'dev.azure.com';
  }
  segments = withoutAzureGitMarker(segments);

  if (segments.length > 0) {
    const last = segments.length - 1;
    segments[last] = segments[last].replace(/\.git$/i, '');
    if (segments[last] === '') segments = segments.slice(0, last);
  }
  if (segments.length === 0) return undefined;
  const location: RemoteLocation = { host, path: segments.join('/'), protocol };
  if (port !== undefined) location.port = port;
  return location;
}

/**
 * Azure DevOps (cloud and server) spells repositories `…/project/_git/repo`; the short form
 * `org/_git/repo` names a repository in the project of the same name.
 */
function withoutAzureGitMarker(segments: string[]): string[] {
  const marker = segments.length - 2;
  if (marker < 0 || segments[marker] !== '_git') return segments;
  const repository = segments[marker + 1];
  const owner = segments.slice(0, marker);
  if (owner.length === 1) return [owner[0], repository, repository];
  return [...owner, repository];
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Which kind of web front end a host runs. The user's own mapping wins; then the public hosts; then
 * a guess from the name of a self-hosted one (`gitlab.acme.com`, `gitea.internal`). Bitbucket
 * Server is not Bitbucket Cloud and speaks other URLs, so no host is guessed to be Bitbucket.
 */
export function hostKind(host: string, overrides: Readonly<Record<string, string>> = {}): HostKind | undefined {
  const name = host.toLowerCase();
  for (const [overriddenHost, kind] of Object.entries(overrides)) {
    // People copy hosts from URLs; `git.acme.com:8443` means the host `git.acme.com`.
    const overriddenName = overriddenHost.toLowerCase().replace(/:\d+$/, '');
    if (overriddenName === name && isHostKind(kind)) return kind;
  }
  const known = KNOWN_HOSTS[name];
  if (known) return known;
  if (name.endsWith('.visualstudio.com')) return 'azure';
  if (name.includes('gitlab')) return 'gitlab';
  if (name.includes('gitea') || name.includes('forgejo')) return 'gitea';
  return undefined;
}

export function isHostKind(value: string): value is HostKind {
  return (HOST_KINDS as readonly string[]).includes(value);
}
