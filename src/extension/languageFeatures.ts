/**
 * The editor intelligence over decision records, registered in one place: Problems-panel
 * diagnostics and their quick fixes, `DR-12` hovers, links and completion in any file, completion
 * inside record front matter, and the Markdown preview plugin that activate() hands to VS Code.
 */
import * as vscode from 'vscode';
import type { DecisionLogs } from './decisionLogs';
import { RecordDiagnostics } from './diagnostics';
import { FrontMatterCompletionProvider } from './frontMatterCompletion';
import { extendMarkdownIt } from './markdownPreview';
import { RecordQuickFixes } from './quickFixes';
import { ReferenceCompletionProvider } from './referenceCompletion';
import { ReferenceHoverProvider } from './referenceHover';
import { ReferenceLinkProvider } from './referenceLinks';

/** References are found in code comments, markdown and PR templates alike, saved or not. */
const ANY_FILE: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
const MARKDOWN: vscode.DocumentSelector = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

export interface LanguageFeaturesApi {
  /** Called by the built-in Markdown preview (`markdown.markdownItPlugins`). */
  extendMarkdownIt: typeof extendMarkdownIt;
  /** Resolves once the diagnostics of every change seen so far are published. */
  diagnosticsIdle(): Promise<void>;
}

export function registerLanguageFeatures(context: vscode.ExtensionContext, logs: DecisionLogs, output: vscode.LogOutputChannel): LanguageFeaturesApi {
  const diagnostics = new RecordDiagnostics(logs, output);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new RecordQuickFixes(logs), RecordQuickFixes.metadata),
    vscode.languages.registerHoverProvider(ANY_FILE, new ReferenceHoverProvider(logs)),
    vscode.languages.registerDocumentLinkProvider(ANY_FILE, new ReferenceLinkProvider(logs)),
    vscode.languages.registerCompletionItemProvider(ANY_FILE, new ReferenceCompletionProvider(logs), ...ReferenceCompletionProvider.triggerCharacters),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new FrontMatterCompletionProvider(logs), ...FrontMatterCompletionProvider.triggerCharacters),
  );
  return { extendMarkdownIt, diagnosticsIdle: () => diagnostics.whenIdle() };
}
