/**
 * Completion inside a record's front matter: statuses after `status:`, sign-off states after
 * `state:`, record numbers in `supersedes`, `superseded-by` and `related`, and the names of people
 * already named in the log after `name:`.
 */
import * as vscode from 'vscode';
import { SIGN_OFF_STATES, STATUSES } from '../core/record';
import { formatReference } from '../core/references';
import { frontMatterSlot } from '../core/completionContext';
import type { DecisionLogs } from './decisionLogs';
import { logContextOf, pathInFolder, recordDocumentOf } from './recordLookup';

const FENCE = /^\uFEFF?---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/** True when `line` lies inside the front matter that opens the document. */
function inFrontMatter(document: vscode.TextDocument, line: number): boolean {
  if (line === 0 || !FENCE.test(document.lineAt(0).text)) return false;
  for (let index = 1; index < line; index++) if (CLOSING.test(document.lineAt(index).text)) return false;
  return !CLOSING.test(document.lineAt(line).text);
}

export class FrontMatterCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':', ' ', '[', ','];

  constructor(private readonly logs: DecisionLogs) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    if (!inFrontMatter(document, position.line)) return undefined;
    const lines = Array.from({ length: position.line }, (_, index) => document.lineAt(index).text);
    const slot = frontMatterSlot(lines, position.line, document.lineAt(position.line).text.slice(0, position.character));
    // A record, or a new one not saved yet; not other markdown whose front matter has a `status:`.
    if (!slot || (document.uri.scheme !== 'untitled' && !(await recordDocumentOf(this.logs, document.uri)))) return undefined;
    const range = new vscode.Range(position.line, position.character - slot.typed.length, position.line, position.character);
    switch (slot.kind) {
      case 'status':
        return words(STATUSES, range, vscode.CompletionItemKind.EnumMember);
      case 'state':
        return words(SIGN_OFF_STATES, range, vscode.CompletionItemKind.EnumMember);
      case 'name':
        return this.names(document, range);
      case 'number':
        return this.numbers(document, range);
    }
  }

  private async names(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CompletionItem[]> {
    const context = await logContextOf(this.logs, document.uri);
    return (context?.log.log.stakeholders() ?? []).map((name) => {
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.User);
      item.range = range;
      return item;
    });
  }

  private async numbers(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CompletionItem[]> {
    const context = await logContextOf(this.logs, document.uri);
    if (!context) return [];
    const path = pathInFolder(context.log.folder, document.uri);
    const own = path === undefined ? undefined : context.log.log.get(path)?.number;
    const seen = new Set<number>();
    const items: vscode.CompletionItem[] = [];
    for (const record of context.log.log.records()) {
      if (record.number === undefined || record.number === own || seen.has(record.number)) continue;
      seen.add(record.number);
      const item = new vscode.CompletionItem(
        { label: String(record.number), description: `${formatReference(record.number, context.prefix)} ${record.title}` },
        vscode.CompletionItemKind.Reference,
      );
      item.range = range;
      item.filterText = `${record.number} ${record.title}`;
      item.sortText = String(record.number).padStart(8, '0');
      items.push(item);
    }
    return items;
  }
}

function words(known: readonly string[], range: vscode.Range, kind: vscode.CompletionItemKind): vscode.CompletionItem[] {
  return known.map((word, index) => {
    const item = new vscode.CompletionItem(word, kind);
    item.range = range;
    item.sortText = String(index);
    return item;
  });
}
