// New Decision Record with an argument: the file it writes, the index entry it adds, and the editor
// it opens with the cursor in the Context section.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { NewRecordResult } from '../../src/extension/newRecord';
import { rationale, workspaceFolder } from './helpers';

function today(): string {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Resolves once `condition` holds, checking after every change the logs announce. */
async function until(api: RationaleApi, condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  if (await condition()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('timed out waiting for the decision log'));
    }, timeoutMs);
    const listener = api.onDidChangeLogs(() => {
      void condition().then((done) => {
        if (!done) return;
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
  });
}

describe('New Decision Record', () => {
  let api: RationaleApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await rationale();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const removed = created.splice(0);
    for (const uri of removed) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    // The next test expects the fixture log again: wait until the watcher reported the deletions.
    await until(api, async () => (await api.getLog(workspaceFolder()))?.records().length === 6);
  });

  it('writes the next numbered record with the front matter filled in, and opens it at the Context', async () => {
    const result = await vscode.commands.executeCommand<NewRecordResult | undefined>('rationale.newRecord', {
      title: 'Adopt feature flags',
      tags: ['release'],
      stakeholders: ['Sam Lee <sam@example.com>', { name: 'Lee Chen', role: 'Design' }],
    });
    assert.ok(result, 'the command returns what it created');
    created.push(result.uri);
    assert.equal(result.path, 'docs/decisions/0007-adopt-feature-flags.md');
    assert.equal(result.number, 7);

    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(result.uri));
    const frontMatter = text.split(/^---$/m)[1] ?? '';
    assert.match(frontMatter, /^title: Adopt feature flags$/m);
    assert.match(frontMatter, /^status: proposed$/m);
    assert.match(frontMatter, new RegExp(`^date: ${today()}$`, 'm'));
    assert.match(frontMatter, /^decision-makers:.*Ana Ruiz/m);

    const log = await api.getLog(workspaceFolder());
    const record = log?.get(result.path);
    assert.ok(record, 'the new record is in the index at once');
    assert.equal(record.status, 'proposed');
    assert.equal(record.date, today());
    assert.deepEqual(record.decisionMakers, ['Ana Ruiz']);
    assert.deepEqual(record.tags, ['release']);
    assert.deepEqual(
      record.signOff.map((entry) => [entry.name, entry.email, entry.role, entry.state]),
      [
        ['Sam Lee', 'sam@example.com', undefined, 'pending'],
        ['Lee Chen', undefined, 'Design', 'pending'],
      ],
    );

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the record is open');
    assert.equal(editor.document.uri.toString(), result.uri.toString());
    const lines = editor.document.getText().split(/\r?\n/);
    const heading = lines.findIndex((line) => /^##\s+Context\b/.test(line));
    assert.ok(heading >= 0, 'the record has a Context section');
    const cursor = editor.selection.active.line;
    assert.ok(cursor > heading, 'the cursor is below the Context heading');
    assert.ok(!lines.slice(heading + 1, cursor).some((line) => /^#/.test(line)), 'and still inside the Context section');
  });

  it('takes a template by id', async () => {
    const result = await api.newRecord({ title: 'Split the monolith', template: 'nygard' });
    assert.ok(result);
    created.push(result.uri);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(result.uri));
    assert.match(text, /^# 7\. Split the monolith$/m);
    assert.match(text, /^## Status\s+Proposed/m);
  });

  it('refuses the title of a decision that is still open, and creates nothing', async () => {
    await assert.rejects(api.newRecord({ title: 'bill annual plans UPFRONT' }), /open decision already has this title/);
    await assert.rejects(api.newRecord({ title: '   ' }), /needs a title/);
    await assert.rejects(api.newRecord({ title: 'Anything', template: 'no-such-template' }), /Unknown template/);
    const log = await api.getLog(workspaceFolder());
    assert.equal(log?.records().length, 6);
  });

  it('allows the title of a superseded decision', async () => {
    const result = await api.newRecord({ title: 'Store events in Postgres' });
    assert.ok(result);
    created.push(result.uri);
    assert.equal(result.path, 'docs/decisions/0007-store-events-in-postgres.md');
  });
});
