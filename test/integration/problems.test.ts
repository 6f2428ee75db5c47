// A record whose front matter is broken stays in the tree, says what is wrong, and still opens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { DecisionNode } from '../../src/extension/decisionTree';
import { rationale } from './helpers';

const BROKEN = 'docs/decisions/0006-cache-everything.md';

async function brokenNode(api: RationaleApi): Promise<DecisionNode> {
  for (const group of await api.tree.getChildren()) {
    for (const node of await api.tree.getChildren(group)) {
      if (node.kind === 'record' && node.record.path === BROKEN) return node;
    }
  }
  assert.fail('the broken record is not in the tree');
}

describe('Records with problems', () => {
  let api: RationaleApi;

  before(async () => {
    api = await rationale();
    await vscode.commands.executeCommand('rationale.groupBy.status');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the error icon and the first problem instead of the date', async () => {
    const node = await brokenNode(api);
    assert.equal(node.kind, 'record');
    const [firstProblem] = node.kind === 'record' ? node.record.problems : [];
    assert.ok(firstProblem, 'the parser reports the broken YAML');
    const item = api.tree.getTreeItem(node);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.equal(item.iconPath.id, 'error');
    assert.equal(item.description, firstProblem.message);
    assert.match(item.contextValue ?? '', /^decision.*\+problem$/);
    const label = typeof item.label === 'string' ? item.label : item.label?.label;
    assert.match(label ?? '', /^DR-6 /);
  });

  it('lists the problems in the tooltip', async () => {
    const node = await brokenNode(api);
    const item = await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.match(item.tooltip.value, /\$\(error\)/);
    const text = item.tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(text, /not valid YAML.*\(line \d+\)/);
  });

  it('still opens the file', async () => {
    const item = api.tree.getTreeItem(await brokenNode(api));
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /0006-cache-everything\.md$/);
  });
});
