// A record written to attack its readers: command links and HTML in its title, status and rationale. Every place
// the extension shows file text (hover, tree tooltip, CodeLens, Markdown preview header) shows it as text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import type { DecisionNode } from '../../src/extension/decisionTree';
import { rationale, until, uriOf, workspaceFolder } from './helpers';

const HOSTILE = 'docs/decisions/0095-hostile-record.md';
const NOTE = 'docs/hostile-note.md';
const COMMAND_LINK = '[run](command:workbench.action.terminal.new)';
const HTML = '<img src=x onerror=alert(1)>';
const TEXT = [
  '---',
  `title: "Hostile ${COMMAND_LINK} ${HTML}"`,
  `status: "accepted ${COMMAND_LINK}"`,
  'date: 2026-05-01',
  '---',
  `# Hostile ${COMMAND_LINK} ${HTML}`,
  '',
  '## Rationale',
  '',
  `Because ${COMMAND_LINK} and <script>alert(1)</script> and <a href="command:workbench.action.terminal.new">this</a>.`,
  '',
].join('\n');

/** How VS Code's Markdown engine renders `markdown`; a stand-in for the hover's renderer, which follows CommonMark too. */
function render(markdown: string): Thenable<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', markdown);
}

function assertInert(html: string, where: string): void {
  assert.doesNotMatch(html, /<a [^>]*href="command:/i, `${where}: a live command link in ${html}`);
  assert.doesNotMatch(html, /<img|<script/i, `${where}: HTML from the file in ${html}`);
}

function assertUntrusted(markdown: vscode.MarkdownString, where: string): void {
  assert.ok(!markdown.isTrusted, `${where}: isTrusted`);
  assert.ok(!markdown.supportHtml, `${where}: supportHtml`);
}

describe('Hostile record content', () => {
  let api: RationaleApi;

  before(async () => {
    api = await rationale();
    await vscode.workspace.fs.writeFile(uriOf(HOSTILE), new TextEncoder().encode(TEXT));
    await vscode.workspace.fs.writeFile(uriOf(NOTE), new TextEncoder().encode('See DR-95.\n'));
    await until(async () => (await api.getLog(workspaceFolder()))?.get(HOSTILE) !== undefined, 'the index has the hostile record');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of [HOSTILE, NOTE]) await vscode.workspace.fs.delete(uriOf(file)).then(undefined, () => undefined);
    await until(async () => (await api.getLog(workspaceFolder()))?.get(HOSTILE) === undefined, 'the index drops the hostile record');
  });

  it('shows the hover of DR-95 as untrusted, escaped text', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(NOTE));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 6));
    const ours = hovers.flatMap((hover) => hover.contents).filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString && content.value.includes('Hostile'));
    assert.equal(ours.length, 1, JSON.stringify(hovers));
    assertUntrusted(ours[0], 'hover');
    const html = await render(ours[0].value);
    assertInert(html, 'hover');
    assert.match(html, /\[run\]\(command:workbench\.action\.terminal\.new\)/, 'the link text is shown as written');
  });

  it('shows the tree tooltip as untrusted, escaped text', async () => {
    let node: DecisionNode | undefined;
    for (const group of await api.tree.getChildren()) {
      node ??= (await api.tree.getChildren(group)).find((candidate) => candidate.kind === 'record' && candidate.record.path === HOSTILE);
    }
    assert.ok(node, 'the tree lists the hostile record');
    const item = api.tree.getTreeItem(node);
    assert.equal(item.label, `DR-95 Hostile ${COMMAND_LINK} ${HTML}`, 'a tree label is plain text, shown as written');
    const markdown = (await api.tree.resolveTreeItem(item, node)).tooltip;
    assert.ok(markdown instanceof vscode.MarkdownString);
    assertUntrusted(markdown, 'tooltip');
    assertInert(await render(markdown.value), 'tooltip');
  });

  it('gives CodeLens titles that are text, and runs only its own commands from them', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(HOSTILE));
    let lenses: vscode.CodeLens[] = [];
    await until(async () => {
      lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)) ?? [];
      return lenses.length > 0;
    }, 'the lenses are there');
    // The status lens shows the status the parser read; nothing of the file's text becomes a command.
    assert.equal(lenses[0].command?.title, 'accepted');
    for (const lens of lenses) {
      assert.match(lens.command?.command ?? '', /^(?:rationale\.\w+)?$/, `${lens.command?.title} runs ${lens.command?.command}`);
      assert.ok(!lens.command?.title.includes('command:'), lens.command?.title);
    }
  });

  it('renders the preview header of the record with the file text escaped', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(HOSTILE));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
    const header = html.slice(html.indexOf('<div class="rationale-header"'), html.indexOf('</div>') + '</div>'.length);
    assert.match(header, /rationale-header/);
    assertInert(header, 'preview header');
    assert.ok(header.includes('&#60;img src=x onerror=alert(1)&#62;'), header);
  });
});
