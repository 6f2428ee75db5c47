/**
 * Completion of record numbers after the reference prefix in any file: typing `DR-` offers every
 * record as `DR-12` with its title, from the loaded index.
 */
import * as vscode from 'vscode';
import { typedReference } from '../core/completionContext';
import { formatReference } from '../core/references';
import type { DecisionLogs } from './decisionLogs';
import { logContextOf, prefixOf } from './recordLookup';

export class ReferenceCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['-'];

  constructor(private readonly logs: DecisionLogs) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const prefix = prefixOf(this.logs, document.uri);
    if (prefix === undefined) return undefined;
    const typed = typedReference(document.lineAt(position.line).text.slice(0, position.character), prefix);
    if (!typed) return undefined;
    const context = await logContextOf(this.logs, document.uri);
    if (!context) return undefined;
    const range = new vscode.Range(position.line, typed.start, position.line, position.character);
    const seen = new Set<number>();
    const items: vscode.CompletionItem[] = [];
    for (const record of context.log.log.records()) {
      if (record.number === undefined || seen.has(record.number)) continue;
      seen.add(record.number);
      const name = formatReference(record.number, context.prefix);
      const item = new vscode.CompletionItem({ label: name, description: record.title }, vscode.CompletionItemKind.Reference);
      item.detail = [record.statusText ?? record.status, record.date].filter(Boolean).join(' · ');
      item.range = range;
      item.filterText = name;
      item.sortText = String(record.number).padStart(8, '0');
      items.push(item);
    }
    return items;
  }
}
