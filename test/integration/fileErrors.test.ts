// Files that cannot be written, folders that are missing, records deleted while a command waits for an answer,
// and a decision folder that leads outside the workspace: each gets a clear message, nothing is half written,
// and the tree keeps working.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { NewRecordResult } from '../../src/extension/newRecord';
import { errorMessagesDuring, rationale, until, uriOf, workspaceFolder } from './helpers';

const RECORD = (number: number, slug: string): string => `docs/decisions/00${number}-${slug}.md`;

function recordText(title: string, status = 'proposed'): string {
  return `---\ntitle: ${title}\nstatus: ${status}\ndate: 2026-04-01\n---\n# ${title}\n\n## Context\n\nWhy.\n`;
}

async function writeRecord(api: RationaleApi, relativePath: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uriOf(relativePath), new TextEncoder().encode(text));
  await until(async () => (await api.getLog(workspaceFolder()))?.get(relativePath) !== undefined, `the index has ${relativePath}`);
}

async function removeRecord(api: RationaleApi, relativePath: string): Promise<void> {
  const file = uriOf(relativePath).fsPath;
  if (fs.existsSync(file)) fs.chmodSync(file, 0o644);
  await vscode.workspace.fs.delete(uriOf(relativePath)).then(undefined, () => undefined);
  await until(async () => (await api.getLog(workspaceFolder()))?.get(relativePath) === undefined, `the index drops ${relativePath}`);
}

async function treeLabels(api: RationaleApi): Promise<string[]> {
  const labels: string[] = [];
  for (const group of await api.tree.getChildren()) {
    for (const node of await api.tree.getChildren(group)) {
      const item = api.tree.getTreeItem(node);
      labels.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
    }
  }
  return labels;
}

async function closeEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('File errors', () => {
  let api: RationaleApi;

  let filesBefore: string[];

  before(async () => {
    api = await rationale();
    filesBefore = fs.readdirSync(uriOf('docs/decisions').fsPath);
  });

  afterEach(closeEditors);

  after(async () => {
    // A command that wrongly went ahead (a successor of a read-only record) must not break the tests after these.
    for (const name of fs.readdirSync(uriOf('docs/decisions').fsPath)) {
      if (!filesBefore.includes(name)) await removeRecord(api, `docs/decisions/${name}`);
    }
  });

  describe('a read-only record (chmod 444)', () => {
    const readOnly = RECORD(91, 'read-only-record');
    const original = recordText('Read-only record');
    // Only an accepted decision can be superseded.
    const readOnlyAccepted = RECORD(92, 'read-only-accepted-record');
    const acceptedOriginal = recordText('Read-only accepted record', 'accepted');

    before(async () => {
      await writeRecord(api, readOnly, original);
      await writeRecord(api, readOnlyAccepted, acceptedOriginal);
      fs.chmodSync(uriOf(readOnly).fsPath, 0o444);
      fs.chmodSync(uriOf(readOnlyAccepted).fsPath, 0o444);
    });

    it('has no write permission, though the extension API does not say so', async () => {
      // VS Code's disk provider marks it Locked, but vscode.workspace.fs.stat passes on only Readonly; the
      // extension looks at the mode itself (assertWritable).
      assert.equal(fs.statSync(uriOf(readOnly).fsPath).mode & 0o200, 0);
      assert.equal(((await vscode.workspace.fs.stat(uriOf(readOnly))).permissions ?? 0) & vscode.FilePermission.Readonly, 0);
    });

    const refusals: [string, string, () => unknown][] = [
      ['Change Status', 'rationale.changeStatus', () => ({ uri: uriOf(readOnly), status: 'rejected' })],
      ['Link Related', 'rationale.linkRelated', () => ({ uri: uriOf(readOnly), related: 1 })],
      ['Add Data Source', 'rationale.addDataSource', () => ({ uri: uriOf(readOnly), title: 'Q3', url: 'https://example.com/q3' })],
      ['Add Pull Request Link', 'rationale.addPullRequestLink', () => ({ uri: uriOf(readOnly), url: 'https://github.com/acme/app/pull/1' })],
      ['Request Sign-off', 'rationale.requestSignOff', () => ({ uri: uriOf(readOnly), stakeholders: ['Sam Lee <sam@example.com>'] })],
    ];
    for (const [name, command, argument] of refusals) {
      it(`is left alone by ${name}, which says the file is read-only`, async () => {
        const messages = await errorMessagesDuring(() => vscode.commands.executeCommand(command, argument()));
        assert.deepEqual(messages, ['Rationale: 0091-read-only-record.md is read-only; nothing was changed.']);
        assert.equal(fs.readFileSync(uriOf(readOnly).fsPath, 'utf8'), original);
      });
    }

    it('is left alone by Supersede, which creates no successor either', async () => {
      const before = fs.readdirSync(uriOf('docs/decisions').fsPath).sort();
      const messages = await errorMessagesDuring(() =>
        vscode.commands.executeCommand('rationale.supersede', { uri: uriOf(readOnlyAccepted), title: 'Successor of a read-only record' }),
      );
      assert.deepEqual(messages, ['Rationale: 0092-read-only-accepted-record.md is read-only; nothing was changed.']);
      assert.equal(fs.readFileSync(uriOf(readOnlyAccepted).fsPath, 'utf8'), acceptedOriginal);
      assert.deepEqual(fs.readdirSync(uriOf('docs/decisions').fsPath).sort(), before);
    });

    it('still shows in the tree', async () => {
      assert.ok((await treeLabels(api)).includes('DR-91 Read-only record'));
    });
  });

  describe('a record deleted while a command waits for an answer', () => {
    const doomed = RECORD(92, 'doomed-record');

    before(async () => {
      await writeRecord(api, doomed, recordText('Doomed record'));
    });

    after(async () => {
      await removeRecord(api, doomed);
    });

    it('is not written again when the answer comes, and the command says it is gone', async () => {
      let run: Thenable<unknown> | undefined;
      const messages = await errorMessagesDuring(async () => {
        // Change Status with only the record asks for the status in a quick pick.
        run = vscode.commands.executeCommand('rationale.changeStatus', uriOf(doomed));
        await new Promise((resolve) => setTimeout(resolve, 500));
        fs.rmSync(uriOf(doomed).fsPath);
        // The second status offered, rejected: accepting would first ask to confirm what is missing.
        await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await run;
      });
      assert.deepEqual(messages, ['Rationale: 0092-doomed-record.md no longer exists; nothing was changed.']);
      assert.equal(fs.existsSync(uriOf(doomed).fsPath), false);
      await until(async () => !(await treeLabels(api)).includes('DR-92 Doomed record'), 'the tree drops the deleted record');
    });
  });

  describe('a configured decision folder that does not exist', () => {
    const missing = 'docs/not-yet';

    before(async () => {
      await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('decisionFolder', missing, vscode.ConfigurationTarget.WorkspaceFolder);
      await until(async () => (await api.getLog(workspaceFolder()))?.decisionFolder === missing, `the log reads ${missing}`);
    });

    after(async () => {
      await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('decisionFolder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await vscode.workspace.fs.delete(uriOf(missing), { recursive: true }).then(undefined, () => undefined);
      await until(async () => (await api.getLog(workspaceFolder()))?.decisionFolder === 'docs/decisions', 'the log reads docs/decisions again');
    });

    it('leaves the tree empty, so the welcome view shows, without an error', async () => {
      assert.deepEqual(await api.tree.getChildren(), []);
      assert.deepEqual((await api.getLog(workspaceFolder()))?.records(), []);
    });

    it('is created with the first record', async () => {
      const result = await vscode.commands.executeCommand<NewRecordResult | undefined>('rationale.newRecord', { title: 'First in a new folder' });
      assert.equal(result?.path, `${missing}/0001-first-in-a-new-folder.md`);
      await until(async () => (await treeLabels(api)).includes('DR-1 First in a new folder'), 'the tree shows the first record');
    });
  });

  describe('a decision folder whose parent is renamed or deleted', () => {
    const parent = 'docs/nested';
    const nested = `${parent}/decisions`;
    const moved = 'docs/nested-moved';
    const records = async (): Promise<string[]> => ((await api.getLog(workspaceFolder()))?.records() ?? []).map((record) => record.path);

    before(async () => {
      fs.mkdirSync(uriOf(nested).fsPath, { recursive: true });
      fs.writeFileSync(uriOf(`${nested}/0001-nested.md`).fsPath, recordText('Nested'));
      await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('decisionFolder', nested, vscode.ConfigurationTarget.WorkspaceFolder);
      await until(async () => (await records()).length === 1, `the log reads ${nested}`);
    });

    after(async () => {
      await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('decisionFolder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      for (const folder of [parent, moved]) fs.rmSync(uriOf(folder).fsPath, { recursive: true, force: true });
      await until(async () => (await api.getLog(workspaceFolder()))?.decisionFolder === 'docs/decisions', 'the log reads docs/decisions again');
    });

    it('drops the records when the parent goes, and reads them again when it comes back', async () => {
      // The file watcher reports such a change as one event for the parent, none for the records.
      fs.renameSync(uriOf(parent).fsPath, uriOf(moved).fsPath);
      await until(async () => (await records()).length === 0, 'the log drops the records of the renamed parent');
      fs.renameSync(uriOf(moved).fsPath, uriOf(parent).fsPath);
      await until(async () => (await records()).join() === `${nested}/0001-nested.md`, 'the log reads them again when the parent is back');
      fs.rmSync(uriOf(parent).fsPath, { recursive: true });
      await until(async () => (await records()).length === 0, 'the log drops the records of the deleted parent');
    });
  });

  describe('a decision folder whose name starts with two dots', () => {
    const dotted = '..decisions';

    before(async () => {
      fs.mkdirSync(uriOf(dotted).fsPath, { recursive: true });
      await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('decisionFolder', dotted, vscode.ConfigurationTarget.WorkspaceFolder);
      await until(async () => (await api.getLog(workspaceFolder()))?.decisionFolder === dotted, 'the log reads ..decisions');
    });

    after(async () => {
      await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('decisionFolder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      fs.rmSync(uriOf(dotted).fsPath, { recursive: true, force: true });
      await until(async () => (await api.getLog(workspaceFolder()))?.decisionFolder === 'docs/decisions', 'the log reads docs/decisions again');
    });

    it('is inside the workspace: records are created and edited there', async () => {
      const messages = await errorMessagesDuring(async () => {
        const created = await vscode.commands.executeCommand<NewRecordResult | undefined>('rationale.newRecord', { title: 'Dotted folder' });
        assert.equal(created?.path, `${dotted}/0001-dotted-folder.md`);
        await vscode.commands.executeCommand('rationale.changeStatus', { uri: uriOf(`${dotted}/0001-dotted-folder.md`), status: 'rejected' });
      });
      assert.deepEqual(messages, []);
      assert.match(fs.readFileSync(uriOf(`${dotted}/0001-dotted-folder.md`).fsPath, 'utf8'), /^status: rejected$/m);
    });
  });

  describe('a decision folder that is a symbolic link leading outside the workspace', () => {
    const linked = 'docs/linked-decisions';
    const outsideRecord = '0001-kept-elsewhere.md';
    let outside: string;
    const outsideText = recordText('Kept elsewhere', 'accepted');

    before(async () => {
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-outside-'));
      fs.writeFileSync(path.join(outside, outsideRecord), outsideText);
      fs.symlinkSync(outside, uriOf(linked).fsPath);
      await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('decisionFolder', linked, vscode.ConfigurationTarget.WorkspaceFolder);
      await until(async () => (await api.getLog(workspaceFolder()))?.get(`${linked}/${outsideRecord}`) !== undefined, 'the log reads the linked folder');
    });

    after(async () => {
      await vscode.workspace.getConfiguration('rationale', workspaceFolder().uri).update('decisionFolder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      fs.rmSync(uriOf(linked).fsPath, { force: true });
      fs.rmSync(outside, { recursive: true, force: true });
      await until(async () => (await api.getLog(workspaceFolder()))?.decisionFolder === 'docs/decisions', 'the log reads docs/decisions again');
    });

    it('lists and opens its records', async () => {
      assert.ok((await treeLabels(api)).includes('DR-1 Kept elsewhere'));
      await vscode.commands.executeCommand('rationale.openRecord', uriOf(`${linked}/${outsideRecord}`));
      assert.equal(vscode.window.activeTextEditor?.document.getText(), outsideText);
    });

    it('refuses to edit a record there, saying where the folder leads', async () => {
      const messages = await errorMessagesDuring(() =>
        vscode.commands.executeCommand('rationale.changeStatus', { uri: uriOf(`${linked}/${outsideRecord}`), status: 'deprecated' }),
      );
      assert.deepEqual(messages, [
        `Rationale: ${linked}/${outsideRecord} leads outside the workspace, to ${fs.realpathSync(path.join(outside, outsideRecord))}; nothing was written.`,
      ]);
      assert.equal(fs.readFileSync(path.join(outside, outsideRecord), 'utf8'), outsideText);
    });

    it('refuses to create a record there, and writes nothing', async () => {
      const messages = await errorMessagesDuring(() => vscode.commands.executeCommand('rationale.newRecord', { title: 'Written outside' }));
      assert.deepEqual(messages, [
        `Rationale: ${linked} leads outside the workspace, to ${fs.realpathSync(outside)}; nothing was written.`,
      ]);
      assert.deepEqual(fs.readdirSync(outside), [outsideRecord]);
      assert.ok((await treeLabels(api)).includes('DR-1 Kept elsewhere'), 'the tree still lists the folder');
    });
  });
});
