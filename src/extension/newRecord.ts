/**
 * New Decision Record: gathers the answers (from the caller's argument or the wizard), lets the
 * core write the file, and opens it with the cursor where the author starts writing.
 */
import * as vscode from 'vscode';
import { createRecord, localIsoDate } from '../core/createRecord';
import type { DecisionRecord } from '../core/record';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_ID, type Stakeholder, type Template, contextLineOf, loadCustomTemplates, mergeTemplates } from '../core/templates';
import type { DecisionLogs } from './decisionLogs';
import type { FolderLog } from './folderLog';
import { gitIdentity } from './gitIdentity';
import { askRecordAnswers, type RecordAnswers } from './newRecordWizard';
import { openRecord } from './openRecord';
import { parsePerson } from '../core/person';
import { configuredTemplateFolder, referencePrefix } from './settings';
import { type FolderArgument, chooseWorkspaceFolder } from './workspaceFolderChoice';
import { whyOutsideWorkspace } from './workspaceContainment';

/** The optional argument of `rationale.newRecord`: with a title, nothing is asked. */
export interface NewRecordArguments {
  title: string;
  /** Template id; the default template when left out. */
  template?: string;
  tags?: string[];
  /** People who sign off, as objects or as `Name <email>` text. */
  stakeholders?: (Stakeholder | string)[];
  /** Workspace folder (or its name, or a Uri inside it) when the workspace has several. */
  folder?: FolderArgument;
}

export interface NewRecordResult {
  uri: vscode.Uri;
  /** Path relative to the workspace folder. */
  path: string;
  number?: number;
}

/** Runs the command; undefined when the user cancelled. */
export async function newRecord(
  logs: DecisionLogs,
  output: vscode.LogOutputChannel,
  argument?: NewRecordArguments,
): Promise<NewRecordResult | undefined> {
  const given = isNewRecordArguments(argument) ? argument : undefined;
  const folder = await chooseWorkspaceFolder(given?.folder);
  if (!folder) return undefined;
  const log = await logs.getLog(folder);
  if (!log) return undefined;
  const templates = await availableTemplates(log, output);
  const validateTitle = (title: string): string | undefined =>
    titleProblem(title, log.log.records(), referencePrefix(folder.uri));

  let answers: RecordAnswers | undefined;
  if (given) {
    answers = answersFromArguments(given, templates);
    const problem = validateTitle(answers.title);
    if (problem) throw new Error(problem);
  } else {
    answers = await askRecordAnswers({
      templates,
      tags: knownTags(log.log.records()),
      people: knownPeople(log.log.records(), log.log.stakeholders()),
      validateTitle,
    });
  }
  if (!answers) return undefined;

  const outside = await whyOutsideWorkspace(log.fs.uri(log.decisionFolder));
  if (outside) throw new Error(outside);
  const identity = await gitIdentity(folder.uri);
  const created = await createRecord(log.fs, log.decisionFolder, {
    title: answers.title,
    template: answers.template,
    date: localIsoDate(new Date()),
    prefix: referencePrefix(folder.uri),
    decisionMakers: identity.name ? [identity.name] : [],
    tags: answers.tags,
    stakeholders: answers.stakeholders,
  });
  output.info(`[new] ${folder.name}: created ${created.path}`);
  // Index it now instead of waiting for the watcher, so the tree and the next number are current.
  await log.refreshFile(created.path);
  const uri = log.fs.uri(created.path);
  await openRecord(uri, contextLineOf(created.text));
  return { uri, path: created.path, number: created.number };
}

/** The built-in templates, default first, then the custom ones of the template folder setting. */
async function availableTemplates(log: FolderLog, output: vscode.LogOutputChannel): Promise<Template[]> {
  const folder = configuredTemplateFolder(log.folder.uri);
  let custom: Template[] = [];
  if (folder) {
    const loaded = await loadCustomTemplates(log.fs, folder);
    for (const problem of loaded.problems) output.warn(`[templates] ${problem}`);
    custom = loaded.templates;
  }
  const all = mergeTemplates(BUILT_IN_TEMPLATES, custom);
  const byDefault = all.find((template) => template.id === DEFAULT_TEMPLATE_ID);
  return byDefault ? [byDefault, ...all.filter((template) => template !== byDefault)] : all;
}

function answersFromArguments(given: NewRecordArguments, templates: readonly Template[]): RecordAnswers {
  const templateId = given.template ?? DEFAULT_TEMPLATE_ID;
  const template = templates.find((candidate) => candidate.id === templateId);
  if (!template) throw new Error(`Unknown template "${templateId}"; known: ${templates.map((known) => known.id).join(', ')}`);
  const stakeholders = (given.stakeholders ?? [])
    .map((person) => (typeof person === 'string' ? parsePerson(person) : person))
    .filter((person): person is Stakeholder => person !== undefined && person.name.trim() !== '');
  return { title: given.title.trim(), template, tags: given.tags ?? [], stakeholders };
}

/**
 * Why a title cannot be used: empty, or the title of a decision still open (proposed or accepted),
 * which would make two records argue about the same thing. Closed decisions may be taken up again.
 */
export function titleProblem(title: string, records: readonly DecisionRecord[], prefix: string): string | undefined {
  const wanted = title.trim().toLowerCase();
  if (wanted === '') return 'A decision record needs a title.';
  const clash = records.find(
    (record) => (record.status === 'proposed' || record.status === 'accepted') && record.title.trim().toLowerCase() === wanted,
  );
  if (!clash) return undefined;
  const name = clash.number === undefined ? clash.path : `${prefix}-${clash.number}`;
  return `An open decision already has this title: ${name} (${clash.status}).`;
}

/** Every tag used in the log, each once (first spelling wins), alphabetical. */
function knownTags(records: readonly DecisionRecord[]): string[] {
  const tags = new Map<string, string>();
  for (const record of records) for (const tag of record.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  return [...tags.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * The people to offer as stakeholders: everyone the log names, with the e-mail address and role
 * their sign-off entries give (the first entry that gives them wins).
 */
function knownPeople(records: readonly DecisionRecord[], names: readonly string[]): Stakeholder[] {
  const details = new Map<string, Stakeholder>();
  for (const record of records) {
    for (const signOff of record.signOff) {
      const key = signOff.name.trim().toLowerCase();
      const known = details.get(key);
      details.set(key, {
        name: signOff.name.trim(),
        email: known?.email ?? signOff.email,
        role: known?.role ?? signOff.role,
      });
    }
  }
  return names.map((name) => details.get(name.trim().toLowerCase()) ?? { name });
}

function isNewRecordArguments(value: unknown): value is NewRecordArguments {
  return typeof value === 'object' && value !== null && 'title' in value && typeof value.title === 'string';
}
