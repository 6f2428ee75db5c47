// Writers at the same moment: two New Decision Record commands, the command and the CLI, and a record
// changed on disk while its editor has unsaved changes. Nothing may get the same number, overwrite
// another record, or silently overwrite either version of a file.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { numberFromFileName } from '../../src/core/naming';
import { parseRecord } from '../../src/core/parse';
import type { RationaleApi } from '../../src/extension/api';
import type { NewRecordResult } from '../../src/extension/newRecord';
import { DR4, DR5, FixtureLog, readText, rememberFixtures, uriOf, workspaceFolder } from './helpers';

const DECISIONS = 'docs/decisions';

/** Runs `rationale new <title>` with the built CLI in the workspace folder; resolves with the path it printed. */
function cliNew(title: string): Promise<string> {
  const extension = vscode.extensions.getExtension('rationale.rationale');
  assert.ok(extension);
  const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, 'new', title, '--dir', DECISIONS], { cwd: workspaceFolder().uri.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

function newRecord(title: string): Thenable<NewRecordResult | undefined> {
  return vscode.commands.executeCommand<NewRecordResult | undefined>('rationale.newRecord', { title });
}

/** Every record file of the folder by number, to find any number taken twice. */
async function filesByNumber(): Promise<Map<number, string[]>> {
  const byNumber = new Map<number, string[]>();
  for (const [name] of await vscode.workspace.fs.readDirectory(uriOf(DECISIONS))) {
    const number = numberFromFileName(name);
    if (number === undefined) continue;
    byNumber.set(number, [...(byNumber.get(number) ?? []), name]);
  }
  return byNumber;
}

async function assertNoDuplicateNumbers(): Promise<void> {
  const duplicates = [...(await filesByNumber())].filter(([, names]) => names.length > 1);
  assert.deepEqual(duplicates, [], 'no number is taken twice');
}

/** The record at `path` has the title its creator gave: it was not overwritten by another writer. */
async function assertTitle(recordPath: string, title: string): Promise<void> {
  assert.equal(parseRecord(recordPath, await readText(recordPath)).title, title, recordPath);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('Concurrent writers', () => {
  let api: RationaleApi;
  let fixtures: FixtureLog;

  before(async () => {
    ({ api, fixtures } = await rememberFixtures());
  });

  afterEach(() => fixtures.restore());

  it('gives two New Decision Record commands started together two numbers', async () => {
    const records = (await api.getLog(workspaceFolder()))?.records() ?? [];
    const next = Math.max(0, ...records.map((record) => record.number ?? 0)) + 1;
    const [first, second] = await Promise.all([newRecord('Adopt trunk-based development'), newRecord('Adopt semantic versioning')]);
    assert.ok(first && second);
    assert.deepEqual([first.number, second.number].sort((a, b) => (a ?? 0) - (b ?? 0)), [next, next + 1]);
    await assertTitle(first.path, 'Adopt trunk-based development');
    await assertTitle(second.path, 'Adopt semantic versioning');
    await assertNoDuplicateNumbers();
  });

  it('gives the command and the CLI started together different numbers, whichever lists the folder first', async function () {
    this.timeout(60_000);
    // How long the CLI takes to start and write, so the command can be started across that window.
    const started = Date.now();
    const calibration = await cliNew('Calibrate the clock');
    const cliTime = Date.now() - started;
    await assertTitle(calibration, 'Calibrate the clock');
    const created: [string, string][] = [];
    for (let round = 0; round < 6; round++) {
      const cliTitle = `Written by the command line ${round}`;
      const commandTitle = `Written in the editor ${round}`;
      const cli = cliNew(cliTitle);
      await delay((cliTime * round) / 6);
      const [fromCli, fromCommand] = await Promise.all([cli, newRecord(commandTitle)]);
      assert.ok(fromCommand);
      created.push([fromCli, cliTitle], [fromCommand.path, commandTitle]);
      await api.whenIdle();
    }
    for (const [recordPath, title] of created) await assertTitle(recordPath, title);
    await assertNoDuplicateNumbers();
  });

  it('edits an editor whose file changed on disk without saving over either version', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(DR4));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(document.lineAt(document.lineCount - 1).range.end, '\nMy unsaved paragraph.\n'));
    const unsaved = document.getText();
    // Another tool (a git pull, a second editor) rewrites the file behind VS Code's back.
    const external = fixtures.original(DR4).replace('## Context', 'Changed by a pull.\n\n## Context');
    assert.notEqual(external, fixtures.original(DR4), 'the fixture has a Context section');
    writeFileSync(uriOf(DR4).fsPath, external);
    await delay(1500); // long enough for the file watcher to tell the document about it

    assert.equal(await vscode.commands.executeCommand('rationale.signOff', { uri: uriOf(DR4), state: 'approved', commit: false }), true);
    await vscode.commands.executeCommand('rationale.changeStatus', { uri: uriOf(DR4), status: 'rejected' });

    assert.equal(await readText(DR4), external, 'the change on disk is kept');
    assert.ok(document.isDirty, 'the editor is still unsaved');
    const text = document.getText();
    assert.ok(text.includes('My unsaved paragraph.'), 'the unsaved paragraph is kept');
    assert.ok(!text.includes('Changed by a pull.'), 'the editor was not reloaded over the unsaved work');
    assert.match(text, /state: approved/, 'the sign-off went into the editor');
    assert.match(text, /^status: rejected$/m, 'the status change went into the editor');
    assert.notEqual(text, unsaved);
  });

  it('never saves a clean editor over a change on disk it has not seen yet', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(DR5));
    await vscode.window.showTextDocument(document);
    assert.ok(!document.isDirty);
    const external = `${fixtures.original(DR5)}\nAppended by another tool.\n`;
    // No wait: the command may run before or after the document hears of the change.
    writeFileSync(uriOf(DR5).fsPath, external);
    const result = await vscode.commands.executeCommand('rationale.changeStatus', { uri: uriOf(DR5), status: 'deprecated' });

    const disk = await readText(DR5);
    assert.ok(disk.includes('Appended by another tool.'), 'the change on disk survives');
    if (/^status: deprecated$/m.test(disk)) {
      // The document had reloaded: the edit went on top of the change on disk and was saved.
      assert.equal(result, 'deprecated');
      assert.equal(disk, external.replace(/^status: accepted$/m, 'status: deprecated'));
    } else if (document.isDirty) {
      // The edit reached the stale document: its save was refused, and the edit waits in the editor.
      assert.equal(disk, external);
      assert.match(document.getText(), /^status: deprecated$/m);
    } else {
      // The document reloaded while the edit was on its way: VS Code refused it, and the user was told.
      assert.equal(result, undefined);
      assert.equal(disk, external);
    }
  });
});
