// DR-12 references in any file: a hover with the record's title, status, sign-off and rationale
// (untrusted, file text escaped), a link to the record's file, and completion after the prefix;
// inside record front matter, completion of statuses, sign-off states, names and record numbers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RationaleApi } from '../../src/extension/api';
import { rationale, workspaceFolder } from './helpers';

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

function hoverText(hovers: vscode.Hover[]): { value: string; trusted: boolean }[] {
  return hovers.flatMap((hover) =>
    hover.contents.map((content) =>
      content instanceof vscode.MarkdownString
        ? { value: content.value, trusted: content.isTrusted !== undefined && content.isTrusted !== false }
        : { value: typeof content === 'string' ? content : content.value, trusted: false },
    ),
  );
}

function labels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Markdown escapes removed, to compare with what a reader sees. */
function unescape(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

const SOURCE = [
  '// Billing follows DR-4: annual plans are paid upfront.',
  '// DR-99 does not exist; XDR-4 is not a reference.',
  'export const ANNUAL_UPFRONT = true;',
  '// See DR-',
  '',
].join('\n');

describe('References', () => {
  let api: RationaleApi;
  let source: vscode.Uri;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await rationale();
    await api.getLog(workspaceFolder());
    source = vscode.Uri.joinPath(workspaceFolder().uri, 'src', 'billing.ts');
    created.push(source);
    await write(source, SOURCE);
    await vscode.workspace.openTextDocument(source);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    await api.whenIdle();
  });

  it('hovers a reference in a TypeScript file with title, status, sign-off and rationale', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', source, new vscode.Position(0, 21));
    const ours = hoverText(hovers).filter((content) => unescape(content.value).includes('DR-4'));
    assert.equal(ours.length, 1, JSON.stringify(hoverText(hovers)));
    const text = unescape(ours[0].value);
    assert.match(text, /\*\*DR-4\*\* Bill annual plans upfront/);
    assert.match(text, /proposed · 2026-03-02 · 1\/2 signed/);
    assert.match(text, /Annual plans churn 40% less/);
    assert.equal(ours[0].trusted, false);
    const range = hovers.find((hover) => hoverText([hover]).some((content) => content.value === ours[0].value))?.range;
    assert.deepEqual([range?.start.character, range?.end.character], [19, 23]);
  });

  it('says when no record has the number, and ignores text that only looks like a reference', async () => {
    const missing = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', source, new vscode.Position(1, 5));
    assert.ok(hoverText(missing).some((content) => /DR-99: no record has this number/.test(unescape(content.value))));
    const lookalike = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', source, new vscode.Position(1, 32));
    assert.ok(!hoverText(lookalike).some((content) => unescape(content.value).includes('Bill annual plans')));
  });

  it('escapes the record text in the hover, so a record cannot inject links or commands', async () => {
    const record = vscode.Uri.joinPath(workspaceFolder().uri, 'docs', 'decisions', '0095-escaping.md');
    created.push(record);
    const evil = '---\ntitle: "Run [this](command:workbench.action.quit) <img src=x>"\nstatus: accepted\n---\n# T\n\n## Rationale\n\nClick [here](command:workbench.action.quit) *now*.\n';
    const changed = new Promise<void>((resolve) => {
      const listener = api.onDidChangeLogs((change) => {
        if (change.changed.some((path) => path.endsWith('0095-escaping.md'))) {
          listener.dispose();
          resolve();
        }
      });
    });
    await write(record, evil);
    await changed;
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'see DR-95' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 6));
    const [content] = hoverText(hovers).filter((item) => item.value.includes('95'));
    assert.ok(content, 'the record is described');
    assert.doesNotMatch(content.value, /(^|[^\\])\]\(command:/, 'no markdown link survives');
    assert.doesNotMatch(content.value, /<img/);
    assert.match(unescape(content.value), /Run \[this\]\(command:workbench\.action\.quit\) &lt;img src=x>/);
    assert.equal(content.trusted, false);
  });

  it('links a reference to the record file', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', source);
    const ours = links.filter((link) => link.target?.path.includes('/docs/decisions/'));
    assert.equal(ours.length, 1, 'DR-99 and XDR-4 are not linked');
    assert.deepEqual([ours[0].range.start.line, ours[0].range.start.character, ours[0].range.end.character], [0, 19, 23]);
    assert.match(ours[0].target?.path ?? '', /\/docs\/decisions\/0004-bill-annual-plans-upfront\.md$/);
  });

  it('completes record numbers after the prefix', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', source, new vscode.Position(3, 10), '-');
    const offered = labels(list);
    for (const expected of ['DR-1', 'DR-2', 'DR-3', 'DR-4', 'DR-5', 'DR-6']) assert.ok(offered.includes(expected), `${expected} in ${offered.join(', ')}`);
    const billing = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'DR-4');
    assert.equal(typeof billing?.label === 'object' ? billing.label.description : undefined, 'Bill annual plans upfront');
  });

  describe('inside record front matter', () => {
    const FRONT_MATTER = ['---', 'title: X', 'status: ', 'sign-off:', '  - name: ', '    state: ', 'related: [2, ', 'supersedes:', '  - ', '---', '# X', 'status: '].join('\n');
    let document: vscode.TextDocument;

    before(async () => {
      document = await vscode.workspace.openTextDocument({ language: 'markdown', content: FRONT_MATTER });
    });

    /** Our items only: word-based suggestions from other open documents come as plain text. */
    async function completionsAt(line: number, trigger?: string): Promise<string[]> {
      const position = new vscode.Position(line, document.lineAt(line).text.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
      return labels({ items: list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text) });
    }

    it('offers the statuses after status:', async () => {
      const offered = await completionsAt(2, ' ');
      for (const status of ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']) assert.ok(offered.includes(status), status);
    });

    it('offers the sign-off states after state:', async () => {
      const offered = await completionsAt(5, ' ');
      for (const state of ['pending', 'approved', 'objected', 'abstained']) assert.ok(offered.includes(state), state);
    });

    it('offers the people named in the log after name:', async () => {
      const offered = await completionsAt(4, ' ');
      for (const name of ['Ana Ruiz', 'Sam Lee']) assert.ok(offered.includes(name), `${name} in ${offered.join(', ')}`);
    });

    it('offers record numbers in related and supersedes', async () => {
      for (const line of [6, 8]) {
        const offered = await completionsAt(line, ' ');
        for (const number of ['1', '4', '5']) assert.ok(offered.includes(number), `${number} on line ${line}: ${offered.join(', ')}`);
      }
    });

    it('offers nothing of it in markdown outside the decision folder, such as a blog post', async () => {
      const post = vscode.Uri.joinPath(workspaceFolder().uri, 'blog/2024-01-01-hello.md');
      await vscode.workspace.fs.writeFile(post, new TextEncoder().encode('---\nlayout: post\nstatus: \n---\n# Hello\n'));
      try {
        const blog = await vscode.workspace.openTextDocument(post);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', blog.uri, new vscode.Position(2, 8), ' ');
        const offered = labels({ items: list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text) });
        assert.ok(!offered.includes('accepted'), offered.join(', '));
      } finally {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, 'blog'), { recursive: true });
      }
    });

    it('offers nothing of it below the front matter', async () => {
      const offered = await completionsAt(11, ' ');
      assert.ok(!offered.includes('accepted'));
    });
  });
});
