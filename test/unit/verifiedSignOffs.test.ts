// `rationale lint --verify-sign-offs` and the blame reader behind it, on real temporary git
// repositories where several people commit: approvals committed by their stakeholder, vouched for
// by a Signed-off-by trailer, forged by someone else, not committed yet, or outside git.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { emailOf, lineOrigins, parseBlamePorcelain, parseTrailers, verifySignOffs } from '../../src/cli/blame';
import { main } from '../../src/cli/main';
import { provenanceNote } from '../../src/core/signOffProvenance';

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const ANA = ['-c', 'user.name=Ana Ruiz', '-c', 'user.email=ana@example.com'];
const SAM = ['-c', 'user.name=Sam Lee', '-c', 'user.email=sam@example.com'];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

function edit(root: string, file: string, from: string, to: string): void {
  const text = readFileSync(path.join(root, file), 'utf8');
  assert.ok(text.includes(from), `${file} contains ${JSON.stringify(from)}`);
  writeFileSync(path.join(root, file), text.replace(from, to));
}

function commit(root: string, who: string[], message: string, ...files: string[]): void {
  git(root, 'add', '--', ...files);
  git(root, ...who, 'commit', '--quiet', '--no-verify', '-m', message, '--', ...files);
}

/** A record that passes every other lint rule, so the output shows only what provenance adds. */
function record(title: string, status: string, signOff: string): string {
  return `---\ntitle: ${title}\nstatus: ${status}\ndate: 2026-11-02\nsign-off:\n${signOff}---\n# ${title}\n\n## Context\n\n${title} was asked for.\n\n## Rationale\n\nBecause ${title.toLowerCase()} pays.\n`;
}

function person(name: string, email: string | undefined, state: string): string {
  return `  - name: ${name}\n${email ? `    email: ${email}\n` : ''}    state: ${state}\n`;
}

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const code = await main(argv, { cwd, out: (text) => (out += line(text)), err: (text) => (err += line(text)) });
  return { code, out, err };
}

const DIR = 'docs/decisions';

describe('verified sign-offs', () => {
  let repo: string;

  before(() => {
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-verify-')));
    git(repo, 'init', '--quiet', '-b', 'main');
    git(repo, 'config', 'commit.gpgsign', 'false');

    // Ana writes every record with its stakeholders pending.
    write(repo, `${DIR}/0001-bill-annually.md`, record('Bill annually', 'accepted', person('Sam Lee', 'sam@example.com', 'pending')));
    write(repo, `${DIR}/0002-drop-invoices.md`, record('Drop invoices', 'accepted', person('Sam Lee', 'sam@example.com', 'pending')));
    write(repo, `${DIR}/0003-use-stripe.md`, record('Use Stripe', 'accepted', person('Bo Chen', 'Bo@Example.com', 'pending')));
    write(repo, `${DIR}/0004-move-to-eu.md`, record('Move to the EU', 'proposed', person('Sam Lee', 'sam@example.com', 'pending')));
    write(repo, `${DIR}/0005-cache-prices.md`, record('Cache prices', 'accepted', person('Sam Lee', 'sam@example.com', 'pending')));
    write(repo, `${DIR}/0006-hire-support.md`, record('Hire support', 'accepted', person('Lee Park', undefined, 'pending')));
    commit(repo, ANA, 'Decisions', DIR);

    // Sam approves DR-1 himself.
    edit(repo, `${DIR}/0001-bill-annually.md`, 'state: pending', 'state: approved');
    commit(repo, SAM, 'Sign off DR-1: approved', `${DIR}/0001-bill-annually.md`);
    // Ana types Sam's approval of DR-2 and commits it herself: a forgery.
    edit(repo, `${DIR}/0002-drop-invoices.md`, 'state: pending', 'state: approved');
    commit(repo, ANA, 'Approve DR-2', `${DIR}/0002-drop-invoices.md`);
    // Ana commits Bo's approval of DR-3 on his behalf, with his Signed-off-by trailer.
    edit(repo, `${DIR}/0003-use-stripe.md`, 'state: pending', 'state: approved');
    commit(repo, ANA, 'Approve DR-3\n\nSigned-off-by: Bo Chen <bo@EXAMPLE.com>', `${DIR}/0003-use-stripe.md`);
    // Ana forges DR-4 too, but it is only proposed: nothing relies on it yet.
    edit(repo, `${DIR}/0004-move-to-eu.md`, 'state: pending', 'state: approved');
    commit(repo, ANA, 'Approve DR-4', `${DIR}/0004-move-to-eu.md`);
    // Lee has no email on DR-6; Ana commits the approval.
    edit(repo, `${DIR}/0006-hire-support.md`, 'state: pending', 'state: approved');
    commit(repo, ANA, 'Approve DR-6', `${DIR}/0006-hire-support.md`);
    // DR-5's approval is only in the working tree; DR-7 is a record git does not track yet.
    edit(repo, `${DIR}/0005-cache-prices.md`, 'state: pending', 'state: approved');
    write(repo, `${DIR}/0007-go-public.md`, record('Go public', 'accepted', person('Sam Lee', 'sam@example.com', 'approved')));
  });

  after(() => rmSync(repo, { recursive: true, force: true }));

  it('lint --verify-sign-offs fails for each accepted record relying on an approval git does not vouch for', async () => {
    const { code, out, err } = await run(repo, 'lint', '--verify-sign-offs', '--require-complete', 'off');
    assert.equal(err, '');
    assert.equal(
      out,
      [
        `${DIR}/0002-drop-invoices.md:8: error: DR-2 is accepted, but Sam Lee's approval (line 8) was committed by ana@example.com, not sam@example.com [unverified-sign-off]`,
        `${DIR}/0005-cache-prices.md:8: error: DR-5 is accepted, but Sam Lee's approval (line 8) is not committed yet [unverified-sign-off]`,
        `${DIR}/0006-hire-support.md:7: error: DR-6 is accepted, but Lee Park's approval (line 7) names no email to check the commit against [unverified-sign-off]`,
        `${DIR}/0007-go-public.md:8: error: DR-7 is accepted, but Sam Lee's approval (line 8) is in a file git does not track [unverified-sign-off]`,
        '7 records: 4 errors, 0 warnings, 0 notes',
        '',
      ].join('\n'),
    );
    assert.equal(code, 1);
  });

  it('lint without the flag does not look at provenance', async () => {
    const { code, out } = await run(repo, 'lint', '--require-complete', 'off');
    assert.equal(out, '7 records: 0 errors, 0 warnings, 0 notes\n');
    assert.equal(code, 0);
  });

  it('passes once the stakeholder commits the approval, and with the json and github formats', async () => {
    const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-verify-clone-')));
    try {
      git(scratch, 'clone', '--quiet', repo, 'clone');
      const clone = path.join(scratch, 'clone');
      const json = await run(clone, 'lint', '--verify-sign-offs', '--require-complete', 'off', '--format', 'json');
      assert.deepEqual(JSON.parse(json.out), [
        {
          path: `${DIR}/0002-drop-invoices.md`,
          line: 8,
          severity: 'error',
          code: 'unverified-sign-off',
          message: "DR-2 is accepted, but Sam Lee's approval (line 8) was committed by ana@example.com, not sam@example.com",
        },
        {
          path: `${DIR}/0006-hire-support.md`,
          line: 7,
          severity: 'error',
          code: 'unverified-sign-off',
          message: "DR-6 is accepted, but Lee Park's approval (line 7) names no email to check the commit against",
        },
      ]);
      assert.equal(json.code, 1);

      // Sam re-commits his own approval of DR-2 (pending, then approved again) and Lee's record gets an email Ana signs off as.
      edit(clone, `${DIR}/0002-drop-invoices.md`, 'state: approved', 'state: pending');
      commit(clone, ANA, 'Withdraw the approval of DR-2', `${DIR}/0002-drop-invoices.md`);
      edit(clone, `${DIR}/0002-drop-invoices.md`, 'state: pending', 'state: approved');
      commit(clone, SAM, 'Sign off DR-2: approved', `${DIR}/0002-drop-invoices.md`);
      edit(clone, `${DIR}/0006-hire-support.md`, '  - name: Lee Park\n    state: approved', '  - name: Lee Park\n    email: ana@example.com\n    state: approved');
      commit(clone, ANA, 'Lee signs through Ana', `${DIR}/0006-hire-support.md`);
      const github = await run(clone, 'lint', '--verify-sign-offs', '--require-complete', 'off', '--format', 'github');
      assert.equal(github.out, '\n');
      assert.equal(github.code, 0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('gives no verdict in a shallow clone, where blame credits older lines to the oldest commit fetched', async () => {
    const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-verify-shallow-')));
    try {
      // The last commit is Ana's: blame would credit Sam's own approval of DR-1 to her, and her forgery to nobody else.
      git(scratch, 'clone', '--quiet', '--depth', '1', `file://${repo}`, 'clone');
      const clone = path.join(scratch, 'clone');
      const { code, out, err } = await run(clone, 'lint', '--verify-sign-offs', '--require-complete', 'off');
      assert.equal(out, '');
      assert.match(err, /^rationale lint: cannot verify sign-offs: this clone has only part of the history \(a shallow clone\).*fetch-depth: 0 in actions\/checkout/);
      assert.equal(code, 2);

      // The editor reads the same provenance: "cannot verify", not a verdict.
      const file = `${DIR}/0001-bill-annually.md`;
      const [sam] = await verifySignOffs(clone, file, readFileSync(path.join(clone, file), 'utf8'));
      assert.deepEqual([sam.verdict, sam.reason], ['unverified', 'incomplete-history']);
      assert.equal(provenanceNote(sam), 'cannot verify: this clone has only part of the history (fetch all of it)');

      git(clone, 'fetch', '--quiet', '--unshallow');
      const full = await run(clone, 'lint', '--verify-sign-offs', '--require-complete', 'off');
      assert.equal(full.code, 1);
      assert.match(full.out, /DR-2 is accepted, but Sam Lee's approval \(line 8\) was committed by ana@example\.com/);
      assert.doesNotMatch(full.out, /DR-1 /);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('calls an approval in a repository without a commit yet not committed, not untracked', async () => {
    const fresh = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-verify-fresh-')));
    try {
      write(fresh, `${DIR}/0001-bill-annually.md`, record('Bill annually', 'accepted', person('Sam Lee', 'sam@example.com', 'approved')));
      git(fresh, 'init', '--quiet', '-b', 'main');
      git(fresh, 'add', '--all');
      const { code, out } = await run(fresh, 'lint', '--verify-sign-offs', '--require-complete', 'off', '--dir', DIR);
      assert.equal(
        out,
        `${DIR}/0001-bill-annually.md:8: error: DR-1 is accepted, but Sam Lee's approval (line 8) is not committed yet [unverified-sign-off]\n1 record: 1 error, 0 warnings, 0 notes\n`,
      );
      assert.equal(code, 1);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('treats every approval outside a git repository as unverified', async () => {
    const plain = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-verify-plain-')));
    try {
      write(plain, `${DIR}/0001-bill-annually.md`, record('Bill annually', 'accepted', person('Sam Lee', 'sam@example.com', 'approved')));
      const { code, out } = await run(plain, 'lint', '--verify-sign-offs', '--require-complete', 'off', '--dir', DIR);
      assert.equal(
        out,
        `${DIR}/0001-bill-annually.md:8: error: DR-1 is accepted, but Sam Lee's approval (line 8) is in a file git does not track [unverified-sign-off]\n1 record: 1 error, 0 warnings, 0 notes\n`,
      );
      assert.equal(code, 1);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('reports a repository git refuses to open instead of calling its approvals untracked', async function () {
    // Only root can hand a repository to another user, which makes git refuse it as "dubious ownership".
    if (process.getuid?.() !== 0) this.skip();
    const foreign = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-verify-foreign-')));
    try {
      write(foreign, `${DIR}/0001-bill-annually.md`, record('Bill annually', 'accepted', person('Sam Lee', 'sam@example.com', 'approved')));
      git(foreign, 'init', '--quiet', '-b', 'main');
      commit(foreign, SAM, 'Decisions', DIR);
      execFileSync('chown', ['-R', '65534:65534', foreign]);
      const { code, out, err } = await run(foreign, 'lint', '--verify-sign-offs', '--require-complete', 'off', '--dir', DIR);
      assert.equal(out, '');
      assert.match(err, /^rationale lint: git .* failed \(exit 128\): fatal: detected dubious ownership in repository/);
      assert.equal(code, 2);
    } finally {
      rmSync(foreign, { recursive: true, force: true });
    }
  });

  it('--help mentions the flag', async () => {
    const { code, out } = await run(repo, 'lint', '--help');
    assert.equal(code, 0);
    assert.match(out, /--verify-sign-offs +also fail when an accepted record relies on an approval/);
  });

  describe('blame reader', () => {
    it('gives each line its commit, author email and Signed-off-by emails; all zeros for a line not committed', async () => {
      const file = `${DIR}/0003-use-stripe.md`;
      const text = readFileSync(path.join(repo, file), 'utf8').replace('title: Use Stripe', 'title: Use Stripe now');
      const origins = await lineOrigins(repo, file, text, [1, 7, 7]);
      assert.ok(origins);
      assert.deepEqual([...origins.keys()].sort(), [1, 7]);
      assert.deepEqual(origins.get(1), { commit: '0'.repeat(40), authorEmail: 'not.committed.yet', signedOffBy: [] });
      const approval = origins.get(7);
      assert.equal(approval?.authorEmail, 'ana@example.com');
      assert.deepEqual(approval?.signedOffBy, ['bo@EXAMPLE.com']);
      assert.equal(approval?.commit, git(repo, 'log', '-1', '--format=%H', '--', file));
    });

    it('verifies each sign-off of a file from its own text', async () => {
      const file = `${DIR}/0001-bill-annually.md`;
      const [sam] = await verifySignOffs(repo, file, readFileSync(path.join(repo, file), 'utf8'));
      assert.deepEqual([sam.verdict, sam.reason, sam.committedBy, sam.line], ['verified', 'authored', 'sam@example.com', 7]);
    });

    it('answers undefined for a file git does not track, and runs no git when no line is asked', async () => {
      assert.equal(await lineOrigins(repo, `${DIR}/0007-go-public.md`, 'x\n', [0]), undefined);
      assert.deepEqual(await lineOrigins('/nonexistent-rationale-folder', 'a.md', 'x\n', []), new Map());
    });

    it('parses porcelain output, where a commit\'s details come only with its first line', () => {
      const sha = 'c'.repeat(40);
      const output = [
        `${sha} 1 1 2`,
        'author Sam Lee',
        'author-mail <sam@example.com>',
        'summary x',
        'filename a.md',
        '\tfirst',
        `${sha} 2 5`,
        '\tauthor-mail <forged@example.com>',
        '',
      ].join('\n');
      assert.deepEqual([...parseBlamePorcelain(output)], [
        [0, { commit: sha, authorEmail: 'sam@example.com' }],
        [4, { commit: sha, authorEmail: 'sam@example.com' }],
      ]);
    });

    it('parses trailers and emails', () => {
      const sha = 'd'.repeat(40);
      assert.deepEqual([...parseTrailers(`${sha}\x00Sam Lee <sam@example.com>\x1fbo@example.com\x1fno email here\x1e\n${'e'.repeat(40)}\x00\x1e\n`)], [
        [sha, ['sam@example.com', 'bo@example.com']],
        ['e'.repeat(40), []],
      ]);
      assert.deepEqual(['Sam <sam@x.io>', ' bo@x.io ', '<>', 'Sam', 'a b@x.io'].map(emailOf), ['sam@x.io', 'bo@x.io', undefined, undefined, undefined]);
    });
  });
});
