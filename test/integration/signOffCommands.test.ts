// The sign-off workflow's commands end to end in the real host, with their answers passed as the
// argument: the exact text they leave in the file, an editor with unsaved changes, undo, refusals.
import * as assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import { acceptanceGaps } from '../../src/core/acceptanceGaps';
import { parseRecord } from '../../src/core/parse';
import { editRecord } from '../../src/extension/recordEditing';
import type { SupersedeResult } from '../../src/extension/supersede';
import { DR4, DR5, FixtureLog, errorMessagesDuring, readText, rememberFixtures, today, until, uriOf, workspaceFolder } from './helpers';

const ANA_PENDING = `  - name: Ana Ruiz
    email: ana@example.com
    role: Engineering lead
    state: pending
`;

/** The text with `from` replaced once; fails when `from` is not in it, so a changed fixture cannot pass silently. */
function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the fixture contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

describe('Sign-off commands', () => {
  let api: RationaleApi;
  let fixtures: FixtureLog;

  before(async () => {
    ({ api, fixtures } = await rememberFixtures());
  });

  afterEach(() => fixtures.restore());

  it('Sign Off approves as the git user, with today and the comment, touching only that entry', async () => {
    const changed = await vscode.commands.executeCommand('rationale.signOff', { uri: uriOf(DR4), state: 'approved', comment: 'Numbers check out.' });
    assert.equal(changed, true);
    const expected = replaced(
      fixtures.original(DR4),
      ANA_PENDING,
      ANA_PENDING.replace('state: pending\n', `state: approved\n    date: ${today()}\n    comment: Numbers check out.\n`),
    );
    assert.equal(await readText(DR4), expected);
    await until(async () => (await api.getLog(workspaceFolder()))?.get(DR4)?.signOff[0].state === 'approved', 'the index has the sign-off');
  });

  it('Sign Off adds the signer when the record does not list them', async () => {
    await vscode.commands.executeCommand('rationale.signOff', { uri: uriOf(DR5), state: 'abstained' });
    const expected = replaced(
      fixtures.original(DR5),
      'tags: [storage]\n',
      `tags: [storage]\nsign-off:\n  - name: Ana Ruiz\n    email: ana@example.com\n    state: abstained\n    date: ${today()}\n`,
    );
    assert.equal(await readText(DR5), expected);
  });

  it('refuses an objection without a comment and writes nothing', async () => {
    const result = await vscode.commands.executeCommand('rationale.signOff', { uri: uriOf(DR4), state: 'objected' });
    assert.equal(result, undefined);
    assert.equal(await readText(DR4), fixtures.original(DR4));
  });

  it('edits an editor with unsaved changes without overwriting them, and leaves it unsaved', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(DR4));
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((builder) => builder.insert(end, '\nA line not saved yet.\n'));
    assert.ok(document.isDirty);
    const dirtyText = document.getText();

    await vscode.commands.executeCommand('rationale.signOff', { state: 'approved', comment: 'Fine by me.' });
    const expected = replaced(
      dirtyText,
      ANA_PENDING,
      ANA_PENDING.replace('state: pending\n', `state: approved\n    date: ${today()}\n    comment: Fine by me.\n`),
    );
    assert.equal(document.getText(), expected);
    assert.ok(document.isDirty, 'the unsaved changes stay unsaved');
    assert.equal(await readText(DR4), fixtures.original(DR4), 'nothing was written to disk behind the editor');
  });

  it('Request Sign-off adds pending stakeholders, skipping those already listed', async () => {
    await vscode.commands.executeCommand('rationale.requestSignOff', {
      uri: uriOf(DR4),
      stakeholders: ['Sam Lee <sam@example.com>', 'Lee Chen <lee@example.com>', { name: 'Kim Park', role: 'Support' }],
    });
    const expected = replaced(
      fixtures.original(DR4),
      'data-sources:\n',
      '  - name: Lee Chen\n    email: lee@example.com\n    state: pending\n  - name: Kim Park\n    role: Support\n    state: pending\ndata-sources:\n',
    );
    assert.equal(await readText(DR4), expected);
  });

  it('Change Status accepts only after confirmation when something is missing, naming what', async () => {
    const record = parseRecord(DR4, fixtures.original(DR4));
    assert.deepEqual(acceptanceGaps(record), ['sign-off pending from Ana Ruiz']);
    const refused = await vscode.commands.executeCommand('rationale.changeStatus', { uri: uriOf(DR4), status: 'accepted' });
    assert.equal(refused, undefined);
    assert.equal(await readText(DR4), fixtures.original(DR4));

    const accepted = await vscode.commands.executeCommand('rationale.changeStatus', { uri: uriOf(DR4), status: 'accepted', confirmed: true });
    assert.equal(accepted, 'accepted');
    assert.equal(await readText(DR4), replaced(fixtures.original(DR4), 'status: proposed\n', 'status: accepted\n'));
  });

  it('Change Status follows the lifecycle: an accepted record cannot go back to proposed', async () => {
    const result = await vscode.commands.executeCommand('rationale.changeStatus', { uri: uriOf(DR5), status: 'proposed' });
    assert.equal(result, undefined);
    assert.equal(await readText(DR5), fixtures.original(DR5));
    const deprecated = await vscode.commands.executeCommand('rationale.changeStatus', { uri: uriOf(DR5), status: 'deprecated' });
    assert.equal(deprecated, 'deprecated');
    assert.equal(await readText(DR5), replaced(fixtures.original(DR5), 'status: accepted\n', 'status: deprecated\n'));
  });

  it('Supersede follows the lifecycle too: a proposal cannot be superseded, and nothing is written', async () => {
    const messages = await errorMessagesDuring(() => vscode.commands.executeCommand('rationale.supersede', { uri: uriOf(DR4), title: 'Never written' }));
    assert.deepEqual(messages, ['Rationale: A proposed decision cannot be superseded; only an accepted one can (Change Status… shows where it can go).']);
    assert.equal(await readText(DR4), fixtures.original(DR4));
  });

  it('Supersede writes the successor and marks the old record in one edit that one undo reverts', async () => {
    const result = await vscode.commands.executeCommand<SupersedeResult | undefined>('rationale.supersede', {
      uri: uriOf(DR5),
      title: 'Store events in object storage',
    });
    assert.ok(result, 'the command returns the new record');
    assert.equal(result.path, 'docs/decisions/0007-store-events-in-object-storage.md');
    assert.equal(result.number, 7);

    const oldExpected = replaced(
      replaced(fixtures.original(DR5), 'status: accepted\n', 'status: superseded\n'),
      'supersedes: [2]\n',
      'supersedes: [2]\nsuperseded-by: [7]\n',
    );
    assert.equal(await readText(DR5), oldExpected);
    const successor = parseRecord(result.path, await readText(result.path));
    assert.equal(successor.title, 'Store events in object storage');
    assert.equal(successor.status, 'proposed');
    assert.deepEqual(successor.supersedes, [5]);
    assert.deepEqual(successor.tags, ['storage']);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.uri.toString(), 'the successor is open');

    await vscode.commands.executeCommand('undo');
    const oldDocument = await vscode.workspace.openTextDocument(uriOf(DR5));
    await until(() => oldDocument.getText() === fixtures.original(DR5), 'undo reverts the old record');
    await until(async () => {
      try {
        await vscode.workspace.fs.stat(result.uri);
        return false;
      } catch {
        return true;
      }
    }, 'undo removes the successor');
  });

  it('Link Related and Add Data Source append to their lists', async () => {
    await vscode.commands.executeCommand('rationale.linkRelated', { uri: uriOf(DR5), related: 3 });
    assert.equal(await readText(DR5), replaced(fixtures.original(DR5), 'supersedes: [2]\n', 'supersedes: [2]\nrelated: [3]\n'));

    await vscode.commands.executeCommand('rationale.addDataSource', { uri: uriOf(DR4), title: 'Card fees', path: 'research/fees.md', note: 'Fees per plan' });
    await vscode.commands.executeCommand('rationale.addDataSource', { uri: uriOf(DR4), title: 'Refunds', url: 'https://analytics.example.com/d/9' });
    assert.equal(
      await readText(DR4),
      replaced(
        fixtures.original(DR4),
        '    url: https://analytics.example.com/d/123\n',
        '    url: https://analytics.example.com/d/123\n' +
          '  - title: Card fees\n    path: research/fees.md\n    note: Fees per plan\n' +
          '  - title: Refunds\n    url: https://analytics.example.com/d/9\n',
      ),
    );
  });

  it('refuses a deleted file with a clear message', async () => {
    const gone = uriOf('docs/decisions/0099-never-written.md');
    await assert.rejects(
      editRecord(gone, (text) => ({ ok: true, edits: [{ start: 0, end: 0, newText: text }] })),
      /0099-never-written\.md no longer exists; nothing was changed/,
    );
  });

  it('refuses a read-only file and leaves it as it was', async () => {
    const uri = uriOf(DR4);
    chmodSync(uri.fsPath, 0o444);
    try {
      const result = await vscode.commands.executeCommand('rationale.signOff', { uri, state: 'approved' });
      assert.equal(result, undefined);
      await assert.rejects(editRecord(uri, (text) => ({ ok: true, edits: [{ start: 0, end: 0, newText: text }] })), /0004-bill-annual-plans-upfront\.md is read-only; nothing was changed/);
      assert.equal(await readText(DR4), fixtures.original(DR4));
    } finally {
      chmodSync(uri.fsPath, 0o644);
    }
  });

  it('shows status, sign-off progress and actions over the title', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(DR4));
    await vscode.window.showTextDocument(document);
    let lenses: vscode.CodeLens[] = [];
    await until(async () => {
      lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)) ?? [];
      return lenses.length > 0;
    }, 'the lenses are there');
    const titleLine = parseRecord(DR4, document.getText()).titleLine;
    assert.ok(lenses.every((lens) => lens.range.start.line === titleLine));
    assert.deepEqual(
      lenses.map((lens) => [lens.command?.title, lens.command?.command]),
      [
        ['proposed', ''],
        ['1/2 signed', ''],
        ['Sign Off', 'rationale.signOff'],
        ['Change Status', 'rationale.changeStatus'],
        ['Copy Link', 'rationale.copyPullRequestLink'],
      ],
    );
  });
});
