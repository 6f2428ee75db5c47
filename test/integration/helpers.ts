// Shared by the integration tests: the extension's API, the workspace, waiting for the index, the
// messages a command shows, and putting the fixture log back exactly as it was after a test edited it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseRecord } from '../../src/core/parse';
import type { RationaleApi } from '../../src/extension/api';

export const DR4 = 'docs/decisions/0004-bill-annual-plans-upfront.md';
export const DR5 = 'docs/decisions/0005-store-events-in-a-column-store.md';
const FIXTURE_RECORDS = [DR4, DR5];
const DECISIONS = 'docs/decisions';

/** The activated extension's API; `Api` names what a test uses beyond RationaleApi (its language features). */
export async function rationale<Api extends RationaleApi = RationaleApi>(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>('rationale.rationale');
  assert.ok(extension, 'extension not installed');
  return extension.activate();
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder;
}

/** Replaces `vscode.window.showErrorMessage` while `action` runs and returns the messages it was given. */
export async function errorMessagesDuring(action: () => Thenable<unknown>): Promise<string[]> {
  // The test module and the extension share one `vscode` API object: both live under the extension's folder.
  const window = vscode.window as unknown as { showErrorMessage: (message: string, ...items: unknown[]) => Thenable<unknown> };
  const original = window.showErrorMessage;
  const messages: string[] = [];
  window.showErrorMessage = (message: string) => {
    messages.push(message);
    return Promise.resolve(undefined);
  };
  try {
    await action();
    // The command shows its message without awaiting it; let that call happen.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    window.showErrorMessage = original;
  }
  return messages;
}

export function uriOf(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...path.split('/'));
}

export async function readText(path: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(path)));
}

export function today(): string {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Polls `condition` until it holds; the index follows file events, which come a moment after a write. */
export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the index knows of a record, for comparing it with what the file says. */
function indexedShape(api: RationaleApi, path: string): Promise<string> {
  return api.getLog(workspaceFolder()).then((log) => {
    const record = log?.get(path);
    return JSON.stringify(record && [record.status, record.signOff, record.dataSources, record.related, record.supersededBy]);
  });
}

/** The extension's API and the fixture log, remembered: what a suite that changes the fixtures sets up first. */
export async function rememberFixtures(): Promise<{ api: RationaleApi; fixtures: FixtureLog }> {
  const api = await rationale();
  const fixtures = new FixtureLog(api);
  await fixtures.remember();
  return { api, fixtures };
}

/**
 * Remembers the fixture records' text; `restore()` reverts and closes every editor, deletes the
 * files a test created, writes the records back and waits until the index has them again.
 */
export class FixtureLog {
  private readonly originals = new Map<string, string>();
  private readonly files = new Set<string>();

  constructor(private readonly api: RationaleApi) {}

  async remember(): Promise<void> {
    for (const path of FIXTURE_RECORDS) this.originals.set(path, await readText(path));
    for (const [name] of await vscode.workspace.fs.readDirectory(uriOf(DECISIONS))) this.files.add(name);
    await this.api.getLog(workspaceFolder());
  }

  original(path: string): string {
    const text = this.originals.get(path);
    assert.ok(text !== undefined, `${path} was not remembered`);
    return text;
  }

  async restore(): Promise<void> {
    // A dirty editor would make "close all" ask whether to save: revert those first.
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Whatever a test created (a successor record, also one left by a failed test) goes.
    const deleted: string[] = [];
    for (const [name] of await vscode.workspace.fs.readDirectory(uriOf(DECISIONS))) {
      if (this.files.has(name)) continue;
      deleted.push(`${DECISIONS}/${name}`);
      await vscode.workspace.fs.delete(uriOf(`${DECISIONS}/${name}`)).then(undefined, () => undefined);
    }
    // Through the document rather than behind it: a write to disk reaches an open document's model
    // a moment later, and the next test's edit would meet a model that changed in the meantime.
    for (const [path, text] of this.originals) {
      const document = await vscode.workspace.openTextDocument(uriOf(path));
      if (document.getText() === text) continue;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
      assert.ok(await vscode.workspace.applyEdit(edit), `${path} restored`);
      assert.ok(await document.save(), `${path} saved`);
    }
    for (const [path, text] of this.originals) {
      const expected = parseRecord(path, text);
      const shape = JSON.stringify([expected.status, expected.signOff, expected.dataSources, expected.related, expected.supersededBy]);
      await until(async () => (await indexedShape(this.api, path)) === shape, `the index has ${path} back`);
    }
    for (const path of deleted) {
      await until(async () => (await this.api.getLog(workspaceFolder()))?.get(path) === undefined, `the index drops ${path}`);
    }
  }
}
