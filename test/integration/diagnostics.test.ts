// The Problems panel: the fixture's broken record shows its YAML error on the right line, fixing the
// file clears it, quick fixes repair an unknown status and a one-sided supersede link, and a deleted
// record takes its diagnostics with it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { LanguageFeaturesApi } from '../../src/extension/languageFeatures';
import { rationale, workspaceFolder } from './helpers';

type Api = RationaleApi & LanguageFeaturesApi;

function fileUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, path);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Rationale');
}

function codes(uri: vscode.Uri): string[] {
  return ours(uri).map((diagnostic) => String(diagnostic.code));
}

/** Resolves with the diagnostics of `uri` once they satisfy `condition`, checking on every change of diagnostics. */
function diagnosticsWhere(uri: vscode.Uri, condition: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 5000): Promise<vscode.Diagnostic[]> {
  const current = ours(uri);
  if (condition(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`diagnostics of ${uri.path} did not change as expected; now: ${JSON.stringify(codes(uri))}`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = ours(uri);
      if (!condition(diagnostics)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

const withCode = (code: string) => (diagnostics: vscode.Diagnostic[]): boolean => diagnostics.some((diagnostic) => diagnostic.code === code);
const withoutCode = (code: string) => (diagnostics: vscode.Diagnostic[]): boolean => !withCode(code)(diagnostics);

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  // Code action providers run on open documents only.
  await vscode.workspace.openTextDocument(uri);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((action): action is vscode.CodeAction => 'edit' in action || 'kind' in action);
}

const BROKEN = 'docs/decisions/0006-cache-everything.md';

describe('Diagnostics', () => {
  let api: Api;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await rationale();
    await api.getLog(workspaceFolder());
  });

  afterEach(async () => {
    // A record a failed test left edited must not be saved back after it is deleted.
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty || !created.some((uri) => uri.toString() === document.uri.toString())) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await api.whenIdle();
    await api.diagnosticsIdle();
  });

  it('shows the YAML error of the broken record on its line, from source Rationale with the rule as code', async () => {
    const uri = fileUri(BROKEN);
    const diagnostics = await diagnosticsWhere(uri, withCode('yaml-syntax'));
    const yaml = diagnostics.find((diagnostic) => diagnostic.code === 'yaml-syntax');
    assert.ok(yaml);
    assert.equal(yaml.severity, vscode.DiagnosticSeverity.Error);
    assert.match(yaml.message, /not valid YAML/);
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.lineAt(yaml.range.start.line).text;
    assert.ok(yaml.range.start.line >= 1 && yaml.range.start.line <= 4, `line ${yaml.range.start.line}`);
    assert.equal(yaml.range.start.line, yaml.range.end.line);
    assert.equal(yaml.range.end.character, line.trimEnd().length, 'the range covers the line');
  });

  it('reports accepted records without data sources as warnings, and clears the problem when the file is fixed', async () => {
    const uri = fileUri(BROKEN);
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    try {
      await write(uri, original.replace('status: [accepted', 'status: accepted'));
      const fixed = await diagnosticsWhere(uri, withoutCode('yaml-syntax'));
      const noData = fixed.find((diagnostic) => diagnostic.code === 'no-data-source');
      assert.ok(noData, 'an accepted record without data sources is reported once the YAML reads');
      assert.equal(noData.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await write(uri, original);
    }
    await diagnosticsWhere(uri, withCode('yaml-syntax'));
  });

  it('follows rationale.completenessSeverity', async () => {
    const uri = fileUri('docs/decisions/0005-store-events-in-a-column-store.md');
    const configuration = vscode.workspace.getConfiguration('rationale');
    try {
      await configuration.update('completenessSeverity', 'error', vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(uri, (diagnostics) => diagnostics.some((d) => d.code === 'no-data-source' && d.severity === vscode.DiagnosticSeverity.Error));
      await configuration.update('completenessSeverity', 'off', vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(uri, withoutCode('no-data-source'));
    } finally {
      await configuration.update('completenessSeverity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhere(uri, (diagnostics) => diagnostics.some((d) => d.code === 'no-data-source' && d.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('takes back what it showed when the decision folder setting moves away, and shows it again when it moves back', async () => {
    const uri = fileUri(BROKEN);
    await diagnosticsWhere(uri, withCode('yaml-syntax'));
    const configuration = vscode.workspace.getConfiguration('rationale', workspaceFolder().uri);
    try {
      await configuration.update('decisionFolder', 'docs/elsewhere', vscode.ConfigurationTarget.WorkspaceFolder);
      await diagnosticsWhere(uri, (diagnostics) => diagnostics.length === 0);
    } finally {
      await configuration.update('decisionFolder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await api.getLog(workspaceFolder()); // as the tree would, once shown
    await diagnosticsWhere(uri, withCode('yaml-syntax'));
  });

  it('replaces an unknown status with the closest known one, and clears the diagnostics of a deleted record', async () => {
    const uri = fileUri('docs/decisions/0099-a-typo-in-the-status.md');
    created.push(uri);
    await write(uri, '---\ntitle: A typo in the status\nstatus: acepted # reviewed\ndate: 2026-04-01\n---\n# A typo in the status\n');
    const [unknown] = (await diagnosticsWhere(uri, withCode('unknown-status'))).filter((d) => d.code === 'unknown-status');
    assert.equal(unknown.range.start.line, 2);
    const actions = await quickFixes(uri, unknown);
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred?.edit, `a preferred fix among ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(preferred.title, 'Change status to "accepted"');
    assert.equal(actions.filter((action) => action.title.startsWith('Change status to')).length, 5);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.lineAt(2).text, 'status: accepted # reviewed');
    await document.save();
    await diagnosticsWhere(uri, withoutCode('unknown-status'));

    await vscode.workspace.fs.delete(uri);
    created.splice(created.indexOf(uri), 1);
    await diagnosticsWhere(uri, (diagnostics) => diagnostics.length === 0);
  });

  it('replaces an unknown sign-off state', async () => {
    const uri = fileUri('docs/decisions/0099-a-typo-in-a-sign-off.md');
    created.push(uri);
    await write(uri, '---\ntitle: A typo in a sign-off\nstatus: proposed\nsign-off:\n  - name: Ana Ruiz\n    state: aproved\n---\n# A typo in a sign-off\n');
    const [unknown] = (await diagnosticsWhere(uri, withCode('unknown-sign-off-state'))).filter((d) => d.code === 'unknown-sign-off-state');
    const preferred = (await quickFixes(uri, unknown)).find((action) => action.isPreferred);
    assert.ok(preferred?.edit);
    assert.equal(preferred.title, 'Change sign-off state to "approved"');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.lineAt(5).text, '    state: approved');
    await document.save();
    await diagnosticsWhere(uri, withoutCode('unknown-sign-off-state'));
  });

  it('completes a one-sided supersede link by marking the old record superseded', async () => {
    const old = fileUri('docs/decisions/0097-the-old-way.md');
    const replacement = fileUri('docs/decisions/0098-the-new-way.md');
    created.push(old, replacement);
    await write(old, '---\ntitle: The old way\nstatus: accepted   # since March\ndate: 2026-03-01\n---\n# The old way\n');
    await write(replacement, '---\ntitle: The new way\nstatus: accepted\nsupersedes: [97]\n---\n# The new way\n');
    const [mismatch] = (await diagnosticsWhere(replacement, withCode('supersede-mismatch'))).filter((d) => d.code === 'supersede-mismatch');
    assert.equal(mismatch.range.start.line, 3);
    const fix = (await quickFixes(replacement, mismatch)).find((action) => action.title === 'Mark DR-97 superseded by DR-98');
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const document = await vscode.workspace.openTextDocument(old);
    assert.match(document.lineAt(2).text, /^status: superseded +# since March$/, 'the comment stays');
    assert.equal(document.getText().replace(/^status: .*$/m, 'status: -'), '---\ntitle: The old way\nstatus: -\ndate: 2026-03-01\nsuperseded-by: [98]\n---\n# The old way\n');
    await document.save();
    await diagnosticsWhere(replacement, withoutCode('supersede-mismatch'));
  });
});
