/**
 * Who the user is, as git knows them: `user.name` and `user.email` of a workspace folder. Used as
 * the decision-maker of new records and to find the records awaiting the user's sign-off.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';

export interface GitIdentity {
  name?: string;
  email?: string;
}

/** A slow or hung git (a credential prompt, a network home folder) must not stall record creation. */
const GIT_TIMEOUT_MS = 3000;

/**
 * The git identity for a folder; empty when unknown. Git is not run in an untrusted workspace
 * (its config may name programs to run) nor for folders that are not on the local disk of the
 * extension host (virtual workspaces). Never rejects.
 */
export async function gitIdentity(folder: vscode.Uri): Promise<GitIdentity> {
  if (!vscode.workspace.isTrusted || folder.scheme !== 'file') return {};
  const [name, email] = await Promise.all([gitConfig(folder.fsPath, 'user.name'), gitConfig(folder.fsPath, 'user.email')]);
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function gitConfig(cwd: string, key: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      const value = error ? '' : stdout.trim();
      resolve(value === '' ? undefined : value);
    });
  });
}
