import * as assert from 'node:assert/strict';
import { displayRemoteUrl, hostKind, parseRemoteUrl, type HostKind, type RemoteLocation } from '../../src/core/gitRemote';

interface RemoteCase {
  url: string;
  location: RemoteLocation;
  kind: HostKind | undefined;
}

const REMOTES: RemoteCase[] = [
  // GitHub
  { url: 'https://github.com/acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'https' }, kind: 'github' },
  { url: 'https://github.com/acme/app', location: { host: 'github.com', path: 'acme/app', protocol: 'https' }, kind: 'github' },
  { url: 'https://github.com/acme/app/', location: { host: 'github.com', path: 'acme/app', protocol: 'https' }, kind: 'github' },
  { url: 'https://user@github.com/acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'https' }, kind: 'github' },
  { url: 'https://x-access-token:ghp_secret@github.com/acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'https' }, kind: 'github' },
  { url: 'git@github.com:acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'ssh' }, kind: 'github' },
  { url: 'org-42@github.com:acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'ssh' }, kind: 'github' },
  { url: 'ssh://git@github.com/acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'ssh' }, kind: 'github' },
  { url: 'ssh://git@ssh.github.com:443/acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'ssh' }, kind: 'github' },
  { url: 'git://github.com/acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'git' }, kind: 'github' },
  { url: 'GIT@GitHub.com:acme/app.git', location: { host: 'github.com', path: 'acme/app', protocol: 'ssh' }, kind: 'github' },
  { url: '  https://github.com/acme/app.git\n', location: { host: 'github.com', path: 'acme/app', protocol: 'https' }, kind: 'github' },
  // GitLab, with subgroups and self-hosted
  { url: 'git@gitlab.com:group/sub/repo.git', location: { host: 'gitlab.com', path: 'group/sub/repo', protocol: 'ssh' }, kind: 'gitlab' },
  { url: 'https://gitlab.com/group/sub/deeper/repo.git', location: { host: 'gitlab.com', path: 'group/sub/deeper/repo', protocol: 'https' }, kind: 'gitlab' },
  { url: 'ssh://git@altssh.gitlab.com:443/group/repo.git', location: { host: 'gitlab.com', path: 'group/repo', protocol: 'ssh' }, kind: 'gitlab' },
  { url: 'ssh://git@gitlab.acme.io:2222/group/sub/repo.git', location: { host: 'gitlab.acme.io', path: 'group/sub/repo', protocol: 'ssh' }, kind: 'gitlab' },
  { url: 'https://gitlab.acme.io:8443/group/repo.git', location: { host: 'gitlab.acme.io', path: 'group/repo', protocol: 'https', port: 8443 }, kind: 'gitlab' },
  { url: 'http://gitlab.internal/group/repo.git', location: { host: 'gitlab.internal', path: 'group/repo', protocol: 'http' }, kind: 'gitlab' },
  // Bitbucket Cloud
  { url: 'https://user@bitbucket.org/team/repo.git', location: { host: 'bitbucket.org', path: 'team/repo', protocol: 'https' }, kind: 'bitbucket' },
  { url: 'git@bitbucket.org:team/repo.git', location: { host: 'bitbucket.org', path: 'team/repo', protocol: 'ssh' }, kind: 'bitbucket' },
  // Azure DevOps, every spelling of the same repository
  { url: 'https://dev.azure.com/org/project/_git/repo', location: { host: 'dev.azure.com', path: 'org/project/repo', protocol: 'https' }, kind: 'azure' },
  { url: 'https://org@dev.azure.com/org/project/_git/repo', location: { host: 'dev.azure.com', path: 'org/project/repo', protocol: 'https' }, kind: 'azure' },
  { url: 'git@ssh.dev.azure.com:v3/org/project/repo', location: { host: 'dev.azure.com', path: 'org/project/repo', protocol: 'ssh' }, kind: 'azure' },
  { url: 'https://org.visualstudio.com/project/_git/repo', location: { host: 'dev.azure.com', path: 'org/project/repo', protocol: 'https' }, kind: 'azure' },
  { url: 'https://org.visualstudio.com/DefaultCollection/project/_git/repo', location: { host: 'dev.azure.com', path: 'org/project/repo', protocol: 'https' }, kind: 'azure' },
  { url: 'org@vs-ssh.visualstudio.com:v3/org/project/repo', location: { host: 'dev.azure.com', path: 'org/project/repo', protocol: 'ssh' }, kind: 'azure' },
  { url: 'https://dev.azure.com/org/My%20Project/_git/My%20Repo', location: { host: 'dev.azure.com', path: 'org/My Project/My Repo', protocol: 'https' }, kind: 'azure' },
  { url: 'https://dev.azure.com/org/_git/repo', location: { host: 'dev.azure.com', path: 'org/repo/repo', protocol: 'https' }, kind: 'azure' },
  { url: 'https://tfs.acme.com/tfs/Collection/Project/_git/Repo', location: { host: 'tfs.acme.com', path: 'tfs/Collection/Project/Repo', protocol: 'https' }, kind: undefined },
  // Gitea and Forgejo
  { url: 'https://codeberg.org/owner/repo.git', location: { host: 'codeberg.org', path: 'owner/repo', protocol: 'https' }, kind: 'gitea' },
  { url: 'git@codeberg.org:owner/repo.git', location: { host: 'codeberg.org', path: 'owner/repo', protocol: 'ssh' }, kind: 'gitea' },
  { url: 'https://gitea.acme.net/owner/repo.git', location: { host: 'gitea.acme.net', path: 'owner/repo', protocol: 'https' }, kind: 'gitea' },
  { url: 'ssh://git@forgejo.acme.net:2222/owner/repo.git', location: { host: 'forgejo.acme.net', path: 'owner/repo', protocol: 'ssh' }, kind: 'gitea' },
  // Unknown self-hosted
  { url: 'git@git.acme.com:team/app.git', location: { host: 'git.acme.com', path: 'team/app', protocol: 'ssh' }, kind: undefined },
  { url: 'ssh://git@[::1]:2222/team/app.git', location: { host: '::1', path: 'team/app', protocol: 'ssh' }, kind: undefined },
];

describe('parseRemoteUrl', () => {
  for (const { url, location } of REMOTES) {
    it(`reads ${JSON.stringify(url)}`, () => {
      assert.deepEqual(parseRemoteUrl(url), location);
    });
  }

  const NOT_REMOTES = [
    '',
    '   ',
    '/srv/git/app.git',
    '../app.git',
    './app',
    'C:\\repos\\app',
    'C:/repos/app',
    'file:///srv/git/app.git',
    'https://github.com/',
    'https://github.com/.git',
    'git@github.com:',
    'not a url',
    'https://exa mple.com/x',
  ];
  for (const url of NOT_REMOTES) {
    it(`has no web side for ${JSON.stringify(url)}`, () => {
      assert.equal(parseRemoteUrl(url), undefined);
    });
  }
});

describe('displayRemoteUrl', () => {
  it('leaves out credentials, query and fragment, and keeps scp-like addresses and local paths', () => {
    const cases: [string, string][] = [
      ['https://x-access-token:ghp_SECRET@github.com/acme/app.git', 'https://github.com/acme/app.git'],
      ['https://ghp_SECRET@github.com/acme/app', 'https://github.com/acme/app'],
      ['https://user:p%40ss@git.acme.com:8443/app?private_token=SECRET#top', 'https://git.acme.com:8443/app'],
      ['ssh://git@ssh.github.com:443/acme/app.git', 'ssh://ssh.github.com:443/acme/app.git'],
      ['HTTPS://a:b@GitHub.com', 'HTTPS://GitHub.com'],
      ['git@github.com:acme/app.git', 'git@github.com:acme/app.git'],
      ['/srv/git/app.git', '/srv/git/app.git'],
    ];
    for (const [url, shown] of cases) assert.equal(displayRemoteUrl(url), shown, url);
  });
});

describe('hostKind', () => {
  for (const { url, location, kind } of REMOTES) {
    it(`${location.host} (from ${JSON.stringify(url)}) is ${kind ?? 'unknown'}`, () => {
      assert.equal(hostKind(location.host, {}), kind);
    });
  }

  it('lets the user name the kind of a self-hosted host', () => {
    assert.equal(hostKind('git.acme.com', { 'git.acme.com': 'gitlab' }), 'gitlab');
    assert.equal(hostKind('Git.Acme.com', { 'git.ACME.com': 'gitea' }), 'gitea');
    assert.equal(hostKind('git.acme.com', { 'git.acme.com:8443': 'github' }), 'github');
  });

  it('puts the user mapping before known hosts and guesses', () => {
    assert.equal(hostKind('gitlab.acme.com', { 'gitlab.acme.com': 'github' }), 'github');
    assert.equal(hostKind('github.com', { 'github.com': 'gitea' }), 'gitea');
  });

  it('ignores a mapping to a kind it does not know', () => {
    assert.equal(hostKind('git.acme.com', { 'git.acme.com': 'sourcehut' }), undefined);
    assert.equal(hostKind('gitlab.acme.com', { 'gitlab.acme.com': 'sourcehut' }), 'gitlab');
  });

  it('knows Azure DevOps under both its names', () => {
    assert.equal(hostKind('dev.azure.com'), 'azure');
    assert.equal(hostKind('acme.visualstudio.com'), 'azure');
  });

  it('does not guess Bitbucket for self-hosted servers, whose links differ from Bitbucket Cloud', () => {
    assert.equal(hostKind('bitbucket.acme.com'), undefined);
  });
});
