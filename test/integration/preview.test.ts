// The Markdown preview plugin: VS Code's own Markdown engine renders a record with the header built
// from its front matter, and leaves other markdown alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { LanguageFeaturesApi } from '../../src/extension/languageFeatures';
import { rationale } from './helpers';

type Api = RationaleApi & LanguageFeaturesApi;

function recordUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, 'docs', 'decisions', name);
}

describe('Markdown preview', () => {
  let api: Api;

  before(async () => {
    api = await rationale();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is offered to the Markdown preview by activate()', () => {
    assert.equal(typeof api.extendMarkdownIt, 'function');
  });

  it('renders a record with a header: reference, status badge, sign-off table and data sources', async () => {
    const document = await vscode.workspace.openTextDocument(recordUri('0004-bill-annual-plans-upfront.md'));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
    assert.match(html, /<div class="rationale-header"/);
    assert.match(html, /<strong>DR-4<\/strong> Bill annual plans upfront <span class="rationale-status rationale-status-proposed"/);
    assert.match(html, /<td>Sam Lee<\/td><td>VP Finance<\/td><td>approved<\/td>/);
    assert.match(html, /<a href="https:\/\/analytics.example.com\/d\/123"[^>]*>Churn by plan, Q3<\/a>/);
    assert.ok(html.indexOf('rationale-header') < html.indexOf('<h1'), 'the header comes first');
  });

  it('leaves a record whose front matter is broken, and plain markdown, without a header', async () => {
    const broken = await vscode.workspace.openTextDocument(recordUri('0006-cache-everything.md'));
    assert.doesNotMatch(await vscode.commands.executeCommand<string>('markdown.api.render', broken), /rationale-header/);
    assert.doesNotMatch(await vscode.commands.executeCommand<string>('markdown.api.render', '# Plain\n\nText.\n'), /rationale-header/);
  });

  it('escapes what the record says', async () => {
    const html = await vscode.commands.executeCommand<string>(
      'markdown.api.render',
      '---\ntitle: <script>alert(1)</script>\nstatus: accepted\nsign-off:\n  - name: <img src=x onerror=alert(1)>\n    state: approved\n---\n# T\n',
    );
    assert.match(html, /rationale-header/);
    assert.doesNotMatch(html, /<script|<img/);
  });
});
