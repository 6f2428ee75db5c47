import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { ADR_DIR_FILE, CANDIDATE_FOLDERS } from '../../src/core/folders';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

function record(title: string, status: string, extra = ''): string {
  // Each body is its own, as real records are, so git does not pair a deleted record with an added one as a rename.
  const body = `${title} matters to ${title.length * 7} customers.\n`.repeat(3);
  return `---\ntitle: ${title}\nstatus: ${status}\ndate: 2026-11-02\n${extra}---\n# ${title}\n\n## Context\n\n${body}\n## Rationale\n\nBecause ${title.toLowerCase()} pays.\n`;
}

/** Runs the CLI in-process and collects what it prints. */
async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const code = await main(argv, { cwd, out: (text) => (out += line(text)), err: (text) => (err += line(text)) });
  return { code, out, err };
}

describe('rationale CLI', () => {
  let repo: string;
  let baseCommit: string;
  let headCommit: string;

  before(() => {
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-cli-')));
    git(repo, 'init', '--quiet', '-b', 'main');
    git(repo, 'config', 'user.name', 'Ana Ruiz');
    git(repo, 'config', 'user.email', 'ana@example.com');
    git(repo, 'remote', 'add', 'origin', 'git@github.com:acme/app.git');
    write(repo, 'docs/decisions/0001-bill-monthly.md', record('Bill monthly', 'accepted'));
    write(
      repo,
      'docs/decisions/0002-use-stripe.md',
      record('Use Stripe', 'proposed', 'tags: [billing]\nsign-off:\n  - name: Sam Lee\n    state: approved\n  - name: Tom Berg\n    state: pending\n'),
    );
    write(repo, 'docs/decisions/0003-drop-invoices.md', record('Drop paper invoices', 'proposed'));
    write(repo, 'README.md', '# App\n');
    git(repo, 'add', '--all');
    git(repo, 'commit', '--quiet', '-m', 'Base decisions');
    baseCommit = git(repo, 'rev-parse', 'HEAD');

    git(repo, 'checkout', '--quiet', '-b', 'feature/annual');
    write(repo, 'docs/decisions/0004-bill-annual-plans-upfront.md', record('Bill annual plans upfront', 'proposed', 'supersedes: [1]\n'));
    write(repo, 'docs/decisions/0002-use-stripe.md', readFileSync(path.join(repo, 'docs/decisions/0002-use-stripe.md'), 'utf8').replace('status: proposed', 'status: accepted'));
    write(repo, 'docs/decisions/0001-bill-monthly.md', record('Bill monthly', 'accepted') + '\nMore context.\n');
    rmSync(path.join(repo, 'docs/decisions/0003-drop-invoices.md'));
    write(repo, 'README.md', '# App\n\nChanged, but not a record.\n');
    git(repo, 'add', '--all');
    git(repo, 'commit', '--quiet', '-m', 'Annual billing');
    headCommit = git(repo, 'rev-parse', 'HEAD');
  });

  after(() => rmSync(repo, { recursive: true, force: true }));

  it('pr-summary lists what the branch adds, re-statuses, edits and removes, with permalinks', async () => {
    const { code, out, err } = await run(repo, 'pr-summary', '--base', 'main');
    assert.equal(err, '');
    assert.equal(code, 0);
    const link = (commit: string, file: string) => `https://github.com/acme/app/blob/${commit}/docs/decisions/${file}`;
    assert.equal(
      out,
      [
        '## Decision records in this change',
        '',
        '### Added',
        '',
        `- [DR-4: Bill annual plans upfront](${link(headCommit, '0004-bill-annual-plans-upfront.md')}) — proposed`,
        '',
        '### Status changed',
        '',
        `- [DR-2: Use Stripe](${link(headCommit, '0002-use-stripe.md')}) — proposed → accepted, 1/2 signed off`,
        '',
        '### Edited',
        '',
        `- [DR-1: Bill monthly](${link(headCommit, '0001-bill-monthly.md')}) — accepted`,
        '',
        '### Removed',
        '',
        `- [DR-3: Drop paper invoices](${link(baseCommit, '0003-drop-invoices.md')}) — proposed`,
        '',
      ].join('\n'),
    );
  });

  it('pr-summary compares with where the branch left the base, not with the base as it is now', async () => {
    const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-cli-merge-base-')));
    try {
      git(scratch, 'init', '--quiet', '-b', 'main');
      git(scratch, 'remote', 'add', 'origin', 'git@github.com:acme/app.git');
      write(scratch, 'docs/decisions/0001-alpha.md', record('Alpha', 'proposed'));
      write(scratch, 'docs/decisions/0002-beta.md', record('Beta', 'proposed'));
      git(scratch, 'add', '--all');
      git(scratch, '-c', 'user.name=Ana Ruiz', '-c', 'user.email=ana@example.com', 'commit', '--quiet', '-m', 'Alpha and Beta');
      const forkPoint = git(scratch, 'rev-parse', 'HEAD');
      git(scratch, 'checkout', '--quiet', '-b', 'feature');
      write(scratch, 'docs/decisions/0001-alpha.md', record('Alpha', 'proposed') + '\nMore context.\n');
      rmSync(path.join(scratch, 'docs/decisions/0002-beta.md'));
      git(scratch, 'add', '--all');
      git(scratch, '-c', 'user.name=Ana Ruiz', '-c', 'user.email=ana@example.com', 'commit', '--quiet', '-m', 'Edit Alpha, drop Beta');
      // Meanwhile main rejects Alpha and accepts Beta: none of that is the branch's doing.
      git(scratch, 'checkout', '--quiet', 'main');
      write(scratch, 'docs/decisions/0001-alpha.md', record('Alpha', 'rejected'));
      write(scratch, 'docs/decisions/0002-beta.md', record('Beta', 'accepted'));
      git(scratch, '-c', 'user.name=Ana Ruiz', '-c', 'user.email=ana@example.com', 'commit', '--quiet', '-am', 'Decide on main');
      git(scratch, 'checkout', '--quiet', 'feature');

      const { code, out, err } = await run(scratch, 'pr-summary', '--base', 'main');
      assert.equal(err, '');
      assert.equal(code, 0);
      const head = git(scratch, 'rev-parse', 'HEAD');
      assert.equal(
        out,
        [
          '## Decision records in this change',
          '',
          '### Edited',
          '',
          `- [DR-1: Alpha](https://github.com/acme/app/blob/${head}/docs/decisions/0001-alpha.md) — proposed`,
          '',
          '### Removed',
          '',
          `- [DR-2: Beta](https://github.com/acme/app/blob/${forkPoint}/docs/decisions/0002-beta.md) — proposed`,
          '',
        ].join('\n'),
      );

      git(scratch, 'checkout', '--quiet', '--orphan', 'unrelated');
      git(scratch, '-c', 'user.name=Ana Ruiz', '-c', 'user.email=ana@example.com', 'commit', '--quiet', '-m', 'Unrelated history');
      const apart = await run(scratch, 'pr-summary', '--base', 'main');
      assert.equal(apart.code, 2);
      assert.match(apart.err, /^rationale pr-summary: HEAD and main share no history/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('pr-summary does not take a deleted record and a new one from the same template for a rename', async () => {
    const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-cli-renames-')));
    try {
      git(scratch, 'init', '--quiet', '-b', 'main');
      git(scratch, 'config', 'user.name', 'Ana Ruiz');
      git(scratch, 'config', 'user.email', 'ana@example.com');
      await run(scratch, 'new', 'Use Postgres for billing');
      await run(scratch, 'new', 'Adopt Kafka for events');
      git(scratch, 'add', '--all');
      git(scratch, 'commit', '--quiet', '-m', 'Two decisions');
      git(scratch, 'checkout', '--quiet', '-b', 'feature');
      git(scratch, 'rm', '--quiet', 'docs/decisions/0001-use-postgres-for-billing.md');
      assert.equal((await run(scratch, 'new', 'Move to GraphQL')).out, 'docs/decisions/0003-move-to-graphql.md\n');
      // A record renamed to a name that is not a record's leaves the log.
      git(scratch, 'mv', 'docs/decisions/0002-adopt-kafka-for-events.md', 'docs/decisions/kafka.txt');
      git(scratch, 'add', '--all');
      git(scratch, 'commit', '--quiet', '-m', 'GraphQL instead of Postgres');
      assert.match(git(scratch, 'diff', '--name-status', '-M', 'main...HEAD'), /^R\d+\tdocs\/decisions\/0001-use-postgres-for-billing\.md\tdocs\/decisions\/0003-move-to-graphql\.md$/m);

      const { code, out } = await run(scratch, 'pr-summary', '--base', 'main');
      assert.equal(code, 0);
      assert.equal(
        out,
        [
          '## Decision records in this change',
          '',
          '### Added',
          '',
          '- DR-3: Move to GraphQL (`docs/decisions/0003-move-to-graphql.md`) — proposed',
          '',
          '### Removed',
          '',
          '- DR-1: Use Postgres for billing (`docs/decisions/0001-use-postgres-for-billing.md`) — proposed',
          '- DR-2: Adopt Kafka for events (`docs/decisions/0002-adopt-kafka-for-events.md`) — proposed',
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('pr-summary says so when a range changes no record', async () => {
    const { code, out } = await run(repo, 'pr-summary', '--base', 'HEAD', '--head', 'HEAD');
    assert.equal(code, 0);
    assert.match(out, /No decision records changed\./);
  });

  it('pr-summary links records on a self-hosted server named with --host-kind, and says why it cannot without', async () => {
    git(repo, 'remote', 'set-url', 'origin', 'git@git.acme-corp.com:acme/app.git');
    try {
      const unknown = await run(repo, 'pr-summary', '--base', 'main');
      assert.equal(unknown.code, 0);
      assert.match(unknown.out, /- DR-4: Bill annual plans upfront \(`docs\/decisions\/0004-bill-annual-plans-upfront\.md`\)/);
      assert.equal(unknown.err, 'rationale: records are listed without permalinks: unknown host git.acme-corp.com: pass --host-kind git.acme-corp.com=github|gitlab|bitbucket|azure|gitea\n');

      const named = await run(repo, 'pr-summary', '--base', 'main', '--host-kind', 'git.acme-corp.com=gitlab');
      assert.equal(named.err, '');
      assert.match(named.out, new RegExp(`\\[DR-4: Bill annual plans upfront\\]\\(https://git\\.acme-corp\\.com/acme/app/-/blob/${headCommit}/docs/decisions/0004-bill-annual-plans-upfront\\.md\\)`));

      const wrong = await run(repo, 'pr-summary', '--base', 'main', '--host-kind', 'git.acme-corp.com=svn');
      assert.equal(wrong.code, 2);
      assert.match(wrong.err, /--host-kind takes HOST=KIND with KIND one of github, gitlab, bitbucket, azure, gitea \(got "git\.acme-corp\.com=svn"\)/);
    } finally {
      git(repo, 'remote', 'set-url', 'origin', 'git@github.com:acme/app.git');
    }
  });

  it('list --format json prints every record ordered by number', async () => {
    const { code, out } = await run(repo, 'list', '--format', 'json');
    assert.equal(code, 0);
    const records = JSON.parse(out) as { number: number; title: string; status: string; path: string; signOff: unknown[]; problems: string[] }[];
    assert.deepEqual(
      records.map((entry) => [entry.number, entry.title, entry.status, entry.path]),
      [
        [1, 'Bill monthly', 'accepted', 'docs/decisions/0001-bill-monthly.md'],
        [2, 'Use Stripe', 'accepted', 'docs/decisions/0002-use-stripe.md'],
        [4, 'Bill annual plans upfront', 'proposed', 'docs/decisions/0004-bill-annual-plans-upfront.md'],
      ],
    );
    assert.deepEqual(records[1].signOff, [
      { name: 'Sam Lee', state: 'approved' },
      { name: 'Tom Berg', state: 'pending' },
    ]);
    assert.deepEqual(records[1], { ...records[1], date: '2026-11-02', tags: ['billing'], problems: [] });
  });

  it('list filters by status and tag and prints a table', async () => {
    const { code, out } = await run(repo, 'list', '--status', 'accepted', '--tag', 'billing');
    assert.equal(code, 0);
    assert.equal(out, ['#  Status    Date        Title', '2  accepted  2026-11-02  Use Stripe', ''].join('\n'));
  });

  it('works from a sub-folder of the repository', async () => {
    const { code, out } = await run(path.join(repo, 'docs'), 'list', '--format', 'json');
    assert.equal(code, 0);
    assert.equal((JSON.parse(out) as unknown[]).length, 3);
  });

  it('takes a --dir named through a symbolic link to the repository', async () => {
    const links = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-cli-link-')));
    try {
      const link = path.join(links, 'app');
      symlinkSync(repo, link);
      for (const dir of [path.join(link, 'docs/decisions'), 'docs/decisions']) {
        const { code, out, err } = await run(link, 'list', '--format', 'json', '--dir', dir);
        assert.equal(err, '', dir);
        assert.equal(code, 0);
        assert.equal((JSON.parse(out) as unknown[]).length, 3);
      }
      const outside = await run(link, 'list', '--dir', links);
      assert.equal(outside.code, 2);
      assert.match(outside.err, /is not a folder inside/);
    } finally {
      rmSync(links, { recursive: true, force: true });
    }
  });

  it('new creates the next record as the extension would, with the git user and stakeholders', async () => {
    const { code, out } = await run(repo, 'new', 'Offer a "team" plan: 5 seats', '--tag', 'pricing', '--stakeholder', 'Sam Lee <sam@example.com>');
    assert.equal(code, 0);
    assert.equal(out, 'docs/decisions/0005-offer-a-team-plan-5-seats.md\n');
    const text = readFileSync(path.join(repo, 'docs/decisions/0005-offer-a-team-plan-5-seats.md'), 'utf8');
    assert.match(text, /^---\ntitle: "Offer a \\"team\\" plan: 5 seats"\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\ndecision-makers: \[Ana Ruiz\]\ntags: \[pricing\]\n/);
    assert.match(text, /- name: Sam Lee\n\s+email: sam@example.com\n\s+state: pending/);
    rmSync(path.join(repo, 'docs/decisions/0005-offer-a-team-plan-5-seats.md'));
  });

  it('new reads --template-dir from the current folder, as --dir, and says when it does not exist', async () => {
    const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-cli-templates-')));
    try {
      git(scratch, 'init', '--quiet', '-b', 'main');
      write(scratch, 'tools/tpl/mine.md', '---\nstatus: proposed\n---\n# {{title}}\n\nOur own template.\n');
      const tools = path.join(scratch, 'tools');
      const relative = await run(tools, 'new', 'First', '--template-dir', 'tpl', '--template', 'mine');
      assert.deepEqual(relative, { code: 0, out: 'docs/decisions/0001-first.md\n', err: '' });
      assert.match(readFileSync(path.join(scratch, 'docs/decisions/0001-first.md'), 'utf8'), /Our own template\./);
      const absolute = await run(tools, 'new', 'Second', '--template-dir', path.join(tools, 'tpl'), '--template', 'mine');
      assert.deepEqual(absolute, { code: 0, out: 'docs/decisions/0002-second.md\n', err: '' });

      const missing = await run(tools, 'new', 'Third', '--template-dir', 'does-not-exist', '--template', 'mine');
      assert.deepEqual(missing, { code: 2, out: '', err: 'rationale new: template folder tools/does-not-exist does not exist\n' });
      const outside = await run(tools, 'new', 'Third', '--template-dir', tmpdir(), '--template', 'mine');
      assert.equal(outside.code, 2);
      assert.match(outside.err, /^rationale new: --template-dir .* is not a folder inside /);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('index writes the index, --check tells whether it is current, and a hand-written index is left alone', async () => {
    const index = path.join(repo, 'docs/decisions/index.md');
    assert.equal((await run(repo, 'index', '--check')).code, 1);
    const written = await run(repo, 'index');
    assert.equal(written.code, 0);
    assert.equal(written.out, 'docs/decisions/index.md: 3 records\n');
    assert.match(readFileSync(index, 'utf8'), /\| DR-4 \| \[Bill annual plans upfront\]\(0004-bill-annual-plans-upfront\.md\) \| proposed \| 2026-11-02 \|/);
    assert.match(readFileSync(index, 'utf8'), /DR4 -->\|supersedes\| DR1/);
    assert.deepEqual(await run(repo, 'index', '--check'), { code: 0, out: 'docs/decisions/index.md is up to date\n', err: '' });

    write(repo, 'docs/decisions/0002-use-stripe.md', record('Use Stripe', 'rejected'));
    const stale = await run(repo, 'index', '--check');
    assert.equal(stale.code, 1);
    assert.equal(stale.err, 'docs/decisions/index.md is out of date: run rationale index\n');

    writeFileSync(index, '# Our own index\n');
    const refused = await run(repo, 'index');
    assert.equal(refused.code, 2);
    assert.equal(readFileSync(index, 'utf8'), '# Our own index\n');
    rmSync(index);

    // An index that cannot be read is not taken for a missing one, by --check or by a write.
    mkdirSync(index);
    for (const args of [['index', '--check'], ['index']]) {
      const unreadable = await run(repo, ...args);
      assert.equal(unreadable.code, 2, args.join(' '));
      assert.match(unreadable.err, /^rationale index: cannot read docs\/decisions\/index\.md, so it is left as it is: EISDIR/);
    }
    rmSync(index, { recursive: true });
    git(repo, 'checkout', '--quiet', '--', 'docs/decisions/0002-use-stripe.md');
  });

  it('index takes an index with CRLF line endings (core.autocrlf) as current, and keeps them when it rewrites it', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-index-crlf-')));
    try {
      write(dir, 'log/0001-first.md', record('First', 'proposed'));
      const index = path.join(dir, 'log/index.md');
      assert.deepEqual(await run(dir, 'index', '--dir', 'log'), { code: 0, out: 'log/index.md: 1 record\n', err: '' });
      const lf = readFileSync(index, 'utf8');
      assert.ok(!lf.includes('\r'));
      writeFileSync(index, lf.replace(/\n/g, '\r\n'));
      assert.deepEqual(await run(dir, 'index', '--check', '--dir', 'log'), { code: 0, out: 'log/index.md is up to date\n', err: '' });

      write(dir, 'log/0002-second.md', record('Second', 'proposed'));
      assert.equal((await run(dir, 'index', '--check', '--dir', 'log')).code, 1);
      assert.equal((await run(dir, 'index', '--dir', 'log')).code, 0);
      const rewritten = readFileSync(index, 'utf8');
      assert.ok(rewritten.includes('| DR-2 | [Second](0002-second.md) | proposed | 2026-11-02 |  |\r\n'), rewritten);
      assert.doesNotMatch(rewritten, /[^\r]\n/);
      assert.equal((await run(dir, 'index', '--check', '--dir', 'log')).code, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lint, index and list say so when a subfolder cannot be read, instead of passing over its records', function () {
    // Root reads every folder; the CLI runs as the unprivileged user "nobody" to meet one it cannot read.
    if (process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).error) this.skip();
    const plain = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-cli-unreadable-')));
    try {
      chmodSync(plain, 0o755);
      write(plain, 'docs/decisions/0001-a.md', record('A', 'proposed'));
      write(plain, 'docs/decisions/team/0001-b.md', record('B', 'proposed'));
      chmodSync(path.join(plain, 'docs/decisions/team'), 0o000);
      const asNobody = (...args: string[]) =>
        spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args, '--dir', 'docs/decisions'], { cwd: plain, encoding: 'utf8' });
      // The checkout itself may sit where that user cannot read (under /root, say).
      if (asNobody('--help').status !== 0) this.skip();
      const cannotRead = /cannot read docs\/decisions\/team \(EACCES: permission denied/;

      const lint = asNobody('lint', '--require-complete', 'off');
      assert.equal(lint.status, 1, lint.stderr);
      assert.match(lint.stdout, /^docs\/decisions\/team:1: error: This folder cannot be read \(EACCES: permission denied.*\): the records in it are not checked\. \[unreadable-folder\]$/m);
      const index = asNobody('index');
      assert.equal(index.status, 2);
      assert.match(index.stderr, cannotRead);
      assert.ok(!existsSync(path.join(plain, 'docs/decisions/index.md')), 'no partial index is written');
      const list = asNobody('list');
      assert.equal(list.status, 0);
      assert.match(list.stdout, /^1 +proposed +2026-11-02 +A$/m);
      assert.match(list.stderr, cannotRead);
    } finally {
      chmodSync(path.join(plain, 'docs/decisions/team'), 0o755);
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('lint exits 0 on a clean log and 1 with every problem located on a line', async () => {
    // Warnings alone do not fail the check.
    const warned = await run(repo, 'lint', '--require-complete', 'off');
    assert.deepEqual(warned, {
      code: 0,
      out:
        'docs/decisions/0004-bill-annual-plans-upfront.md:5: warning: Supersedes DR-1, but its status is accepted: mark DR-1 superseded by this record. [supersede-mismatch]\n' +
        '3 records: 0 errors, 1 warning, 0 notes\n',
      err: '',
    });

    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-lint-')));
    try {
      write(dir, 'log/0001-first.md', record('First', 'accepted', 'supersedes: [9]\n'));
      write(dir, 'log/0002-second.md', record('Second', 'proposed'));
      write(dir, 'log/0002-second-again.md', record('Second again', 'proposed'));
      write(dir, 'log/0003-broken.md', '---\ntitle: ADR003: Broken\nstatus: [accepted\n---\n# Broken\n');
      const json = await run(dir, 'lint', '--dir', 'log', '--format', 'json');
      assert.equal(json.code, 1);
      const findings = (JSON.parse(json.out) as { path: string; line: number; severity: string; code: string }[]).map(
        (finding) => `${finding.path}:${finding.line} ${finding.severity} ${finding.code}`,
      );
      assert.deepEqual(findings, [
        'log/0001-first.md:5 warning missing-reference',
        'log/0001-first.md:3 warning no-data-source',
        'log/0002-second-again.md:2 error duplicate-number',
        'log/0002-second.md:2 error duplicate-number',
        'log/0003-broken.md:2 error yaml-syntax',
        'log/0003-broken.md:2 warning no-rationale',
        'log/0003-broken.md:3 warning no-data-source',
      ]);

      const github = await run(dir, 'lint', '--dir', 'log', '--format', 'github', '--require-complete', 'off');
      assert.equal(github.code, 1);
      const annotations = github.out.trim().split('\n');
      assert.equal(annotations.length, 4);
      assert.match(annotations[1], /^::error file=log\/0002-second-again\.md,line=2,title=duplicate-number::DR-2 is also the number of log\/0002-second\.md/);
      assert.ok(annotations.every((line) => /^::(error|warning|notice) file=[^,]+,line=\d+,title=[\w-]+::\S/.test(line)), annotations.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers bad usage with one line and exit code 2', async () => {
    const unknown = await run(repo, 'list', '--bogus');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.out, '');
    assert.match(unknown.err, /^rationale list: Unknown option '--bogus'[^\n]*\n$/);
    assert.equal((await run(repo, 'list', '--format', 'xml')).err, 'rationale list: --format must be one of table, json (got "xml")\n');
    assert.equal((await run(repo, 'frobnicate')).code, 2);
    assert.equal((await run(repo, 'pr-summary')).err, 'rationale pr-summary: --base <ref> is required, e.g. --base origin/main\n');
    const missing = await run(repo, 'list', '--dir', 'no/such/folder');
    assert.deepEqual(missing, { code: 2, out: '', err: 'rationale list: decision folder no/such/folder does not exist\n' });
    const empty = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-empty-')));
    try {
      mkdirSync(path.join(empty, 'log'));
      const notGit = await run(empty, 'pr-summary', '--base', 'main', '--dir', 'log');
      assert.deepEqual(notGit, { code: 2, out: '', err: `rationale pr-summary: ${empty} is not in a git repository: pr-summary compares two git refs\n` });
      const none = await run(empty, 'lint');
      assert.equal(none.code, 2);
      assert.match(none.err, /^rationale lint: no decision folder found in .*; pass --dir\n$/);
      for (const folder of [ADR_DIR_FILE, ...CANDIDATE_FOLDERS]) assert.ok(none.err.includes(` ${folder}`), `${folder} is named`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('prints help for the tool and for each command', async () => {
    for (const command of ['list', 'lint', 'new', 'index', 'pr-summary']) {
      const { code, out } = await run(repo, command, '--help');
      assert.equal(code, 0);
      assert.match(out, new RegExp(`^Usage: rationale ${command}`));
    }
    assert.match((await run(repo, '--help')).out, /^Usage: rationale <command>/);
    const bare = await run(repo);
    assert.equal(bare.code, 2);
    assert.equal(bare.out, '');
    assert.match(bare.err, /^Usage: rationale <command>/);
  });

  it('names every option of a command in its usage line', async () => {
    for (const command of ['list', 'lint', 'new', 'index', 'pr-summary']) {
      const [usage, ...rest] = (await run(repo, command, '--help')).out.split('\n');
      const options = rest.flatMap((line) => /^ {2}(--[\w-]+)/.exec(line)?.[1] ?? []);
      for (const option of options) assert.ok(usage.includes(`[${option}`), `${command}: ${option} missing from ${usage}`);
    }
  });

  it('stops quietly when the reader of its output goes away (rationale list | head -1)', () => {
    const big = realpathSync(mkdtempSync(path.join(tmpdir(), 'rationale-cli-pipe-')));
    try {
      // Far more than a pipe holds, so the CLI is still writing when the pipe closes.
      for (let number = 1; number <= 2000; number++) {
        write(big, `log/${String(number).padStart(4, '0')}-r.md`, `---\ntitle: Record ${number} with a title long enough to fill the pipe quickly\n---\n# T\n`);
      }
      // The CLI's own exit code goes to a file: a pipeline's is head's.
      const piped = spawnSync('sh', ['-c', '( "$0" "$1" list --dir log; echo $? > status ) | head -1', process.execPath, CLI], { cwd: big, encoding: 'utf8', env: GIT_ENV });
      assert.match(piped.stdout, /^#\s+Status\s+Date\s+Title\n$/);
      assert.equal(piped.stderr, '');
      assert.equal(readFileSync(path.join(big, 'status'), 'utf8'), '0\n');
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('runs as a process: output on stdout, one-line errors on stderr, no stack trace', () => {
    const listed = spawnSync(process.execPath, [CLI, 'list'], { cwd: repo, encoding: 'utf8', env: GIT_ENV });
    assert.equal(listed.status, 0);
    assert.match(listed.stdout, /^#\s+Status\s+Date\s+Title\n/);
    const bad = spawnSync(process.execPath, [CLI, 'lint', '--format', 'yaml'], { cwd: repo, encoding: 'utf8', env: GIT_ENV });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.doesNotMatch(bad.stderr, /\n\s+at /);
  });
});
