/**
 * Sign Off… and Request Sign-off…: the signer is the git user of the record's workspace folder;
 * the people asked are typed as `Name <email>` or picked from those the log already names.
 * Callers (tests, other extensions) may pass the answers in the argument, and nothing is asked.
 */
import * as vscode from 'vscode';
import { localIsoDate } from '../core/createRecord';
import { parsePerson } from '../core/person';
import type { DecisionRecord, SignOffState } from '../core/record';
import { type SignOffInput, type Stakeholder, addOrUpdateSignOff, requestSignOff } from '../core/recordEdits';
import { formatReference } from '../core/references';
import type { DecisionLogs } from './decisionLogs';
import { gitIdentity } from './gitIdentity';
import { editRecord } from './recordEditing';
import { resolveRecordTarget } from './recordTarget';
import { referencePrefix } from './settings';
import { afterSignOff } from './signOffProvenance';
import { literalIconText } from '../core/iconSyntax';

/** The states a person can sign off with (pending is what they start as). */
export type SignOffAnswer = Exclude<SignOffState, 'pending'>;

export interface SignOffArguments {
  uri?: vscode.Uri;
  state: SignOffAnswer;
  comment?: string;
  /** true: commit the sign-off as the signer at once; false: do not; absent: offer to. */
  commit?: boolean;
}

export interface RequestSignOffArguments {
  uri?: vscode.Uri;
  /** People as objects or as `Name <email>` text. */
  stakeholders: (Stakeholder | string)[];
}

const SIGN_OFF_CHOICES: readonly (vscode.QuickPickItem & { state: SignOffAnswer })[] = [
  { state: 'approved', label: '$(pass) Approve', description: 'I agree with this decision' },
  { state: 'objected', label: '$(error) Object', description: 'I disagree; a comment says why' },
  { state: 'abstained', label: '$(circle-slash) Abstain', description: 'I do not take a side' },
];

/** Runs Sign Off…; returns false when the user cancelled or nothing changed. */
export async function signOff(logs: DecisionLogs, argument?: unknown): Promise<boolean> {
  const target = await resolveRecordTarget(logs, argument, 'Sign Off');
  const identity = await gitIdentity(target.log.folder.uri);
  if (!identity.name) {
    throw new Error(
      `Sign Off needs your git identity: run git config user.name "Your Name" and git config user.email "you@example.com" in ${target.log.folder.name}.`,
    );
  }
  const answers = isSignOffArguments(argument) ? checkedAnswers(argument) : await askSignOff();
  if (!answers) return false;
  const comment = answers.comment?.trim();
  const input: SignOffInput = {
    name: identity.name,
    email: identity.email,
    state: answers.state,
    date: localIsoDate(new Date()),
    comment: comment === '' ? undefined : comment,
  };
  const changed = await editRecord(target.uri, (text) => addOrUpdateSignOff(text, input));
  // Committing as the signer is what makes the sign-off verifiable; asked for once it was written.
  const commit = isSignOffArguments(argument) ? argument.commit : undefined;
  if (changed || commit === true) {
    const { number, title } = target.record;
    const reference = number === undefined ? `"${title}"` : formatReference(number, referencePrefix(target.log.folder.uri));
    await afterSignOff({ uri: target.uri, reference, signOff: input }, commit);
  }
  return changed;
}

/** Runs Request Sign-off…; returns false when the user cancelled or everyone was listed already. */
export async function requestSignOffCommand(logs: DecisionLogs, argument?: unknown): Promise<boolean> {
  const target = await resolveRecordTarget(logs, argument, 'Request Sign-off');
  const people = isRequestArguments(argument)
    ? argument.stakeholders.map(toStakeholder).filter((person): person is Stakeholder => person !== undefined)
    : await askStakeholders(knownPeople(target.log.log.records()), target.record.signOff);
  if (!people || people.length === 0) return false;
  return editRecord(target.uri, (text) => requestSignOff(text, people));
}

function checkedAnswers(argument: SignOffArguments): SignOffArguments {
  if (!SIGN_OFF_CHOICES.some((choice) => choice.state === argument.state)) {
    throw new Error(`Unknown sign-off "${String(argument.state)}"; use approved, objected or abstained.`);
  }
  if (argument.state === 'objected' && !argument.comment?.trim()) throw new Error('An objection needs a comment saying why.');
  return argument;
}

async function askSignOff(): Promise<{ state: SignOffAnswer; comment?: string } | undefined> {
  const choice = await vscode.window.showQuickPick(SIGN_OFF_CHOICES, { title: 'Sign Off', placeHolder: 'Your sign-off' });
  if (!choice) return undefined;
  const required = choice.state === 'objected';
  const comment = await vscode.window.showInputBox({
    title: 'Sign Off',
    prompt: required ? 'Why do you object? (required)' : 'Comment (optional)',
    validateInput: (value) => (required && value.trim() === '' ? 'An objection needs a comment saying why.' : undefined),
  });
  if (comment === undefined) return undefined;
  return { state: choice.state, comment };
}

const SOMEONE_ELSE = '$(add) Someone else…';

/** Picks known people (not yet listed) and/or types new ones; undefined when cancelled. */
async function askStakeholders(known: readonly Stakeholder[], listed: readonly Stakeholder[]): Promise<Stakeholder[] | undefined> {
  const isListed = (person: Stakeholder): boolean =>
    listed.some((entry) => same(entry.email, person.email) || same(entry.name, person.name));
  const offered = known.filter((person) => !isListed(person));
  const chosen: Stakeholder[] = [];
  let typeMore = offered.length === 0;
  if (!typeMore) {
    const items = [
      { label: SOMEONE_ELSE, alwaysShow: true },
      ...offered.map((person) => ({
        label: literalIconText(person.name),
        description: literalIconText([person.email, person.role].filter(Boolean).join(' · ')),
        person,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Request Sign-off', placeHolder: 'Who should sign off?', canPickMany: true });
    if (!picked) return undefined;
    for (const item of picked) if ('person' in item) chosen.push(item.person);
    typeMore = picked.some((item) => item.label === SOMEONE_ELSE);
  }
  if (typeMore) {
    const typed = await vscode.window.showInputBox({
      title: 'Request Sign-off',
      prompt: 'Name <email> of the person to ask',
      placeHolder: 'Sam Lee <sam@example.com>',
      validateInput: (value) => (parsePerson(value) ? undefined : 'Type a name, optionally followed by <email>.'),
    });
    if (typed === undefined) return undefined;
    const person = parsePerson(typed);
    if (!person) return undefined;
    const role = await vscode.window.showInputBox({ title: 'Request Sign-off', prompt: `Role of ${person.name} (optional)` });
    if (role === undefined) return undefined;
    chosen.push(role.trim() === '' ? person : { ...person, role: role.trim() });
  }
  return chosen;
}

/** Everyone named in a sign-off list of the log, once (by email, else name), with the first email and role given. */
function knownPeople(records: readonly DecisionRecord[]): Stakeholder[] {
  const people = new Map<string, Stakeholder>();
  for (const record of records) {
    for (const entry of record.signOff) {
      const key = (entry.email ?? entry.name).trim().toLowerCase();
      const known = people.get(key);
      people.set(key, { name: known?.name ?? entry.name, email: known?.email ?? entry.email, role: known?.role ?? entry.role });
    }
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function toStakeholder(person: Stakeholder | string): Stakeholder | undefined {
  const parsed = typeof person === 'string' ? parsePerson(person) : person;
  return parsed && parsed.name.trim() !== '' ? parsed : undefined;
}

function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function isSignOffArguments(value: unknown): value is SignOffArguments {
  return typeof value === 'object' && value !== null && 'state' in value && typeof value.state === 'string';
}

function isRequestArguments(value: unknown): value is RequestSignOffArguments {
  return typeof value === 'object' && value !== null && 'stakeholders' in value && Array.isArray(value.stakeholders);
}
