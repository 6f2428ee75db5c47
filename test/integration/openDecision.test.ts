// Open Decision…: every record is offered, findable by number, title, status, date, tag and person.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import { rationale } from './helpers';

describe('Open Decision', () => {
  let api: RationaleApi;

  before(async () => {
    api = await rationale();
  });

  it('offers every record of the log, by number', async () => {
    const items = await api.decisionPickItems();
    assert.deepEqual(
      items.map((item) => item.label),
      [
        'DR-1 Record decisions in markdown',
        'DR-2 Store events in Postgres',
        'DR-3 Deploy with containers',
        'DR-4 Bill annual plans upfront',
        'DR-5 Store events in a column store',
        items[5]?.label,
      ],
    );
    assert.match(items[5]?.label ?? '', /^DR-6 /);
  });

  it('describes each record with its status and date, and details its tags and people', async () => {
    const items = await api.decisionPickItems();
    const billing = items.find((item) => item.label.startsWith('DR-4 '));
    assert.ok(billing);
    assert.equal(billing.description, 'proposed · 2026-03-02');
    assert.match(billing.detail ?? '', /#billing/);
    assert.match(billing.detail ?? '', /#pricing/);
    assert.match(billing.detail ?? '', /Ana Ruiz/);
    assert.match(billing.detail ?? '', /Sam Lee/);
    assert.match(billing.uri.path, /docs\/decisions\/0004-bill-annual-plans-upfront\.md$/);

    const broken = items.find((item) => item.label.startsWith('DR-6 '));
    assert.match(broken?.description ?? '', /^\$\(error\)/);
  });

  it('shows the pick and closes without opening anything on Esc', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    const running = vscode.commands.executeCommand('rationale.openDecision');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await running;
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });
});
