// Two branches each added record 14 and were merged: the tree marks both, and Renumber Decision…
// moves one to the next free number in one workspace edit (rename and references) that one undo
// reverts, editing an editor with unsaved changes rather than overwriting it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { DecisionNode } from '../../src/extension/decisionTree';
import type { RenumberResult } from '../../src/extension/renumberCommand';
import { FixtureLog, readText, rememberFixtures, until, uriOf, workspaceFolder } from './helpers';

const POSTGRES = 'docs/decisions/0014-use-postgres.md';
const REDIS = 'docs/decisions/0014-use-redis.md';
const CACHE = 'docs/decisions/0015-cache-sessions.md';

/** The number the moved record gets: one past the highest in the log (other suites may have left records behind). */
async function nextNumber(api: RationaleApi): Promise<number> {
  const records = (await api.getLog(workspaceFolder()))?.records() ?? [];
  return Math.max(0, ...records.map((record) => record.number ?? 0)) + 1;
}

/** `text` with DR-14 and the moved file's name as they read after the move to `to`. */
function movedTo(to: number): { path: string; name: string; reference: string } {
  const name = `${String(to).padStart(4, '0')}-use-postgres.md`;
  return { path: `docs/decisions/${name}`, name, reference: `DR-${to}` };
}

const FILES: Record<string, string> = {
  [POSTGRES]: '---\ntitle: Use Postgres\nstatus: proposed\nrelated: [3]\n---\n# Use Postgres\n\nDR-14 keeps events; see DR-3.\n',
  [REDIS]: '---\ntitle: Use Redis\nstatus: accepted\n---\n# Use Redis\n\nDR-14 is about caching. Unlike [DR-14](0014-use-postgres.md), it keeps nothing.\n',
  [CACHE]: '---\ntitle: Cache sessions\nstatus: proposed\nrelated: [3, 14]\n---\n# Cache sessions\n\nBuilds on DR-14, stored as [the Postgres decision](0014-use-postgres.md), next to [Redis](0014-use-redis.md).\n',
};

/** Markdown text as read: the escapes appendText adds (`&nbsp;`, `\-`) taken out. */
function plain(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|~<>$])/g, '$1');
}

async function exists(path: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uriOf(path));
    return true;
  } catch {
    return false;
  }
}

async function recordNode(api: RationaleApi, path: string): Promise<DecisionNode> {
  for (const group of await api.tree.getChildren()) {
    for (const node of await api.tree.getChildren(group)) {
      if (node.kind === 'record' && node.record.path === path) return node;
    }
  }
  assert.fail(`${path} is not in the tree`);
}

function problemCodes(api: RationaleApi, path: string): Promise<string[] | undefined> {
  return api.getLog(workspaceFolder()).then((log) => log?.get(path)?.problems.map((problem) => problem.code));
}

describe('Renumber Decision', () => {
  let api: RationaleApi;
  let fixtures: FixtureLog;

  before(async () => {
    ({ api, fixtures } = await rememberFixtures());
    await vscode.commands.executeCommand('rationale.groupBy.status');
  });

  beforeEach(async () => {
    for (const [path, text] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(uriOf(path), new TextEncoder().encode(text));
    await until(async () => (await problemCodes(api, REDIS))?.includes('duplicate-number') === true, 'the index reports the duplicate');
    await until(async () => (await problemCodes(api, CACHE)) !== undefined, 'the index has the third record');
  });

  afterEach(() => fixtures.restore());

  it('marks both records of a duplicate number in the tree', async () => {
    for (const [path, other] of [
      [POSTGRES, '0014-use-redis.md'],
      [REDIS, '0014-use-postgres.md'],
    ]) {
      const node = await recordNode(api, path);
      const item = api.tree.getTreeItem(node);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      assert.equal(item.iconPath.id, 'error');
      assert.equal(item.description, `Number 14 is also used by ${other}`);
      assert.match(item.contextValue ?? '', /^decision\+duplicate/);
      // The tooltip is filled in when the pointer rests on the item.
      const resolved = await api.tree.resolveTreeItem(item, node);
      const tooltip = resolved.tooltip instanceof vscode.MarkdownString ? resolved.tooltip.value : '';
      assert.ok(plain(tooltip).includes(`Number 14 is also used by ${other}`), tooltip);
    }
  });

  it('offers the renumbering as a quick fix of the duplicate-number diagnostic', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(POSTGRES));
    await until(
      () => vscode.languages.getDiagnostics(document.uri).some((diagnostic) => String(diagnostic.code) === 'duplicate-number'),
      'the Problems panel has the duplicate',
    );
    const duplicate = vscode.languages.getDiagnostics(document.uri).find((diagnostic) => String(diagnostic.code) === 'duplicate-number');
    assert.ok(duplicate);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, duplicate.range);
    const renumber = actions.find((action) => action.command?.command === 'rationale.renumber');
    assert.ok(renumber, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal((renumber.command?.arguments?.[0] as vscode.Uri).toString(), document.uri.toString());
  });

  it('renames the record and updates every reference in one edit, keeps unsaved work, and one undo reverts it all', async () => {
    const cacheDocument = await vscode.workspace.openTextDocument(uriOf(CACHE));
    const cacheEditor = await vscode.window.showTextDocument(cacheDocument);
    await cacheEditor.edit((builder) => builder.insert(cacheDocument.lineAt(cacheDocument.lineCount - 1).range.end, '\nNot saved yet.\n'));
    const dirtyCache = cacheDocument.getText();

    const to = await nextNumber(api);
    const { path: MOVED, name, reference } = movedTo(to);
    const result = await vscode.commands.executeCommand<RenumberResult | undefined>('rationale.renumber', { uri: uriOf(POSTGRES), updateReferences: true });
    assert.ok(result, 'the command returns the renumbering');
    assert.equal(result.path, MOVED);
    assert.equal(result.from, 14);
    assert.equal(result.to, to);
    assert.deepEqual([...result.editedFiles].sort(), [POSTGRES, REDIS, CACHE].sort());

    assert.equal(await exists(POSTGRES), false, 'the old name is gone');
    assert.equal(await readText(MOVED), FILES[POSTGRES].replace('DR-14 keeps', `${reference} keeps`));
    assert.equal(await readText(REDIS), FILES[REDIS].replace('[DR-14](0014-use-postgres.md)', `[${reference}](${name})`));
    assert.equal(await readText(CACHE), FILES[CACHE], 'the file behind the unsaved editor is not written');
    assert.equal(
      cacheDocument.getText(),
      dirtyCache.replace('related: [3, 14]', `related: [3, ${to}]`).replace('Builds on DR-14', `Builds on ${reference}`).replace('(0014-use-postgres.md)', `(${name})`),
      'the unsaved editor gets the edits on top of its own',
    );
    assert.ok(cacheDocument.isDirty, 'and stays unsaved');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(MOVED).toString(), 'the moved record is open');
    await until(async () => {
      const log = await api.getLog(workspaceFolder());
      return log?.get(MOVED)?.number === to && log.get(POSTGRES) === undefined && !(await problemCodes(api, REDIS))?.includes('duplicate-number');
    }, 'the index has the record under its new number and no duplicate');

    await vscode.commands.executeCommand('undo');
    await until(async () => (await exists(POSTGRES)) && !(await exists(MOVED)), 'undo renames the file back');
    const back = await vscode.workspace.openTextDocument(uriOf(POSTGRES));
    await until(() => back.getText() === FILES[POSTGRES], 'undo restores the moved record');
    const redis = await vscode.workspace.openTextDocument(uriOf(REDIS));
    await until(() => redis.getText() === FILES[REDIS], 'undo restores the link in the record keeping 14');
    await until(() => cacheDocument.getText() === dirtyCache, 'undo leaves the unsaved editor as its author left it');
  });

  it('updates only the links that name the file when told the ambiguous references are not its own', async () => {
    const { path: MOVED, name, reference } = movedTo(await nextNumber(api));
    const result = await vscode.commands.executeCommand<RenumberResult | undefined>('rationale.renumber', { uri: uriOf(POSTGRES), updateReferences: false });
    assert.ok(result);
    assert.equal(result.path, MOVED);
    assert.equal(await readText(CACHE), FILES[CACHE].replace('(0014-use-postgres.md)', `(${name})`));
    assert.equal(await readText(MOVED), FILES[POSTGRES].replace('DR-14 keeps', `${reference} keeps`));
  });

  it('refuses a number another record has, and changes nothing', async () => {
    const result = await vscode.commands.executeCommand('rationale.renumber', { uri: uriOf(POSTGRES), updateReferences: true, number: 15 });
    assert.equal(result, undefined);
    for (const [path, text] of Object.entries(FILES)) assert.equal(await readText(path), text);
  });
});
