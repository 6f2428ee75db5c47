/**
 * Copy Link for Pull Request: one markdown line naming a record, linking to its file on the git
 * host, with its status and sign-off, ready to paste into a pull request description.
 */
import * as vscode from 'vscode';
import { formatPullRequestLine } from '../core/permalink';
import { countSignOffs } from '../core/prSummary';
import type { DecisionRecord } from '../core/record';
import type { DecisionLogs } from './decisionLogs';
import { recordLink } from './recordPermalink';
import { resolveRecordTarget } from './recordTarget';
import { referencePrefix } from './settings';

export interface CopiedText {
  /** What was put on the clipboard. */
  readonly text: string;
  /** The confirmation shown to the user. */
  readonly message: string;
}

export async function copyPullRequestLink(logs: DecisionLogs, argument: unknown): Promise<CopiedText> {
  const { uri, log, record } = await resolveRecordTarget(logs, argument, 'Copy Link for Pull Request');
  const prefix = referencePrefix(log.folder.uri);
  const link = await recordLink(uri, record.path);
  const text = formatPullRequestLine({
    prefix,
    number: record.number,
    title: record.title,
    status: statusText(record),
    signOff: record.signOff.length > 0 ? countSignOffs(record.signOff) : undefined,
    url: link.url,
    path: link.path,
  });
  await vscode.env.clipboard.writeText(text);
  const name = record.number === undefined ? `“${record.title}”` : `${prefix}-${record.number}`;
  const message = link.notice === undefined ? `Copied link to ${name}.` : `Copied link to ${name}. ${link.notice}`;
  // Not awaited: the notification resolves only when dismissed, and the command is done.
  void vscode.window.showInformationMessage(message);
  return { text, message };
}

/** The known status, else the status as written (`✅ done`), as the PR summary shows it. */
function statusText(record: DecisionRecord): string | undefined {
  if (record.status) return record.status;
  const text = record.statusText?.trim();
  return text ? text : undefined;
}
