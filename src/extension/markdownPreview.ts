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
  renderer: { rules: Record<string, RenderRule | undefined> };
}

type RenderRule = (tokens: readonly { content: string }[], index: number, options: unknown, env: unknown) => string;

interface CoreState {
  src: string;
  tokens: unknown[];
  Token: new (type: string, tag: string, nesting: number) => { content: string; block: boolean; hidden: boolean };
}

const HEADER_TOKEN = 'rationale_header';
const OPENS_WITH_FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n/;

/**
 * Adds the record header to a markdown-it instance; returns the instance. The header is built when
 * rendering, not when parsing: VS Code parses without saying which document it is (and caches the
 * tokens), and passes the document (`env.currentDocument`) only to the renderer — the header needs
 * it for the record's number and for links to data-source files.
 */
export function extendMarkdownIt<T extends MarkdownItLike>(md: T): T {
  md.core.ruler.push(HEADER_TOKEN, (state) => {
    if (!OPENS_WITH_FRONT_MATTER.test(state.src)) return;
    const token = new state.Token(HEADER_TOKEN, '', 0);
    token.content = state.src;
    token.block = true;
    state.tokens.unshift(token);
  });
  // The header is built from escaped text only, so it is emitted as is, whatever `html` option the preview uses.
  md.renderer.rules[HEADER_TOKEN] = (tokens, index, _options, env) => {
    const html = renderHeader(tokens[index].content, currentDocument(env));
    return html === undefined ? '' : `${html}\n`;
  };
  return md;
}

function renderHeader(text: string, document: vscode.Uri | undefined): string | undefined {
  const folder = document && vscode.workspace.getWorkspaceFolder(document);
  const recordPath = folder && document ? pathInFolder(folder, document) : undefined;
  return renderPreviewHeader(text, {
    path: recordPath ?? document?.path.split('/').pop(),
    prefix: referencePrefix(folder?.uri),
    pathHref: recordPath === undefined ? undefined : (file) => relativeHref(recordPath, file),
  });
}

/** The previewed document: VS Code's markdown engine passes it as `env.currentDocument`. */
function currentDocument(env: unknown): vscode.Uri | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  const document = (env as { currentDocument?: unknown }).currentDocument;
  if (document instanceof vscode.Uri) return document;
  // The Markdown extension's Uri may come from another copy of the API: rebuild it from its parts.
  if (typeof document !== 'object' || document === null) return undefined;
  const { scheme, authority, path: uriPath } = document as Partial<Record<'scheme' | 'authority' | 'path', unknown>>;
  if (typeof scheme !== 'string' || typeof uriPath !== 'string') return undefined;
  return vscode.Uri.from({ scheme, authority: typeof authority === 'string' ? authority : '', path: uriPath });
}

/** A repository path as a link relative to the record, which is how the preview resolves links. */
function relativeHref(recordPath: string, file: string): string {
  const target = file.replace(/^(?:\.\/|\/)+/, '');
  return path.posix.relative(path.posix.dirname(recordPath), target).split('/').map(encodeURIComponent).join('/');
}
