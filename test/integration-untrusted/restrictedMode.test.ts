// The extension in a workspace VS Code does not trust (Restricted Mode): records are listed, opened and created
// as usual, but no git runs, custom templates are filled in as text, and the pull request commands say what they
// cannot do. The workspace is a git repository with a user (Ana Ruiz), so anything that ran git would show.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { parseRecord } from '../../src/core/parse';
import type { RationaleApi } from '../../src/extension/api';
import type { CopiedText } from '../../src/extension/copyPullRequestLink';
import type { NewRecordResult } from '../../src/extension/newRecord';
import { DR4, errorMessagesDuring, rationale, readText, until, uriOf, workspaceFolder } from '../integration/helpers';
import { allStartedProcesses, processesStartedFrom } from './processRecorder';

const TEMPLATE_FOLDER = '.rationale/templates';
const GIT_USER = 'Ana Ruiz';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Group label → record labels, as the Decisions tree shows them. */
async function treeShown(api: RationaleApi): Promise<Map<string, string[]>> {
  const shown = new Map<string, string[]>();
  for (const group of await api.tree.getChildren()) {
    const records = await api.tree.getChildren(group);
    shown.set(label(api.tree.getTreeItem(group)), records.map((node) => label(api.tree.getTreeItem(node))));
  }
  return shown;
}

async function deleteIfPresent(relativePath: string): Promise<void> {
  await vscode.workspace.fs.delete(uriOf(relativePath), { recursive: true }).then(undefined, () => undefined);
}

describe('Untrusted workspace (Restricted Mode)', () => {
  let api: RationaleApi;
  const created: string[] = [];

  before(async () => {
    api = await rationale();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('templateFolder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    for (const file of created) await deleteIfPresent(file);
    await deleteIfPresent('.rationale');
  });

  it('runs in a workspace VS Code does not trust', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('lists the records in the tree, without the Awaiting my sign-off group that needs the git user', async () => {
    const shown = await treeShown(api);
    assert.deepEqual(shown.get('Proposed'), ['DR-4 Bill annual plans upfront']);
    assert.ok(shown.get('Accepted')?.includes('DR-1 Record decisions in markdown'), [...shown].join('\n'));
    // DR-4 awaits Ana Ruiz, the repository's git user; only git could tell that the user is Ana.
    assert.equal(shown.has('Awaiting my sign-off'), false);
  });

  it('opens a record chosen in Open Decision…', async () => {
    const items = await api.decisionPickItems();
    assert.ok(items.some((item) => item.label === 'DR-4 Bill annual plans upfront'));
    const command = vscode.commands.executeCommand('rationale.openDecision');
    // The pick fills as soon as the log is loaded, which it already is; then the first item is accepted.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await command;
    const opened = vscode.window.activeTextEditor?.document.uri;
    assert.ok(opened, 'an editor is open');
    assert.ok(
      items.some((item) => item.uri.toString() === opened.toString()),
      `${opened.toString()} is one of the records offered`,
    );
  });

  it('opens a record from the tree', async () => {
    await vscode.commands.executeCommand('rationale.openRecord', uriOf(DR4));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(DR4).toString());
  });

  it('creates a record without the git user as decision-maker', async () => {
    const result = await vscode.commands.executeCommand<NewRecordResult | undefined>('rationale.newRecord', {
      title: 'Keep the trial at fourteen days',
    });
    assert.ok(result, 'a record was created');
    created.push(result.path);
    assert.equal(result.path, 'docs/decisions/0007-keep-the-trial-at-fourteen-days.md');
    const record = parseRecord(result.path, await readText(result.path));
    assert.equal(record.title, 'Keep the trial at fourteen days');
    assert.deepEqual(record.decisionMakers, []);
    assert.doesNotMatch(await readText(result.path), new RegExp(GIT_USER));
    await until(async () => (await api.getLog(workspaceFolder()))?.get(result.path) !== undefined, 'the index has the new record');
  });

  it('fills a custom template in as text: placeholders are replaced, nothing in it runs', async () => {
    const template = [
      '---',
      'tags: [pricing]',
      '---',
      '## Context',
      '',
      'About {{title}} ({{id}}).',
      '',
      '${process.exit(1)} `$(touch /tmp/pwned)` {{constructor}} {{ require("child_process") }} <script>alert(1)</script>',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uriOf(`${TEMPLATE_FOLDER}/hostile.md`), new TextEncoder().encode(template));
    await vscode.workspace
      .getConfiguration('rationale', workspaceFolder().uri)
      .update('templateFolder', TEMPLATE_FOLDER, vscode.ConfigurationTarget.WorkspaceFolder);

    const result = await vscode.commands.executeCommand<NewRecordResult | undefined>('rationale.newRecord', {
      title: 'Price the team plan per seat',
      template: 'hostile',
    });
    assert.ok(result, 'a record was created from the custom template');
    created.push(result.path);
    const text = await readText(result.path);
    assert.match(text, /^About Price the team plan per seat \(DR-8\)\.$/m);
    assert.ok(
      text.includes('${process.exit(1)} `$(touch /tmp/pwned)` {{constructor}} {{ require("child_process") }} <script>alert(1)</script>'),
      text,
    );
    assert.equal(fs.existsSync('/tmp/pwned'), false);
    assert.deepEqual(parseRecord(result.path, text).tags, ['pricing']);
  });

  it('copies a pull request line that names the file, and says why there is no web link', async () => {
    const copied = await vscode.commands.executeCommand<CopiedText>('rationale.copyPullRequestLink', uriOf(DR4));
    const expected = `DR-4: Bill annual plans upfront (\`${DR4}\`) — proposed, 1/2 signed off`;
    assert.equal(copied.text, expected);
    assert.equal(await vscode.env.clipboard.readText(), expected);
    assert.equal(
      copied.message,
      'Copied link to DR-4. No web link: this workspace is not trusted, so Rationale runs no git in it; the line names the file instead.',
    );
  });

  it('refuses Copy PR Summary with a message that says why, and leaves the clipboard alone', async () => {
    await vscode.env.clipboard.writeText('before');
    let result: unknown = 'not run';
    const messages = await errorMessagesDuring(async () => {
      result = await vscode.commands.executeCommand('rationale.copyPrSummary');
    });
    assert.equal(result, undefined);
    assert.deepEqual(messages, ['Rationale: Copy PR Summary needs git, but this workspace is not trusted, so Rationale runs no git in it.']);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });

  // Last: every test above has run the commands that would use git in a trusted workspace.
  it('started no process from the extension, and no git ran since the server started', async () => {
    const extension = vscode.extensions.getExtension('rationale.rationale');
    assert.ok(extension);
    const bundle = path.join(extension.extensionPath, 'dist', 'extension.js');
    assert.deepEqual(processesStartedFrom(bundle).map((entry) => `${entry.command} ${entry.args.join(' ')}`), []);

    // The logging git on the server's PATH (scripts/test-integration.js): first prove it logs a git started here,
    // through the same PATH lookup the extension's execFile('git') would use.
    const log = process.env.RATIONALE_GIT_LOG;
    assert.ok(log, 'RATIONALE_GIT_LOG is set: the run puts a logging git on the PATH');
    const probeFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-git-probe-'));
    try {
      await promisify(execFile)('git', ['--version'], { cwd: probeFolder });
      assert.ok(
        allStartedProcesses().some((entry) => entry.command === 'git' && entry.args.join(' ') === '--version'),
        'the recorder saw the probe',
      );
      const lines = fs.readFileSync(log, 'utf8').split('\n').filter((line) => line !== '');
      assert.deepEqual(lines, [`${probeFolder}\t--version`]);
    } finally {
      fs.rmSync(probeFolder, { recursive: true, force: true });
    }
  });
});
