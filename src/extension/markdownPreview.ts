/**
 * The markdown-it plugin behind `"markdown.markdownItPlugins": true`: the built-in Markdown
 * preview shows a record's front matter as a readable header (see core/previewHeader.ts). The
 * preview's own front-matter handling stays as it is; the header is an extra token placed first.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderPreviewHeader } from '../core/previewHeader';
import { pathInFolder } from './recordLookup';
import { referencePrefix } from './settings';

/** The few parts of markdown-it the plugin touches; markdown-it itself ships with VS Code, not with us. */
export interface MarkdownItLike {
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
  renderer: { rules: Record<string, ((tokens: readonly { content: string }[], index: number) => string) | undefined> };
}

interface CoreState {
  src: string;
  env: unknown;
  tokens: unknown[];
  Token: new (type: string, tag: string, nesting: number) => { content: string; block: boolean };
}

const HEADER_TOKEN = 'rationale_header';

/** Adds the record header rule and its renderer to a markdown-it instance; returns the instance. */
export function extendMarkdownIt<T extends MarkdownItLike>(md: T): T {
  md.core.ruler.push(HEADER_TOKEN, (state) => {
    const document = currentDocument(state.env);
    const folder = document && vscode.workspace.getWorkspaceFolder(document);
    const recordPath = folder && document ? pathInFolder(folder, document) : undefined;
    const html = renderPreviewHeader(state.src, {
      path: recordPath ?? document?.path.split('/').pop(),
      prefix: referencePrefix(folder?.uri),
      pathHref: folder && recordPath ? (file) => relativeHref(recordPath, file) : undefined,
    });
    if (html === undefined) return;
    const token = new state.Token(HEADER_TOKEN, '', 0);
    token.content = html;
    token.block = true;
    state.tokens.unshift(token);
  });
  // The header is built from escaped text only, so it is emitted as is, whatever `html` option the preview uses.
  md.renderer.rules[HEADER_TOKEN] = (tokens, index) => `${tokens[index].content}\n`;
  return md;
}

/** The previewed document: VS Code's markdown engine passes it as `env.currentDocument`. */
function currentDocument(env: unknown): vscode.Uri | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  const document = (env as { currentDocument?: unknown }).currentDocument;
  return document instanceof vscode.Uri ? document : undefined;
}

/** A repository path as a link relative to the record, which is how the preview resolves links. */
function relativeHref(recordPath: string, file: string): string {
  const target = file.replace(/^(?:\.\/|\/)+/, '');
  return path.posix.relative(path.posix.dirname(recordPath), target).split('/').map(encodeURIComponent).join('/');
}
