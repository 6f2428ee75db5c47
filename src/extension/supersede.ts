/**
 * Supersede…: writes the successor of a decision and marks the old one superseded, in one
 * workspace edit (a file creation plus the old record's edits), so one undo takes back both.
 */
import * as vscode from 'vscode';
import { detectNamingConvention, localIsoDate, nextFreeNumber } from '../core/createRecord';
import { baseName, joinPath } from '../core/fileSystem';
import { listRecordFiles } from '../core/folders';
import { applyEdits } from '../core/frontMatterEdit';
import { nextStatuses } from '../core/lifecycle';
import { parseRecord } from '../core/parse';
import { addSupersedes, setSupersededBy } from '../core/recordEdits';
import { recordFileName } from '../core/slug';
import { BUILT_IN_TEMPLATES, contextLineOf, renderRecord } from '../core/templates';
import type { DecisionLogs } from './decisionLogs';
import { gitIdentity } from './gitIdentity';
import { titleProblem } from './newRecord';
import { openRecord } from './openRecord';
import { addTextEdits, applyAndSave, editsOrRefuse, openRecordDocument } from './recordEditing';
import { resolveRecordTarget } from './recordTarget';
import { referencePrefix } from './settings';

export interface SupersedeArguments {
  uri?: vscode.Uri;
  /** Title of the new record; asked when left out. */
  title?: string;
}

export interface SupersedeResult {
  uri: vscode.Uri;
  /** Path of the new record, relative to the workspace folder. */
  path: string;
  number: number;
}

/** Runs Supersede…; the new record, or undefined when cancelled. */
export async function supersede(logs: DecisionLogs, argument?: unknown): Promise<SupersedeResult | undefined> {
  const target = await resolveRecordTarget(logs, argument, 'Supersede');
  const { log } = target;
  const oldNumber = target.record.number;
  if (oldNumber === undefined) throw new Error('Supersede needs numbered records: supersedes and superseded-by refer to record numbers.');
  const oldDocument = await openRecordDocument(target.uri);
  const old = parseRecord(target.record.path, oldDocument.getText());
  if (!nextStatuses(old.status).includes('superseded')) {
    throw new Error(`A ${old.status} decision cannot be superseded; only an accepted one can (Change Status… shows where it can go).`);
  }
  const prefix = referencePrefix(log.folder.uri);

  const validateTitle = (title: string): string | undefined => titleProblem(title, log.log.records(), prefix);
  const given = typeof argument === 'object' && argument !== null && 'title' in argument ? argument.title : undefined;
  const title = typeof given === 'string' ? given.trim() : await askTitle(old.title, prefix, oldNumber, validateTitle);
  if (title === undefined) return undefined;
  const problem = validateTitle(title);
  if (problem) throw new Error(problem);

  const names = (await listRecordFiles(log.fs, log.decisionFolder)).map(baseName);
  if (detectNamingConvention(names) === 'dated') throw new Error('Supersede needs numbered records; this log names its files by date.');
  const number = nextFreeNumber(names);
  const fileName = recordFileName(number, title);
  const path = joinPath(log.decisionFolder, fileName);
  const uri = log.fs.uri(path);

  const identity = await gitIdentity(log.folder.uri);
  const template = BUILT_IN_TEMPLATES.find((candidate) => candidate.id === 'full');
  if (!template) throw new Error('The full record template is missing.');
  const rendered = renderRecord(template, {
    number,
    title,
    date: localIsoDate(new Date()),
    prefix,
    decisionMakers: identity.name ? [identity.name] : [],
    // The successor concerns the same topics and the same people, who sign off afresh.
    tags: old.tags,
    stakeholders: old.signOff.map(({ name, email, role }) => ({ name, email, role })),
  });
  const newText = applyEdits(rendered, editsOrRefuse(addSupersedes(rendered, oldNumber, { prefix })));
  const oldEdits = editsOrRefuse(setSupersededBy(oldDocument.getText(), number, { prefix, target: { title, fileName } }));

  const edit = new vscode.WorkspaceEdit();
  // The old record's edits come first: VS Code applies a workspace edit in order and drops the rest
  // when a document changed meanwhile, so this order never leaves a successor without its link.
  addTextEdits(edit, oldDocument, oldEdits);
  edit.createFile(uri, { contents: new TextEncoder().encode(newText), overwrite: false, ignoreIfExists: false });
  await applyAndSave(edit, [oldDocument]);
  await Promise.all([log.refreshFile(path), log.refreshFile(target.record.path)]);
  await openRecord(uri, contextLineOf(newText));
  return { uri, path, number };
}

async function askTitle(
  oldTitle: string,
  prefix: string,
  oldNumber: number,
  validateInput: (title: string) => string | undefined,
): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: `Supersede ${prefix}-${oldNumber}`,
    prompt: `Title of the decision that replaces "${oldTitle}"`,
    validateInput,
  });
  return title?.trim();
}
