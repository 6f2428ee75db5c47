// The Decisions tree and the sign-off workflow: the "Awaiting my sign-off" group for the git user of
// the temporary repository (Ana Ruiz <ana@example.com>), and each stakeholder under an expanded record.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { DecisionNode } from '../../src/extension/decisionTree';
import { DR4, FixtureLog, rememberFixtures, until, uriOf } from './helpers';

function labelOf(api: RationaleApi, node: DecisionNode): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

async function recordNode(api: RationaleApi, labelStart: string): Promise<DecisionNode> {
  for (const group of await api.tree.getChildren()) {
    if (labelOf(api, group) === 'Awaiting my sign-off') continue;
    for (const node of await api.tree.getChildren(group)) if (labelOf(api, node).startsWith(labelStart)) return node;
  }
  assert.fail(`no record labelled ${labelStart}…`);
}

describe('Sign-off in the Decisions tree', () => {
  let api: RationaleApi;
  let fixtures: FixtureLog;

  before(async () => {
    ({ api, fixtures } = await rememberFixtures());
  });

  after(() => fixtures.restore());

  it('lists the records awaiting the git user first', async () => {
    const [first] = await api.tree.getChildren();
    assert.ok(first);
    const item = api.tree.getTreeItem(first);
    assert.equal(item.label, 'Awaiting my sign-off');
    assert.equal(item.description, '1');
    assert.deepEqual(
      (await api.tree.getChildren(first)).map((node) => labelOf(api, node)),
      ['DR-4 Bill annual plans upfront'],
    );
  });

  it('shows each stakeholder with a state icon when a record is expanded', async () => {
    const node = await recordNode(api, 'DR-4 ');
    assert.equal(api.tree.getTreeItem(node).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const people = (await api.tree.getChildren(node)).map((child) => {
      const item = api.tree.getTreeItem(child);
      return [item.label, item.description, item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined, item.tooltip];
    });
    assert.deepEqual(people, [
      ['Ana Ruiz', 'Engineering lead · pending', 'clock', undefined],
      // The fixture repository's only commit is Ana's, so Sam's approval is not his (see verifiedSignOffs.test.ts).
      ['Sam Lee', 'VP Finance · approved 2026-03-03 · unverified: committed by ana@example.com', 'pass', 'Cash-flow model checks out.'],
    ]);
    const withoutSignOff = await recordNode(api, 'DR-5 ');
    assert.equal(api.tree.getTreeItem(withoutSignOff).collapsibleState, vscode.TreeItemCollapsibleState.None);
  });

  it('drops the group once the user has signed off', async () => {
    await vscode.commands.executeCommand('rationale.signOff', { uri: uriOf(DR4), state: 'approved' });
    await until(async () => {
      const groups = await api.tree.getChildren();
      return !groups.some((group) => labelOf(api, group) === 'Awaiting my sign-off');
    }, 'the awaiting group is gone');
  });
});
