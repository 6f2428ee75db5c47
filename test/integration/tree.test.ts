// The Decisions tree over the fixture workspace: groups, labels, descriptions, icons and tooltips,
// read through the real provider the extension registered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { DecisionNode } from '../../src/extension/decisionTree';
import { rationale, until, workspaceFolder } from './helpers';

interface Shown {
  label: string;
  description: string;
  icon: string | undefined;
  contextValue: string | undefined;
}

function show(item: vscode.TreeItem): Shown {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const description = typeof item.description === 'string' ? item.description : '';
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
  return { label, description, icon, contextValue: item.contextValue };
}

/** Group label → the labels of its records, as the tree shows them. */
async function groupsShown(api: RationaleApi): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>();
  for (const group of await api.tree.getChildren()) {
    const records = (await api.tree.getChildren(group)) ?? [];
    groups.set(show(api.tree.getTreeItem(group)).label, records.map((node) => show(api.tree.getTreeItem(node)).label));
  }
  return groups;
}

async function recordNode(api: RationaleApi, labelStart: string): Promise<DecisionNode> {
  for (const group of await api.tree.getChildren()) {
    for (const node of await api.tree.getChildren(group)) {
      if (show(api.tree.getTreeItem(node)).label.startsWith(labelStart)) return node;
    }
  }
  assert.fail(`no record labelled ${labelStart}…`);
}

/** Markdown text as read: the escapes appendText adds (`&nbsp;`, `\-`) taken out. */
function plain(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|~<>$])/g, '$1');
}

/** Lets refreshes already scheduled (by an earlier test) happen before counting new ones. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

async function groupBy(api: RationaleApi, grouping: string): Promise<void> {
  await vscode.commands.executeCommand(`rationale.groupBy.${grouping}`);
  await api.whenIdle();
}

describe('Decisions tree', () => {
  let api: RationaleApi;

  before(async () => {
    api = await rationale();
  });

  afterEach(async () => {
    await groupBy(api, 'status');
  });

  it('groups the records by status, in the order of the life of a decision', async () => {
    await groupBy(api, 'status');
    const groups = await groupsShown(api);
    assert.deepEqual(groups.get('Proposed'), ['DR-4 Bill annual plans upfront']);
    // The broken record (DR-6) goes wherever the parser could still read its status; see problems.test.ts.
    assert.deepEqual(
      groups.get('Accepted')?.filter((label) => !label.startsWith('DR-6 ')),
      ['DR-1 Record decisions in markdown', 'DR-3 Deploy with containers', 'DR-5 Store events in a column store'],
    );
    assert.deepEqual(groups.get('Superseded'), ['DR-2 Store events in Postgres']);
    const labels = [...groups.keys()];
    assert.ok(labels.indexOf('Proposed') < labels.indexOf('Accepted'));
    assert.ok(labels.indexOf('Accepted') < labels.indexOf('Superseded'));
    const all = [...groups.values()].flat();
    assert.ok(all.some((label) => label.startsWith('DR-6 ')), 'the broken record is listed too');
    assert.ok(!all.some((label) => /readme|decision log/i.test(label)), 'the README is not a record');
  });

  it('shows status icons, dates and sign-off progress', async () => {
    const proposed = show(api.tree.getTreeItem(await recordNode(api, 'DR-4 ')));
    assert.equal(proposed.icon, 'circle-outline');
    assert.equal(proposed.description, '2026-03-02 · 1/2 signed');
    assert.equal(proposed.contextValue, 'decision');

    const accepted = show(api.tree.getTreeItem(await recordNode(api, 'DR-1 ')));
    assert.equal(accepted.icon, 'pass');
    assert.equal(accepted.description, '2026-01-12 · 1/1 signed');

    const nygard = show(api.tree.getTreeItem(await recordNode(api, 'DR-3 ')));
    assert.equal(nygard.icon, 'pass');
    assert.equal(nygard.description, '2026-02-20');
  });

  it('points a superseded record at its successor', async () => {
    const superseded = show(api.tree.getTreeItem(await recordNode(api, 'DR-2 ')));
    assert.equal(superseded.icon, 'arrow-swap');
    assert.equal(superseded.description, '→ DR-5 · 2026-02-03');
    assert.equal(superseded.contextValue, 'decision+superseded');
  });

  it('opens the record file when an item is clicked', async () => {
    const item = api.tree.getTreeItem(await recordNode(api, 'DR-4 '));
    assert.ok(item.command);
    assert.equal(item.command.command, 'rationale.openRecord');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.match(editor.document.uri.path, /docs\/decisions\/0004-bill-annual-plans-upfront\.md$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('fills an untrusted tooltip on demand, with the rationale and escaped file text', async () => {
    const node = await recordNode(api, 'DR-4 ');
    const item = api.tree.getTreeItem(node);
    assert.equal(item.tooltip, undefined, 'the tooltip waits for resolveTreeItem');
    const resolved = await api.tree.resolveTreeItem(item, node);
    const tooltip = resolved.tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.equal(tooltip.isTrusted, false);
    const text = plain(tooltip.value);
    assert.match(text, /\*\*DR-4 Bill annual plans upfront\*\*/);
    assert.match(text, /Status: proposed/);
    assert.match(text, /Date: 2026-03-02/);
    assert.match(text, /Sign-off: 1\/2 signed/);
    assert.match(text, /churn 40% less/);
    assert.doesNotMatch(tooltip.value, /command:/);
    // File text is escaped: the dashes of the date would otherwise be markdown as written.
    assert.match(tooltip.value, /2026\\-03\\-02/);
  });

  it('groups by tag, listing a record under each of its tags', async () => {
    await groupBy(api, 'tag');
    const groups = await groupsShown(api);
    assert.deepEqual(groups.get('billing'), ['DR-4 Bill annual plans upfront']);
    assert.deepEqual(groups.get('pricing'), ['DR-4 Bill annual plans upfront']);
    assert.deepEqual(groups.get('storage'), ['DR-2 Store events in Postgres', 'DR-5 Store events in a column store']);
    assert.ok(groups.get('Untagged')?.includes('DR-3 Deploy with containers'));
  });

  it('regroups at once when the rationale.defaultGrouping setting changes, over an earlier pick', async () => {
    await groupBy(api, 'month');
    const settings = vscode.workspace.getConfiguration('rationale');
    await settings.update('defaultGrouping', 'tag', vscode.ConfigurationTarget.Workspace);
    try {
      await until(async () => (await groupsShown(api)).has('storage'), 'the view groups by tag');
    } finally {
      await settings.update('defaultGrouping', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until(async () => (await groupsShown(api)).has('Accepted'), 'back to grouping by status, the default');
  });

  it('Refresh Decisions looks for the decision folder again: an .adr-dir written since is followed', async () => {
    const root = workspaceFolder().uri;
    const write = (path: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, path), new TextEncoder().encode(text));
    const shown = async () => [...(await groupsShown(api)).values()].flat();
    await write('architecture/log/0001-keep-a-log.md', '# 1. Keep a log\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n');
    await write('.adr-dir', 'architecture/log\n');
    try {
      await vscode.commands.executeCommand('rationale.refresh');
      await until(async () => (await shown()).join('|') === 'DR-1 Keep a log', 'the tree shows the log .adr-dir names');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, '.adr-dir'));
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'architecture'), { recursive: true });
      await vscode.commands.executeCommand('rationale.refresh');
    }
    await until(async () => (await shown()).includes('DR-4 Bill annual plans upfront'), 'back to docs/decisions');
  });

  it('groups by stakeholder and by month', async () => {
    await groupBy(api, 'stakeholder');
    const byPerson = await groupsShown(api);
    assert.ok(byPerson.get('Ana Ruiz')?.includes('DR-4 Bill annual plans upfront'));
    assert.ok(byPerson.get('Sam Lee')?.includes('DR-1 Record decisions in markdown'));

    await groupBy(api, 'month');
    const byMonth = await groupsShown(api);
    assert.deepEqual([...byMonth.keys()].filter((label) => label !== 'Awaiting my sign-off').slice(0, 3), ['2026-03', '2026-02', '2026-01']);
    assert.deepEqual(byMonth.get('2026-02'), ['DR-2 Store events in Postgres', 'DR-3 Deploy with containers']);
  });

  it('refreshes once when the grouping changes', async () => {
    await settle();
    let refreshes = 0;
    const listener = api.tree.onDidChangeTreeData(() => refreshes++);
    try {
      const changed = new Promise<void>((resolve) => {
        const once = api.tree.onDidChangeTreeData(() => {
          once.dispose();
          resolve();
        });
      });
      await groupBy(api, 'tag');
      await changed;
      await settle();
      assert.equal(refreshes, 1);
    } finally {
      listener.dispose();
    }
  });
});
