// Sign-off provenance in the real host, on the fixture workspace's git repository, whose only commit
// is Ana Ruiz's (ana@example.com, also its git user): the tree and the hover tell a verified sign-off
// from an unverified one, and Commit Sign-off turns Ana's fresh sign-off into a verified one.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { DecisionNode } from '../../src/extension/decisionTree';
import { DR4, FixtureLog, errorMessagesDuring, readText, rememberFixtures, today, until, uriOf, workspaceFolder } from './helpers';

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceFolder().uri.fsPath, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function labelOf(api: RationaleApi, node: DecisionNode): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** Each stakeholder of DR-4 as the expanded tree shows them: name and description. */
async function stakeholdersOfDr4(api: RationaleApi): Promise<[string, string][]> {
  for (const group of await api.tree.getChildren()) {
    if (labelOf(api, group) === 'Awaiting my sign-off') continue;
    for (const node of await api.tree.getChildren(group)) {
      if (!labelOf(api, node).startsWith('DR-4 ')) continue;
      return (await api.tree.getChildren(node)).map((child) => {
        const item = api.tree.getTreeItem(child);
        return [labelOf(api, child), String(item.description)];
      });
    }
  }
  assert.fail('DR-4 is not in the tree');
}

async function anaIs(api: RationaleApi, description: string): Promise<void> {
  let last: string | undefined;
  await until(async () => {
    last = (await stakeholdersOfDr4(api))[0]?.[1];
    return last === description;
  }, `Ana's sign-off reads "${description}" (last: "${last}")`);
}

describe('Verified sign-offs', () => {
  let api: RationaleApi;
  let fixtures: FixtureLog;
  let startHead: string;
  const notes = () => vscode.Uri.joinPath(workspaceFolder().uri, 'docs', 'provenance-notes.md');

  before(async () => {
    ({ api, fixtures } = await rememberFixtures());
    startHead = git('rev-parse', 'HEAD');
  });

  after(async () => {
    // The commits this suite made go; the working tree is put back by the fixture log.
    git('reset', '--quiet', startHead);
    await vscode.workspace.fs.delete(notes()).then(undefined, () => undefined);
    await fixtures.restore();
  });

  it('shows an approval someone else committed as unverified, in the tree and in the hover', async () => {
    assert.deepEqual(await stakeholdersOfDr4(api), [
      ['Ana Ruiz', 'Engineering lead · pending'],
      ['Sam Lee', 'VP Finance · approved 2026-03-03 · unverified: committed by ana@example.com'],
    ]);
    await vscode.workspace.fs.writeFile(notes(), new TextEncoder().encode('Billing follows DR-4.\n'));
    const document = await vscode.workspace.openTextDocument(notes());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 17));
    const text = hovers
      .flatMap((hover) => hover.contents.map((content) => (content instanceof vscode.MarkdownString ? content.value : String(content))))
      .map((value) => value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1'))
      .find((value) => value.includes('DR-4'));
    assert.ok(text, 'a hover for DR-4');
    assert.match(text, /Sam Lee: approved · unverified: committed by ana@example\.com/);
    assert.doesNotMatch(text, /Ana Ruiz:/, 'a pending sign-off needs no provenance');
  });

  it('turns a fresh sign-off from unverified to verified with Commit Sign-off, committing only that file as the signer', async () => {
    const changed = await vscode.commands.executeCommand('rationale.signOff', { uri: uriOf(DR4), state: 'approved', comment: 'Numbers check out.', commit: false });
    assert.equal(changed, true);
    assert.equal(git('rev-parse', 'HEAD'), startHead, 'commit: false commits nothing');
    await anaIs(api, `Engineering lead · approved ${today()} · unverified: not committed yet`);

    // Something else staged meanwhile must stay out of the sign-off's commit.
    const readme = vscode.Uri.joinPath(workspaceFolder().uri, 'docs', 'decisions', 'README.md');
    const readmeText = new TextDecoder().decode(await vscode.workspace.fs.readFile(readme));
    await vscode.workspace.fs.writeFile(readme, new TextEncoder().encode(`${readmeText}\nStaged, not signed.\n`));
    git('add', '--', 'docs/decisions/README.md');
    try {
      // The same answers again: nothing to edit, and the sign-off already in the file is committed.
      await vscode.commands.executeCommand('rationale.signOff', { uri: uriOf(DR4), state: 'approved', comment: 'Numbers check out.', commit: true });
      assert.equal(git('log', '-1', '--format=%s|%an|%ae'), 'Sign off DR-4: approved|Ana Ruiz|ana@example.com');
      assert.equal(git('show', '--name-only', '--format=', 'HEAD'), DR4);
      assert.equal(git('rev-parse', 'HEAD~1'), startHead);
      assert.equal(git('diff', '--cached', '--name-only'), 'docs/decisions/README.md');
    } finally {
      git('reset', '--quiet', '--', 'docs/decisions/README.md');
      await vscode.workspace.fs.writeFile(readme, new TextEncoder().encode(readmeText));
    }
    await anaIs(api, `Engineering lead · approved ${today()} · verified`);
    assert.equal((await stakeholdersOfDr4(api))[1][1], 'VP Finance · approved 2026-03-03 · unverified: committed by ana@example.com');
  });

  it('does not commit a record whose file has other changes besides the sign-off', async () => {
    const head = git('rev-parse', 'HEAD');
    const document = await vscode.workspace.openTextDocument(uriOf(DR4));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, '\nA line someone else wrote.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());

    const changed = await vscode.commands.executeCommand('rationale.signOff', { uri: uriOf(DR4), state: 'objected', comment: 'Too early.', commit: true });
    assert.equal(changed, true);
    assert.equal(git('rev-parse', 'HEAD'), head, 'nothing was committed');
    assert.match(await readText(DR4), /state: objected[\s\S]*A line someone else wrote\./);
    await anaIs(api, `Engineering lead · objected ${today()} · unverified: not committed yet`);
  });

  it('says why when git refuses the repository, rather than treating the record as outside git', async function () {
    // Only root can hand the folder to another user, which git then refuses as "dubious ownership".
    if (process.getuid?.() !== 0) this.skip();
    const root = workspaceFolder().uri.fsPath;
    const owner = statSync(root);
    chownSync(root, 65534, 65534);
    try {
      const refused = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
      if (!/dubious ownership/.test(refused.stderr)) this.skip(); // this machine's git config trusts every folder
      const messages = await errorMessagesDuring(() => vscode.commands.executeCommand('rationale.copyPullRequestLink', uriOf(DR4)));
      assert.equal(messages.length, 1, messages.join('\n'));
      assert.match(messages[0], /^Rationale: git rev-parse .* failed \(exit 128\): fatal: detected dubious ownership in repository/);
    } finally {
      chownSync(root, owner.uid, owner.gid);
    }
  });
});
