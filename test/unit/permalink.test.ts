import * as assert from 'node:assert/strict';
import { buildPermalink, encodePath, formatPullRequestLine, type PermalinkRequest } from '../../src/core/permalink';

const SHA = '3f2c1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';
const RECORD = 'docs/decisions/0012-bill-annual-plans-upfront.md';

interface PermalinkCase {
  remoteUrl: string;
  ref?: string;
  path?: string;
  line?: number;
  url: string;
}

const PERMALINKS: PermalinkCase[] = [
  // GitHub
  { remoteUrl: 'https://github.com/acme/app.git', url: `https://github.com/acme/app/blob/${SHA}/${RECORD}` },
  { remoteUrl: 'git@github.com:acme/app.git', url: `https://github.com/acme/app/blob/${SHA}/${RECORD}` },
  { remoteUrl: 'https://token@github.com/acme/app', path: 'src/billing.ts', line: 12, url: `https://github.com/acme/app/blob/${SHA}/src/billing.ts#L12` },
  { remoteUrl: 'ssh://git@ssh.github.com:443/acme/app.git', line: 12, url: `https://github.com/acme/app/blob/${SHA}/${RECORD}?plain=1#L12` },
  { remoteUrl: 'git@github.com:acme/app.git', ref: 'main', url: `https://github.com/acme/app/blob/main/${RECORD}` },
  { remoteUrl: 'git@github.com:acme/app.git', ref: 'feature/annual #2', url: `https://github.com/acme/app/blob/feature/annual%20%232/${RECORD}` },
  // GitLab
  { remoteUrl: 'git@gitlab.com:group/sub/repo.git', url: `https://gitlab.com/group/sub/repo/-/blob/${SHA}/${RECORD}` },
  { remoteUrl: 'https://gitlab.com/group/repo.git', path: 'src/a.ts', line: 3, url: `https://gitlab.com/group/repo/-/blob/${SHA}/src/a.ts#L3` },
  { remoteUrl: 'https://gitlab.com/group/repo.git', line: 3, url: `https://gitlab.com/group/repo/-/blob/${SHA}/${RECORD}?plain=1#L3` },
  { remoteUrl: 'ssh://git@gitlab.acme.io:2222/group/sub/repo.git', url: `https://gitlab.acme.io/group/sub/repo/-/blob/${SHA}/${RECORD}` },
  { remoteUrl: 'https://gitlab.acme.io:8443/group/repo.git', url: `https://gitlab.acme.io:8443/group/repo/-/blob/${SHA}/${RECORD}` },
  { remoteUrl: 'http://gitlab.internal/group/repo.git', url: `http://gitlab.internal/group/repo/-/blob/${SHA}/${RECORD}` },
  // Bitbucket Cloud
  { remoteUrl: 'https://user@bitbucket.org/team/repo.git', url: `https://bitbucket.org/team/repo/src/${SHA}/${RECORD}` },
  { remoteUrl: 'git@bitbucket.org:team/repo.git', line: 12, url: `https://bitbucket.org/team/repo/src/${SHA}/${RECORD}#lines-12` },
  // Azure DevOps
  { remoteUrl: 'https://dev.azure.com/org/project/_git/repo', url: `https://dev.azure.com/org/project/_git/repo?path=/${RECORD}&version=GC${SHA}` },
  { remoteUrl: 'https://org@dev.azure.com/org/project/_git/repo', url: `https://dev.azure.com/org/project/_git/repo?path=/${RECORD}&version=GC${SHA}` },
  { remoteUrl: 'git@ssh.dev.azure.com:v3/org/project/repo', url: `https://dev.azure.com/org/project/_git/repo?path=/${RECORD}&version=GC${SHA}` },
  { remoteUrl: 'https://org.visualstudio.com/project/_git/repo', url: `https://dev.azure.com/org/project/_git/repo?path=/${RECORD}&version=GC${SHA}` },
  { remoteUrl: 'https://org.visualstudio.com/DefaultCollection/project/_git/repo', url: `https://dev.azure.com/org/project/_git/repo?path=/${RECORD}&version=GC${SHA}` },
  { remoteUrl: 'https://dev.azure.com/org/project/_git/repo', ref: 'main', url: `https://dev.azure.com/org/project/_git/repo?path=/${RECORD}&version=GBmain` },
  { remoteUrl: 'https://dev.azure.com/org/project/_git/repo', ref: 'users/ana/annual', url: `https://dev.azure.com/org/project/_git/repo?path=/${RECORD}&version=GBusers%2Fana%2Fannual` },
  { remoteUrl: 'https://dev.azure.com/org/My%20Project/_git/My%20Repo', url: `https://dev.azure.com/org/My%20Project/_git/My%20Repo?path=/${RECORD}&version=GC${SHA}` },
  {
    remoteUrl: 'https://dev.azure.com/org/project/_git/repo',
    line: 7,
    url: `https://dev.azure.com/org/project/_git/repo?path=/${RECORD}&version=GC${SHA}&line=7&lineEnd=8&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`,
  },
  // Gitea and Forgejo
  { remoteUrl: 'https://codeberg.org/owner/repo.git', url: `https://codeberg.org/owner/repo/src/commit/${SHA}/${RECORD}` },
  { remoteUrl: 'git@codeberg.org:owner/repo.git', ref: 'main', url: `https://codeberg.org/owner/repo/src/branch/main/${RECORD}` },
  { remoteUrl: 'https://gitea.acme.net/owner/repo.git', path: 'src/a.ts', line: 9, url: `https://gitea.acme.net/owner/repo/src/commit/${SHA}/src/a.ts#L9` },
  { remoteUrl: 'https://gitea.acme.net/owner/repo.git', line: 9, url: `https://gitea.acme.net/owner/repo/src/commit/${SHA}/${RECORD}?display=source#L9` },
  { remoteUrl: 'ssh://git@forgejo.acme.net:2222/owner/repo.git', url: `https://forgejo.acme.net/owner/repo/src/commit/${SHA}/${RECORD}` },
];

describe('buildPermalink', () => {
  for (const { remoteUrl, ref = SHA, path = RECORD, line, url } of PERMALINKS) {
    it(`links ${remoteUrl} @ ${ref.slice(0, 12)} ${path}${line ? `:${line}` : ''}`, () => {
      assert.deepEqual(buildPermalink({ remoteUrl, ref, path, line }), { url });
    });
  }

  it('encodes spaces, #, ?, % and unicode in each path segment and keeps the slashes', () => {
    const result = buildPermalink({ remoteUrl: 'git@github.com:acme/app.git', ref: SHA, path: 'docs/my decisions/0001-c#-or-f#?-100%-sûr ✓.md' });
    assert.deepEqual(result, {
      url: `https://github.com/acme/app/blob/${SHA}/docs/my%20decisions/0001-c%23-or-f%23%3F-100%25-s%C3%BBr%20%E2%9C%93.md`,
    });
  });

  it('encodes the path in Azure DevOps query strings the same way', () => {
    const result = buildPermalink({ remoteUrl: 'https://dev.azure.com/org/p/_git/r', ref: SHA, path: 'docs/a b/x&y=1.md' });
    assert.deepEqual(result, { url: `https://dev.azure.com/org/p/_git/r?path=/docs/a%20b/x%26y%3D1.md&version=GC${SHA}` });
  });

  it('drops a leading ./ or / from the path', () => {
    const expected = { url: `https://github.com/acme/app/blob/${SHA}/${RECORD}` };
    assert.deepEqual(buildPermalink({ remoteUrl: 'git@github.com:acme/app.git', ref: SHA, path: `./${RECORD}` }), expected);
    assert.deepEqual(buildPermalink({ remoteUrl: 'git@github.com:acme/app.git', ref: SHA, path: `/${RECORD}` }), expected);
  });

  it('treats a short hex ref as a commit and lets the caller say otherwise', () => {
    const base: PermalinkRequest = { remoteUrl: 'https://codeberg.org/o/r.git', ref: 'deadbeef', path: 'a.md' };
    assert.deepEqual(buildPermalink(base), { url: 'https://codeberg.org/o/r/src/commit/deadbeef/a.md' });
    assert.deepEqual(buildPermalink({ ...base, refKind: 'branch' }), { url: 'https://codeberg.org/o/r/src/branch/deadbeef/a.md' });
    assert.deepEqual(buildPermalink({ ...base, ref: 'release', refKind: 'commit' }), { url: 'https://codeberg.org/o/r/src/commit/release/a.md' });
  });

  it('ignores a line that is not a positive whole number', () => {
    const expected = { url: `https://github.com/acme/app/blob/${SHA}/a.ts` };
    for (const line of [0, -3, 2.5, Number.NaN]) {
      assert.deepEqual(buildPermalink({ remoteUrl: 'git@github.com:acme/app.git', ref: SHA, path: 'a.ts', line }), expected);
    }
  });

  it('asks for rationale.hostKinds when the host is unknown', () => {
    assert.deepEqual(buildPermalink({ remoteUrl: 'git@git.acme.com:team/app.git', ref: SHA, path: RECORD }), {
      reason: 'unknown host git.acme.com: set rationale.hostKinds',
    });
  });

  it('uses rationale.hostKinds for a self-hosted host', () => {
    assert.deepEqual(
      buildPermalink({ remoteUrl: 'git@git.acme.com:team/app.git', ref: SHA, path: RECORD, hostKinds: { 'git.acme.com': 'gitlab' } }),
      { url: `https://git.acme.com/team/app/-/blob/${SHA}/${RECORD}` },
    );
  });

  it('uses the kind the caller gives over any guess', () => {
    assert.deepEqual(buildPermalink({ remoteUrl: 'https://gitlab.acme.com/team/app.git', kind: 'gitea', ref: 'main', path: 'a.md' }), {
      url: 'https://gitlab.acme.com/team/app/src/branch/main/a.md',
    });
  });

  it('links Azure DevOps Server repositories once their host is named', () => {
    assert.deepEqual(
      buildPermalink({ remoteUrl: 'https://tfs.acme.com/tfs/Collection/Project/_git/Repo', ref: SHA, path: 'a.md', hostKinds: { 'tfs.acme.com': 'azure' } }),
      { url: `https://tfs.acme.com/tfs/Collection/Project/_git/Repo?path=/a.md&version=GC${SHA}` },
    );
  });

  it('gives a reason for remotes without a web side and for missing parts', () => {
    assert.deepEqual(buildPermalink({ remoteUrl: '/srv/git/app.git', ref: SHA, path: RECORD }), {
      reason: 'the remote /srv/git/app.git has no web address',
    });
    // A CI checkout's remote carries its token; the reason is shown to people and written to logs.
    assert.deepEqual(buildPermalink({ remoteUrl: 'https://x-access-token:ghp_SECRET@github.com/', ref: SHA, path: RECORD }), {
      reason: 'the remote https://github.com/ has no web address',
    });
    assert.deepEqual(buildPermalink({ remoteUrl: 'ftp://u:ghp_SECRET@github.com/a/b?token=ghp_SECRET', ref: SHA, path: RECORD }), {
      reason: 'the remote ftp://github.com/a/b has no web address',
    });
    assert.deepEqual(buildPermalink({ remoteUrl: 'git@github.com:a/b.git', ref: SHA, path: '' }), { reason: 'no file to link to' });
    assert.deepEqual(buildPermalink({ remoteUrl: 'git@github.com:a/b.git', ref: ' ', path: 'a.md' }), {
      reason: 'no commit or branch to link to',
    });
  });
});

describe('encodePath', () => {
  const CASES: [string, string][] = [
    ['docs/decisions/0001-a.md', 'docs/decisions/0001-a.md'],
    ['a b/c d.md', 'a%20b/c%20d.md'],
    ['#/?/%', '%23/%3F/%25'],
    ['é/日本.md', '%C3%A9/%E6%97%A5%E6%9C%AC.md'],
    ["it's (fine).md", "it's%20(fine).md"],
  ];
  for (const [path, encoded] of CASES) {
    it(`${path} → ${encoded}`, () => assert.equal(encodePath(path), encoded));
  }
});

describe('formatPullRequestLine', () => {
  const URL = `https://github.com/acme/app/blob/${SHA}/${RECORD}`;

  it('links the record and gives its status and sign-off', () => {
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', number: 12, title: 'Bill annual plans upfront', status: 'accepted', signOff: { approved: 2, total: 3 }, url: URL, path: RECORD }),
      `[DR-12: Bill annual plans upfront](${URL}) — accepted, 2/3 signed off`,
    );
  });

  it('escapes a status as written, so it forms no link, markup or HTML', () => {
    const line = formatPullRequestLine({ prefix: 'DR', number: 12, title: 'T', status: 'superseded by [5](https://evil.example) <img src=x> *now*', url: URL, path: RECORD });
    assert.equal(line, `[DR-12: T](${URL}) — superseded by \\[5\\]\\(https://evil.example\\) \\<img src=x\\> \\*now\\*`);
  });

  it('uses the log prefix', () => {
    assert.equal(formatPullRequestLine({ prefix: 'ADR', number: 7, title: 'Use Postgres', url: URL, path: RECORD }), `[ADR-7: Use Postgres](${URL})`);
  });

  it('names records without a number by title', () => {
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', title: 'Use Postgres', status: 'proposed', url: URL, path: RECORD }),
      `[Use Postgres](${URL}) — proposed`,
    );
  });

  it('counts objections apart and leaves out empty sign-off lists', () => {
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', number: 1, title: 'T', status: 'proposed', signOff: { approved: 1, total: 3, objected: 1 }, url: URL, path: RECORD }),
      `[DR-1: T](${URL}) — proposed, 1/3 signed off, 1 objected`,
    );
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', number: 1, title: 'T', signOff: { approved: 0, total: 0 }, url: URL, path: RECORD }),
      `[DR-1: T](${URL})`,
    );
  });

  it('escapes brackets and backslashes in titles', () => {
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', number: 3, title: 'Use [brackets] and \\ slashes](evil)', url: URL, path: RECORD }),
      `[DR-3: Use \\[brackets\\] and \\\\ slashes\\](evil)](${URL})`,
    );
  });

  it('keeps a title on one line', () => {
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', number: 3, title: 'Two\r\nlines  here', status: ' superseded by\nDR-4 ', url: URL, path: RECORD }),
      `[DR-3: Two lines here](${URL}) — superseded by DR-4`,
    );
  });

  it('keeps parentheses and spaces in the URL from ending the link', () => {
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', number: 3, title: 'T', url: 'https://h/x/a (b).md', path: 'a (b).md' }),
      '[DR-3: T](https://h/x/a%20%28b%29.md)',
    );
  });

  it('shows the path in backticks when there is no link', () => {
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', number: 12, title: 'Bill annual plans upfront', status: 'accepted', signOff: { approved: 2, total: 3 }, path: RECORD }),
      `DR-12: Bill annual plans upfront (\`${RECORD}\`) — accepted, 2/3 signed off`,
    );
  });

  it('fences paths that contain backticks', () => {
    assert.equal(formatPullRequestLine({ prefix: 'DR', title: 'T', path: 'docs/a`b.md' }), 'T (``docs/a`b.md``)');
    assert.equal(formatPullRequestLine({ prefix: 'DR', title: 'T', path: '`a`' }), 'T (`` `a` ``)');
  });

  it('appends a note', () => {
    assert.equal(
      formatPullRequestLine({ prefix: 'DR', number: 4, title: 'T', status: 'accepted', url: URL, path: RECORD, note: 'renamed from `docs/adr/4.md`' }),
      `[DR-4: T](${URL}) — accepted — renamed from \`docs/adr/4.md\``,
    );
    assert.equal(formatPullRequestLine({ prefix: 'DR', number: 4, title: 'T', url: URL, path: RECORD, note: 'moved' }), `[DR-4: T](${URL}) — moved`);
  });

  it('gives an untitled record a visible name', () => {
    assert.equal(formatPullRequestLine({ prefix: 'DR', number: 4, title: '  ', url: URL, path: RECORD }), `[DR-4: (untitled)](${URL})`);
  });
});
