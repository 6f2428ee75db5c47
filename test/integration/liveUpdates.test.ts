// Files written, changed and deleted on disk reach the index and the tree through the file watcher,
// without a rescan and within a second.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { LogsChange } from '../../src/extension/decisionLogs';
import { rationale, workspaceFolder } from './helpers';

/** The next change announced that satisfies `matches`; rejects after `timeoutMs`. */
function nextChange(api: RationaleApi, matches: (change: LogsChange) => boolean, timeoutMs = 1000): Promise<LogsChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no matching change within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = api.onDidChangeLogs((change) => {
      if (!matches(change)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(change);
    });
  });
}

async function treeLabels(api: RationaleApi): Promise<string[]> {
  const labels: string[] = [];
  for (const group of await api.tree.getChildren()) {
    for (const node of await api.tree.getChildren(group)) {
      const label = api.tree.getTreeItem(node).label;
      labels.push(typeof label === 'string' ? label : (label?.label ?? ''));
    }
  }
  return labels;
}

const RECORD = (title: string, status: string): string =>
  `---\ntitle: ${title}\nstatus: ${status}\ndate: 2026-04-01\ntags: [live]\n---\n# ${title}\n\n## Context\n\nWritten by a test.\n`;

describe('Live updates', () => {
  const path = 'docs/decisions/0042-written-on-disk.md';
  const folderPath = 'docs/decisions/archive';
  let api: RationaleApi;
  let uri: vscode.Uri;

  before(async () => {
    api = await rationale();
    uri = vscode.Uri.joinPath(workspaceFolder().uri, path);
    // Load first, so what follows is the watcher's doing and not a first scan.
    await api.getLog(workspaceFolder());
  });

  after(async () => {
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, folderPath), { recursive: true }).then(
      undefined,
      () => undefined,
    );
    await api.whenIdle();
  });

  it('shows a record written to disk, then its edits, then drops it when deleted', async () => {
    const added = nextChange(api, (change) => change.changed.includes(path));
    const refreshed = new Promise<void>((resolve) => {
      const listener = api.tree.onDidChangeTreeData(() => {
        listener.dispose();
        resolve();
      });
    });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(RECORD('Written on disk', 'proposed')));
    await added;
    await refreshed;
    assert.ok((await treeLabels(api)).includes('DR-42 Written on disk'));

    const edited = nextChange(api, (change) => change.changed.includes(path));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(RECORD('Written and edited', 'accepted')));
    await edited;
    const log = await api.getLog(workspaceFolder());
    assert.equal(log?.get(path)?.title, 'Written and edited');
    assert.equal(log?.get(path)?.status, 'accepted');

    const removed = nextChange(api, (change) => change.removed.includes(path));
    await vscode.workspace.fs.delete(uri);
    await removed;
    assert.ok(!(await treeLabels(api)).some((label) => label.startsWith('DR-42 ')));
  });

  it('drops every record of a deleted folder', async () => {
    const nested = `${folderPath}/0043-archived.md`;
    const added = nextChange(api, (change) => change.changed.includes(nested));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(workspaceFolder().uri, nested),
      new TextEncoder().encode(RECORD('Archived', 'deprecated')),
    );
    await added;

    const removed = nextChange(api, (change) => change.removed.includes(nested));
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, folderPath), { recursive: true });
    await removed;
    const log = await api.getLog(workspaceFolder());
    assert.equal(log?.get(nested), undefined);
    assert.equal(log?.records().length, 6);
  });
});
