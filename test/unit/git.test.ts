import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  changedFiles,
  currentBranch,
  defaultBranch,
  GitError,
  headCommit,
  isCommitPushed,
  remoteUrl,
  repositoryRoot,
  runGit,
  showFile,
  upstreamOrDefaultBranch,
  userIdentity,
} from '../../src/cli/git';

// Names a shell would act on: if any of them went through one, `pwned` files would appear.
const HOSTILE_BRANCH = `feature/'single'"double"$(touch\${IFS}pwned);touch\${IFS}pwned2`;
const HOSTILE_FILE = `docs/decisions/0003-it's "quoted" $(touch pwned); rm -rf x.md`;
const HOSTILE_TITLE = `Use "quotes"; $(touch pwned) and 'single' \`ticks\``;

/** The environment the tests run git in: no user or system configuration leaks in. */
const ISOLATED_ENV: Record<string, string> = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

function commitAll(root: string, message: string): string {
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '-m', message);
  return git(root, 'rev-parse', 'HEAD').trim();
}

describe('git (against real repositories)', () => {
  let sandbox: string;
  let savedEnv: Record<string, string | undefined>;

  before(() => {
    savedEnv = Object.fromEntries(Object.keys(ISOLATED_ENV).map((key) => [key, process.env[key]]));
    Object.assign(process.env, ISOLATED_ENV);
    // The sandbox path itself has spaces, quotes and a command substitution in it.
    sandbox = realpathSync(mkdtempSync(path.join(tmpdir(), `rationale git 'test' $(touch pwned); `)));
    // Keeps git from finding a repository above the sandbox when a test expects none.
    process.env.GIT_CEILING_DIRECTORIES = sandbox;
  });

  after(() => {
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    delete process.env.GIT_CEILING_DIRECTORIES;
    rmSync(sandbox, { recursive: true, force: true });
  });

  let counter = 0;
  function newRepository(): string {
    const root = path.join(sandbox, `repo ${++counter}`);
    mkdirSync(root);
    git(root, 'init', '--quiet', '-b', 'main');
    git(root, 'config', 'user.name', 'Ana Ruiz');
    git(root, 'config', 'user.email', 'ana@example.com');
    git(root, 'config', 'commit.gpgsign', 'false');
    return root;
  }

  function newOrigin(): string {
    const bare = path.join(sandbox, `origin ${++counter}.git`);
    git(sandbox, 'init', '--quiet', '--bare', '-b', 'main', bare);
    return bare;
  }

  /** A repository whose main is pushed to a bare `origin`, with a few records. */
  function publishedRepository(): { root: string; origin: string; base: string } {
    const root = newRepository();
    const origin = newOrigin();
    write(root, 'docs/decisions/0001-use-markdown.md', '---\ntitle: Use markdown\nstatus: accepted\n---\n');
    write(root, 'docs/decisions/0002-use-postgres.md', '---\ntitle: Use Postgres\nstatus: proposed\n---\n');
    write(root, 'docs/decisions/0004-rest.md', '---\ntitle: REST everywhere\nstatus: accepted\n---\nA long body so that a rename is still recognised as one.\n'.repeat(3));
    write(root, 'src/index.ts', 'export {};\n');
    const base = commitAll(root, 'Initial records');
    git(root, 'remote', 'add', 'origin', origin);
    git(root, 'push', '--quiet', '-u', 'origin', 'main');
    return { root, origin, base };
  }

  afterEach(() => {
    const leftovers = readdirSync(sandbox, { recursive: true, encoding: 'utf8' }).filter((name) => /^pwned\d?$/.test(path.basename(name)));
    assert.deepEqual(leftovers, [], 'a shell ran something');
    assert.equal(existsSync(path.join(process.cwd(), 'pwned')), false, 'a shell ran something');
  });

  describe('runGit', () => {
    it('passes arguments to git as they are, without a shell', async () => {
      const root = newRepository();
      const value = `$(touch pwned); echo "x" 'y' && touch pwned2 | cat > pwned3`;
      await runGit(root, ['config', '--local', 'rationale.test', value]);
      assert.equal(await runGit(root, ['config', '--get', 'rationale.test']), `${value}\n`);
    });

    it('hands input to git on its standard input', async () => {
      const root = newRepository();
      const text = 'title: Bill annual plans upfront\r\nstatus: accepted\n';
      const expected = execFileSync('git', ['hash-object', '--stdin'], { cwd: root, input: text, encoding: 'utf8' });
      assert.equal(await runGit(root, ['hash-object', '--stdin'], text), expected);
    });

    it('closes standard input without input, so a command that reads it ends', async () => {
      const root = newRepository();
      // The id of the empty blob: git read an empty standard input instead of waiting on it.
      assert.equal(await runGit(root, ['hash-object', '--stdin']), 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\n');
    });

    it('turns a failure into a GitError that carries what git said', async () => {
      const root = newRepository();
      await assert.rejects(runGit(root, ['rev-parse', '--verify', 'no-such-branch']), (error: unknown) => {
        assert.ok(error instanceof GitError);
        assert.equal(error.exitCode, 128);
        assert.deepEqual(error.args, ['rev-parse', '--verify', 'no-such-branch']);
        assert.match(error.stderr, /fatal: Needed a single revision/);
        assert.match(error.message, /^git rev-parse --verify no-such-branch failed \(exit 128\): fatal: Needed a single revision/);
        return true;
      });
    });

    it('names git in the error when it cannot start', async () => {
      const savedPath = process.env.PATH;
      process.env.PATH = path.join(sandbox, 'nowhere');
      try {
        await assert.rejects(runGit(sandbox, ['--version']), (error: unknown) => {
          assert.ok(error instanceof GitError);
          assert.equal(error.exitCode, undefined);
          assert.match(error.message, /git is not installed or not on the PATH/);
          return true;
        });
      } finally {
        process.env.PATH = savedPath;
      }
    });
  });

  describe('repositoryRoot', () => {
    it('finds the top of the working tree from a subfolder', async () => {
      const { root } = publishedRepository();
      assert.equal(await repositoryRoot(path.join(root, 'docs', 'decisions')), root);
    });

    it('rejects outside a repository, with git’s own words', async () => {
      const outside = path.join(sandbox, 'not a repository');
      mkdirSync(outside, { recursive: true });
      await assert.rejects(repositoryRoot(outside), (error: unknown) => error instanceof GitError && /not a git repository/.test(error.message));
    });
  });

  describe('remoteUrl', () => {
    it('is undefined without remotes', async () => {
      assert.equal(await remoteUrl(newRepository()), undefined);
    });

    it('prefers the remote the branch tracks, then origin, then the first remote', async () => {
      const { root, origin } = publishedRepository();
      assert.equal(await remoteUrl(root), origin);

      const fork = newOrigin();
      git(root, 'remote', 'add', 'fork', fork);
      git(root, 'push', '--quiet', '-u', 'fork', 'main');
      assert.equal(await remoteUrl(root), fork);

      git(root, 'branch', '--unset-upstream');
      assert.equal(await remoteUrl(root), origin);

      git(root, 'remote', 'remove', 'origin');
      assert.equal(await remoteUrl(root), fork);
    });

    it('gives a named remote, and undefined for a name that does not exist', async () => {
      const { root, origin } = publishedRepository();
      git(root, 'remote', 'add', 'upstream', 'git@github.com:acme/app.git');
      assert.equal(await remoteUrl(root, 'upstream'), 'git@github.com:acme/app.git');
      assert.equal(await remoteUrl(root, 'origin'), origin);
      assert.equal(await remoteUrl(root, 'nope'), undefined);
      assert.equal(await remoteUrl(root, '$(touch pwned)'), undefined);
    });

    it('applies insteadOf rewrites the way git does', async () => {
      const root = newRepository();
      git(root, 'config', 'url.git@github.com:.insteadOf', 'gh:');
      git(root, 'remote', 'add', 'origin', 'gh:acme/app.git');
      assert.equal(await remoteUrl(root), 'git@github.com:acme/app.git');
    });
  });

  describe('headCommit and currentBranch', () => {
    it('have no commit in a fresh repository, but know its branch', async () => {
      const root = newRepository();
      assert.equal(await headCommit(root), undefined);
      assert.equal(await currentBranch(root), 'main');
    });

    it('give the commit and branch checked out, whatever the branch is called', async () => {
      const { root, base } = publishedRepository();
      assert.equal(await headCommit(root), base);
      git(root, 'checkout', '--quiet', '-b', HOSTILE_BRANCH);
      assert.equal(await currentBranch(root), HOSTILE_BRANCH);
    });

    it('have no branch when HEAD is detached', async () => {
      const { root, base } = publishedRepository();
      git(root, 'checkout', '--quiet', '--detach');
      assert.equal(await currentBranch(root), undefined);
      assert.equal(await headCommit(root), base);
    });
  });

  describe('isCommitPushed', () => {
    it('is true once a remote-tracking branch contains the commit, false before', async () => {
      const { root, base } = publishedRepository();
      assert.equal(await isCommitPushed(root, base), true);

      write(root, 'docs/decisions/0005-new.md', '---\ntitle: New\n---\n');
      const local = commitAll(root, 'Add a record');
      assert.equal(await isCommitPushed(root, local), false);

      git(root, 'push', '--quiet', 'origin', `HEAD:refs/heads/${HOSTILE_BRANCH}`);
      assert.equal(await isCommitPushed(root, local), true);
    });

    it('refuses a commit that would read as an option', async () => {
      const { root } = publishedRepository();
      await assert.rejects(isCommitPushed(root, '--output=pwned'), GitError);
    });
  });

  describe('upstreamOrDefaultBranch and defaultBranch', () => {
    it('gives the tracked branch when there is one', async () => {
      const { root } = publishedRepository();
      git(root, 'checkout', '--quiet', '-b', HOSTILE_BRANCH);
      git(root, 'push', '--quiet', '-u', 'origin', HOSTILE_BRANCH);
      assert.equal(await upstreamOrDefaultBranch(root), `origin/${HOSTILE_BRANCH}`);
      assert.equal(await defaultBranch(root), 'origin/main');
    });

    it('falls back to origin/HEAD, then origin/main', async () => {
      const { root } = publishedRepository();
      git(root, 'push', '--quiet', 'origin', 'main:trunk');
      git(root, 'checkout', '--quiet', '-b', 'local-only');
      assert.equal(await upstreamOrDefaultBranch(root), 'origin/main');
      git(root, 'remote', 'set-head', 'origin', 'trunk');
      assert.equal(await upstreamOrDefaultBranch(root), 'origin/trunk');
    });

    it('falls back to a local main or master, and to nothing', async () => {
      const root = newRepository();
      assert.equal(await upstreamOrDefaultBranch(root), undefined);
      write(root, 'a.md', 'a\n');
      commitAll(root, 'First');
      git(root, 'branch', '--move', 'main', 'master');
      git(root, 'checkout', '--quiet', '-b', 'topic');
      assert.equal(await upstreamOrDefaultBranch(root), 'master');
    });
  });

  describe('changedFiles', () => {
    it('lists what a branch added, modified, deleted and renamed since it left the base', async () => {
      const { root, base } = publishedRepository();
      git(root, 'checkout', '--quiet', '-b', HOSTILE_BRANCH);
      write(root, HOSTILE_FILE, `---\ntitle: '${HOSTILE_TITLE.replace(/'/g, "''")}'\n---\n`);
      write(root, 'docs/decisions/0002-use-postgres.md', '---\ntitle: Use Postgres\nstatus: accepted\n---\n');
      rmSync(path.join(root, 'docs/decisions/0001-use-markdown.md'));
      git(root, 'mv', 'docs/decisions/0004-rest.md', 'docs/decisions/0006-rest.md');
      write(root, 'docs/decisions/0007-sûr ✓.md', '---\ntitle: Unicode\n---\n');
      write(root, 'src/index.ts', 'export const changed = true;\n');
      const head = commitAll(root, HOSTILE_TITLE);

      // Work that lands on main after the branch left it is not the branch's change.
      git(root, 'checkout', '--quiet', 'main');
      write(root, 'docs/decisions/0008-main-only.md', '---\ntitle: Main only\n---\n');
      commitAll(root, 'Meanwhile on main');

      const changes = await changedFiles(root, 'main', HOSTILE_BRANCH, 'docs/decisions');
      const byPath = [...changes].sort((a, b) => (a.path < b.path ? -1 : 1));
      assert.deepEqual(byPath, [
        { status: 'D', path: 'docs/decisions/0001-use-markdown.md' },
        { status: 'M', path: 'docs/decisions/0002-use-postgres.md' },
        { status: 'A', path: HOSTILE_FILE },
        { status: 'R', path: 'docs/decisions/0006-rest.md', oldPath: 'docs/decisions/0004-rest.md' },
        { status: 'A', path: 'docs/decisions/0007-sûr ✓.md' },
      ]);

      assert.deepEqual(await changedFiles(root, base, head, ['src']), [{ status: 'M', path: 'src/index.ts' }]);
      assert.equal((await changedFiles(root, base, head)).length, 6);
      assert.deepEqual(await changedFiles(root, head, head, 'docs/decisions'), []);
    });

    it('refuses refs that would read as options and reports unknown ones', async () => {
      const { root } = publishedRepository();
      await assert.rejects(changedFiles(root, '--output=pwned', 'main', 'docs'), GitError);
      await assert.rejects(changedFiles(root, 'main', '-p', 'docs'), GitError);
      await assert.rejects(changedFiles(root, 'main', 'no-such-branch', 'docs'), (error: unknown) => error instanceof GitError && error.exitCode === 128);
    });
  });

  describe('showFile', () => {
    it('gives a file’s text at a ref, byte for byte', async () => {
      const { root, base } = publishedRepository();
      git(root, 'checkout', '--quiet', '-b', HOSTILE_BRANCH);
      const text = `---\ntitle: '${HOSTILE_TITLE.replace(/'/g, "''")}'\n---\r\nCRLF and ünïcode\n\n`;
      write(root, HOSTILE_FILE, text);
      commitAll(root, HOSTILE_TITLE);

      assert.equal(await showFile(root, HOSTILE_BRANCH, HOSTILE_FILE), text);
      assert.equal(await showFile(root, base, 'docs/decisions/0001-use-markdown.md'), '---\ntitle: Use markdown\nstatus: accepted\n---\n');
      assert.equal(await showFile(path.join(root, 'docs'), 'main', 'src/index.ts'), 'export {};\n');
    });

    it('is undefined for a file or ref that does not exist', async () => {
      const { root, base } = publishedRepository();
      assert.equal(await showFile(root, base, HOSTILE_FILE), undefined);
      assert.equal(await showFile(root, 'no-such-branch', 'src/index.ts'), undefined);
      assert.equal(await showFile(root, '$(touch pwned)', 'src/index.ts'), undefined);
    });

    it('refuses a ref that would read as an option', async () => {
      const { root } = publishedRepository();
      await assert.rejects(showFile(root, '--output=pwned', 'src/index.ts'), GitError);
    });
  });

  describe('userIdentity', () => {
    it('reads user.name and user.email', async () => {
      const root = newRepository();
      git(root, 'config', 'user.name', `Zoë O'Brien "$(touch pwned)"`);
      assert.deepEqual(await userIdentity(root), { name: `Zoë O'Brien "$(touch pwned)"`, email: 'ana@example.com' });
    });

    it('leaves out what is not set', async () => {
      const root = newRepository();
      git(root, 'config', '--unset', 'user.email');
      assert.deepEqual(await userIdentity(root), { name: 'Ana Ruiz' });
      git(root, 'config', '--unset', 'user.name');
      assert.deepEqual(await userIdentity(root), {});
    });
  });
});
