// Copy Link for Pull Request, Copy PR Summary and Add Pull Request Link in the real host, on the
// workspace copy (a git repository on `main`, user Ana Ruiz) given a GitHub remote.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { gitReaderFor } from '../../src/cli/git';
import { summarizeBranch } from '../../src/core/branchSummary';
import type { DecisionRecord } from '../../src/core/record';
import type { RationaleApi } from '../../src/extension/api';
import type { AddedLink } from '../../src/extension/addPullRequestLink';
import type { CopiedText } from '../../src/extension/copyPullRequestLink';
import { rationale, workspaceFolder } from './helpers';

const REMOTE = 'git@github.com:acme/app.git';
const RECORD = 'docs/decisions/0004-bill-annual-plans-upfront.md';
const RECORD_WEB = `https://github.com/acme/app/blob/main/${RECORD}`;
const PULL_REQUEST = 'https://github.com/acme/app/pull/412';
const FEATURE_BRANCH = 'feature/annual-billing';

const run = promisify(execFile);

async function git(...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: workspaceFolder().uri.fsPath });
  return stdout.trim();
}

function recordUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, RECORD);
}

async function readRecord(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(recordUri()));
}

/** Resolves once the log's view of the record satisfies `condition` (file events arrive after a write). */
async function untilRecord(api: RationaleApi, condition: (record: DecisionRecord | undefined) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    await api.whenIdle();
    if (condition((await api.getLog(workspaceFolder()))?.get(RECORD))) return;
    if (Date.now() > deadline) throw new Error(`the log never showed ${RECORD} ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function untilStatus(api: RationaleApi, status: string): Promise<void> {
  return untilRecord(api, (record) => record?.status === status, `as ${status}`);
}

describe('Pull request links', () => {
  let api: RationaleApi;
  let original: string;
  let bareRemote: string;

  before(async () => {
    api = await rationale();
    original = await readRecord();
    // Pushes to the GitHub address land in a local bare repository; fetch URL and links keep the GitHub one.
    bareRemote = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-origin-'));
    await run('git', ['init', '--quiet', '--bare', bareRemote]);
    await git('config', `url.${bareRemote}.pushInsteadOf`, REMOTE);
  });

  afterEach(async () => {
    // Closing a dirty editor would ask whether to save it; revert first.
    for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if ((await readRecord()) !== original) {
      await vscode.workspace.fs.writeFile(recordUri(), new TextEncoder().encode(original));
    }
    await untilRecord(api, (record) => record?.links.length === 0, 'without links');
  });

  after(async () => {
    if ((await git('branch', '--show-current')) !== 'main') await git('checkout', '--quiet', 'main');
    await git('branch', '--quiet', '-D', FEATURE_BRANCH).catch(() => undefined);
    await git('config', '--remove-section', `url.${bareRemote}`).catch(() => undefined);
    await git('remote', 'remove', 'origin').catch(() => undefined);
    fs.rmSync(bareRemote, { recursive: true, force: true });
    await untilStatus(api, 'proposed');
  });

  it('names the file instead of linking it when the repository has no remote, and says why', async () => {
    const copied = await vscode.commands.executeCommand<CopiedText>('rationale.copyPullRequestLink', recordUri());

    const expected = `DR-4: Bill annual plans upfront (\`${RECORD}\`) — proposed, 1/2 signed off`;
    assert.equal(await vscode.env.clipboard.readText(), expected);
    assert.equal(copied.message, 'Copied link to DR-4. No web link: the repository has no remote; the line names the file instead.');
    await git('remote', 'add', 'origin', REMOTE);
  });

  it('copies a link to the branch while the commit is not pushed, and says so', async () => {
    const head = await git('rev-parse', '--short', 'HEAD');
    const copied = await vscode.commands.executeCommand<CopiedText>('rationale.copyPullRequestLink', recordUri());

    const expected = `[DR-4: Bill annual plans upfront](${RECORD_WEB}) — proposed, 1/2 signed off`;
    assert.equal(await vscode.env.clipboard.readText(), expected);
    assert.equal(copied.text, expected);
    assert.equal(copied.message, `Copied link to DR-4. Commit ${head} is not pushed: the link points at the branch main.`);
  });

  it('copies a permalink to the commit once it is pushed, for the record open in the editor', async () => {
    await git('push', '--quiet', 'origin', 'main');
    const head = await git('rev-parse', 'HEAD');
    await vscode.window.showTextDocument(recordUri());

    const copied = await vscode.commands.executeCommand<CopiedText>('rationale.copyPullRequestLink');

    const expected = `[DR-4: Bill annual plans upfront](https://github.com/acme/app/blob/${head}/${RECORD}) — proposed, 1/2 signed off`;
    assert.equal(await vscode.env.clipboard.readText(), expected);
    assert.equal(copied.message, 'Copied link to DR-4.');
  });

  it('links to a self-hosted host of the kind rationale.hostKinds names', async () => {
    const settings = vscode.workspace.getConfiguration('rationale', workspaceFolder().uri);
    await git('remote', 'set-url', 'origin', 'ssh://git@code.acme.com:2222/platform/billing/app.git');
    await settings.update('hostKinds', { 'code.acme.com': 'gitlab' }, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const head = await git('rev-parse', 'HEAD');
      await vscode.commands.executeCommand('rationale.copyPullRequestLink', recordUri());
      assert.equal(
        await vscode.env.clipboard.readText(),
        `[DR-4: Bill annual plans upfront](https://code.acme.com/platform/billing/app/-/blob/${head}/${RECORD}) — proposed, 1/2 signed off`,
      );
    } finally {
      await settings.update('hostKinds', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await git('remote', 'set-url', 'origin', REMOTE);
    }
  });

  it('adds a pull request link to the front matter, and saves a record that was not being edited', async () => {
    const added = await vscode.commands.executeCommand<AddedLink>('rationale.addPullRequestLink', { uri: recordUri(), url: PULL_REQUEST });

    assert.equal(added.changed, true);
    const expected = original.replace('---\n# Bill', `links: [${PULL_REQUEST}]\n---\n# Bill`);
    assert.notEqual(expected, original);
    assert.equal(await readRecord(), expected);
    await untilRecord(api, (record) => record?.links.join() === PULL_REQUEST, `linking ${PULL_REQUEST}`);
  });

  it('edits an editor with unsaved changes without saving it, and the edit can be undone', async () => {
    const editor = await vscode.window.showTextDocument(recordUri());
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((builder) => builder.insert(end, '\nUnsaved note.\n'));

    await vscode.commands.executeCommand('rationale.addPullRequestLink', { uri: recordUri(), url: PULL_REQUEST });

    const withLink = original.replace('---\n# Bill', `links: [${PULL_REQUEST}]\n---\n# Bill`);
    assert.equal(editor.document.getText(), `${withLink}\nUnsaved note.\n`);
    assert.equal(editor.document.isDirty, true);
    assert.equal(await readRecord(), original, 'the file on disk is not written behind the editor');

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), `${original}\nUnsaved note.\n`);
  });

  it('refuses an address that is not http(s) and leaves the record alone', async () => {
    const added = await vscode.commands.executeCommand<AddedLink | undefined>('rationale.addPullRequestLink', {
      uri: recordUri(),
      url: 'ftp://example.com/pull/1',
    });
    assert.equal(added, undefined);
    assert.equal(await readRecord(), original);
  });

  it('copies the same PR summary the CLI prints, against the default branch', async () => {
    await git('checkout', '--quiet', '-b', FEATURE_BRANCH);
    await vscode.workspace.fs.writeFile(recordUri(), new TextEncoder().encode(original.replace('status: proposed', 'status: accepted')));
    await git('commit', '--quiet', '--no-verify', '-am', 'Accept annual billing');
    await untilStatus(api, 'accepted');
    const base = await git('rev-parse', 'origin/main');
    const head = await git('rev-parse', 'HEAD');

    const copied = await vscode.commands.executeCommand<CopiedText>('rationale.copyPrSummary');

    const root = await git('rev-parse', '--show-toplevel');
    const fromCore = await summarizeBranch(gitReaderFor(root), { base, head: 'HEAD', folder: 'docs/decisions', prefix: 'DR' });
    const clipboard = await vscode.env.clipboard.readText();
    assert.equal(clipboard, fromCore);
    assert.equal(
      clipboard,
      [
        '## Decision records in this change',
        '',
        '### Status changed',
        '',
        `- [DR-4: Bill annual plans upfront](https://github.com/acme/app/blob/${head}/${RECORD}) — proposed → accepted, 1/2 signed off`,
        '',
      ].join('\n'),
    );
    assert.equal(copied.message, `Copied the PR summary of ${FEATURE_BRANCH} against origin/main: 1 decision record.`);

    await git('checkout', '--quiet', 'main');
    await untilStatus(api, 'proposed');
  });
});
