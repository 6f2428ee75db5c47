/**
 * Change Status…: the lifecycle of a decision. A proposal is accepted or rejected; an accepted
 * decision is deprecated or superseded (which creates its successor, see supersede.ts). Accepting
 * a record that is not ready asks first, naming what is missing.
 */
import * as vscode from 'vscode';
import { parseRecord } from '../core/parse';
import { nextStatuses } from '../core/lifecycle';
import type { Status } from '../core/record';
import { setStatus } from '../core/recordEdits';
import { acceptanceGaps } from '../core/acceptanceGaps';
import type { DecisionLogs } from './decisionLogs';
import { editRecord, openRecordDocument } from './recordEditing';
import { resolveRecordTarget } from './recordTarget';
import { type SupersedeResult, supersede } from './supersede';

export interface ChangeStatusArguments {
  uri?: vscode.Uri;
  status: Status;
  /** Accept even though something is missing (what the modal confirmation asks). */
  confirmed?: boolean;
  /** For `superseded`: the title of the new record. */
  title?: string;
}

const DESCRIPTIONS: Record<Status, string> = {
  proposed: 'Open for discussion and sign-off',
  accepted: 'Decided; this is how we work now',
  rejected: 'Considered and turned down',
  deprecated: 'No longer applies, with no successor',
  superseded: 'Replaced by a new decision (creates it)',
};

/** Runs Change Status…; the new status, or undefined when cancelled. */
export async function changeStatus(logs: DecisionLogs, argument?: unknown): Promise<Status | SupersedeResult | undefined> {
  const target = await resolveRecordTarget(logs, argument, 'Change Status');
  const document = await openRecordDocument(target.uri);
  const record = parseRecord(target.record.path, document.getText());
  const allowed = nextStatuses(record.status);
  if (allowed.length === 0) throw new Error(`A ${record.status ?? ''} decision keeps its status; write a new record instead.`);
  const given = isChangeStatusArguments(argument) ? argument : undefined;
  if (given && !allowed.includes(given.status)) {
    throw new Error(`A ${record.status ?? 'record without status'} cannot become ${String(given.status)}; it can become ${allowed.join(' or ')}.`);
  }
  const status = given?.status ?? (await pickStatus(allowed, record.status));
  if (!status) return undefined;
  if (status === 'superseded') return supersede(logs, { uri: target.uri, title: given?.title });
  if (status === 'accepted') {
    const gaps = acceptanceGaps(record);
    if (gaps.length > 0 && !(given ? given.confirmed === true : await confirmAccept(gaps))) {
      if (given) throw new Error(`Not accepted: ${gaps.join('; ')}. Pass confirmed: true to accept anyway.`);
      return undefined;
    }
  }
  await editRecord(target.uri, (text) => setStatus(text, status));
  return status;
}

async function pickStatus(allowed: readonly Status[], current: Status | undefined): Promise<Status | undefined> {
  const items = allowed.map((status) => ({ label: status, description: DESCRIPTIONS[status], status }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Change Status',
    placeHolder: current ? `Now ${current}; change to…` : 'New status',
  });
  return picked?.status;
}

async function confirmAccept(gaps: readonly string[]): Promise<boolean> {
  const accept = 'Accept Anyway';
  const answer = await vscode.window.showWarningMessage(
    'This decision is not ready to be accepted.',
    { modal: true, detail: `Missing: ${gaps.join('; ')}.` },
    accept,
  );
  return answer === accept;
}

function isChangeStatusArguments(value: unknown): value is ChangeStatusArguments {
  return typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'string';
}
