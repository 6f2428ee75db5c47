/**
 * Sign-off provenance in the editor: which approvals git vouches for (see
 * src/core/signOffProvenance.ts), for the tree and the hovers, and Commit Sign-off, which commits a
 * fresh sign-off as the signer so that it becomes verified.
 *
 * Git runs only when asked (a record expanded in the tree, a reference hovered), only in a trusted
 * workspace on a local disk, and once per file state: results are kept per file until its
 * modification time, its size, the repository's HEAD or its shallowness changes (a commit changes
 * provenance without touching the file). In a shallow clone decided sign-offs read "cannot verify".
 */
import * as vscode from 'vscode';
import { verifySignOffs } from '../cli/blame';
import { headCommit, isShallowRepository, runGit, showFile } from '../cli/git';
import { applyEdits } from '../core/frontMatterEdit';
import { type SignOffInput, addOrUpdateSignOff } from '../core/recordEdits';
import type { SignOff } from '../core/record';
import { type SignOffProvenance, provenanceNote, signOffProvenance } from '../core/signOffProvenance';
import { type RepositoryLocation, locateInRepository, whyNoGit } from './repositoryGit';

const changeEmitter = new vscode.EventEmitter<vscode.Uri>();

/** Fires with a record's Uri when its provenance changed without the file changing (a commit). */
export const onDidChangeSignOffProvenance = changeEmitter.event;

const results = new Map<string, { key: string; provenance: Promise<SignOffProvenance[] | undefined> }>();
const locations = new Map<string, Promise<RepositoryLocation | undefined>>();
let failureLog: vscode.LogOutputChannel | undefined;

/** Where lookups that fail are logged: git that cannot run, a repository it refuses to open. */
export function logSignOffProvenanceFailuresTo(output: vscode.LogOutputChannel): void {
  failureLog = output;
}

/**
 * The provenance of each sign-off of the record at `uri`, in the order of its sign-off list;
 * undefined when git may not run here (untrusted or virtual workspace) or cannot run at all, which
 * is logged. Never rejects.
 */
export async function signOffProvenanceOf(uri: vscode.Uri): Promise<SignOffProvenance[] | undefined> {
  if (whyNoGit(uri) !== undefined) return undefined;
  const fail = (error: unknown): undefined => {
    failureLog?.warn(`[provenance] ${uri.fsPath}: cannot tell who committed its sign-offs`, error);
    return undefined;
  };
  try {
    const location = await repositoryLocation(uri);
    const stat = await vscode.workspace.fs.stat(uri);
    // Fetching the full history of a shallow clone changes provenance without moving HEAD.
    const [head, shallow] = location ? await Promise.all([headCommit(location.root), isShallowRepository(location.root)]) : [undefined, false];
    const key = `${stat.mtime}|${stat.size}|${head ?? ''}|${shallow}`;
    const known = results.get(uri.toString());
    if (known?.key === key) return await known.provenance;
    // Kept per file state, a failure included, so it is logged once rather than on every look.
    const provenance = compute(uri, location, shallow).catch(fail);
    results.set(uri.toString(), { key, provenance });
    return await provenance;
  } catch (error) {
    return fail(error);
  }
}

async function compute(uri: vscode.Uri, location: RepositoryLocation | undefined, shallow: boolean): Promise<SignOffProvenance[]> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return location ? verifySignOffs(location.root, location.path, text, shallow) : signOffProvenance(text, undefined);
}

/** Where a file sits in its repository; remembered once found (a file does not change repository). */
function repositoryLocation(uri: vscode.Uri): Promise<RepositoryLocation | undefined> {
  const key = uri.toString();
  const known = locations.get(key);
  if (known) return known;
  const location = locateInRepository(uri);
  locations.set(key, location);
  // Not in a repository yet may change (`git init`), and so may a repository git refused: ask again next time.
  const forget = (): void => {
    locations.delete(key);
  };
  void location.then((found) => {
    if (!found) forget();
  }, forget);
  return location;
}

/** The provenance of the sign-off at `index`, when it is the same person and state as `signOff`. */
export function provenanceAt(
  provenance: readonly SignOffProvenance[] | undefined,
  index: number,
  signOff: SignOff,
): SignOffProvenance | undefined {
  const entry = provenance?.[index];
  // The log and the file may be a moment apart; an entry that does not match says nothing.
  return entry && entry.name === signOff.name && entry.state === signOff.state ? entry : undefined;
}

/** `verified`, `unverified: committed by ana@example.com`; empty when there is nothing to say. */
export function provenanceText(provenance: SignOffProvenance | undefined): string {
  return provenance ? provenanceNote(provenance) : '';
}

/** What Commit Sign-off needs to know about the sign-off just written. */
export interface SignOffCommitRequest {
  uri: vscode.Uri;
  /** `DR-12`, or the record's title when it has no number. */
  reference: string;
  /** The sign-off exactly as it was written into the file. */
  signOff: SignOffInput;
}

export type SignOffCommitOutcome = { committed: true; commit: string } | { committed: false; reason: string };

/**
 * Commits the record as the signer, but only when the file's uncommitted change is exactly the
 * sign-off: the record at HEAD with the same sign-off applied must give the file on disk. Anything
 * else in the diff may be someone else's work, and must not go out under the signer's name.
 */
export async function commitSignOff(request: SignOffCommitRequest): Promise<SignOffCommitOutcome> {
  const { uri } = request;
  const noGit = whyNoGit(uri);
  if (noGit) return { committed: false, reason: `Not committed: ${noGit}.` };
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString() && document.isDirty)) {
    return { committed: false, reason: `Not committed: ${name} has unsaved changes. Save it, then commit the sign-off yourself.` };
  }
  const location = await locateInRepository(uri);
  if (!location) return { committed: false, reason: `Not committed: ${name} is not in a git repository.` };
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const committedText = await showFile(location.root, 'HEAD', location.path);
  if (committedText === undefined) {
    return { committed: false, reason: `Not committed: ${name} itself is not committed yet. Commit the record first, then the sign-off.` };
  }
  if (committedText === text) return { committed: false, reason: `Nothing to commit: the sign-off in ${name} is committed already.` };
  const edit = addOrUpdateSignOff(committedText, request.signOff);
  if (!edit.ok || applyEdits(committedText, edit.edits) !== text) {
    return {
      committed: false,
      reason: `Not committed: ${name} has other changes besides your sign-off, which may be someone else's. Commit them separately, then the sign-off.`,
    };
  }
  const message = `Sign off ${request.reference}: ${request.signOff.state}`;
  // --only: exactly this file as it is on disk, whatever else is staged.
  await runGit(location.root, ['commit', '--only', '--quiet', '-m', message, '--', location.path]);
  const commit = (await headCommit(location.root)) ?? '';
  results.delete(uri.toString());
  changeEmitter.fire(uri);
  return { committed: true, commit };
}

const COMMIT_SIGN_OFF = 'Commit Sign-off';

/**
 * After a sign-off: `commit` true commits at once, false does nothing, undefined offers it with a
 * non-modal notification (not awaited: the command is done, the offer stays until dismissed).
 */
export async function afterSignOff(request: SignOffCommitRequest, commit: boolean | undefined): Promise<void> {
  if (commit === false || whyNoGit(request.uri) !== undefined) return;
  if (commit === true) {
    await commitAndTell(request);
    return;
  }
  void vscode.window
    .showInformationMessage(
      `Signed off ${request.reference}: ${request.signOff.state}. Commit the sign-off as yourself so others can verify it?`,
      COMMIT_SIGN_OFF,
    )
    .then(async (choice) => {
      if (choice === COMMIT_SIGN_OFF) await commitAndTell(request);
    });
}

async function commitAndTell(request: SignOffCommitRequest): Promise<void> {
  try {
    const outcome = await commitSignOff(request);
    if (outcome.committed) void vscode.window.showInformationMessage(`Committed the sign-off of ${request.reference} as ${outcome.commit.slice(0, 7)}.`);
    else void vscode.window.showWarningMessage(outcome.reason);
  } catch (error) {
    void vscode.window.showErrorMessage(`Rationale: the sign-off could not be committed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
