/**
 * `DR-12` in any file becomes a link to the record's file. A number two records share links to the
 * first by path, the same record hovers describe.
 */
import * as vscode from 'vscode';
import { findReferences, formatReference } from '../core/references';
import type { DecisionLogs } from './decisionLogs';
import { logContextOf, recordByNumber } from './recordLookup';

/** Beyond this size a file is data, not prose that cites decisions; scanning it would cost for nothing. */
const MAX_SCANNED_LENGTH = 2_000_000;

export class ReferenceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly logs: DecisionLogs) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const context = await logContextOf(this.logs, document.uri);
    if (!context || token.isCancellationRequested) return [];
    const text = document.getText();
    if (text.length > MAX_SCANNED_LENGTH) return [];
    const links: vscode.DocumentLink[] = [];
    for (const reference of findReferences(text, context.prefix)) {
      const record = recordByNumber(context.log, reference.number);
      if (!record) continue;
      const range = new vscode.Range(document.positionAt(reference.start), document.positionAt(reference.end));
      const link = new vscode.DocumentLink(range, context.log.fs.uri(record.path));
      link.tooltip = `${formatReference(reference.number, context.prefix)} ${record.title}`;
      links.push(link);
    }
    return links;
  }
}
