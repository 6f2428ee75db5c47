/**
 * The git identity of each workspace folder, remembered for a short while: the tree, the status
 * bar and every refresh ask for it, and running git each time would cost a process per refresh.
 * The memory is short so that a `git config user.email` typed in a terminal shows up soon.
 */
import type * as vscode from 'vscode';
import { type GitIdentity, gitIdentity } from './gitIdentity';

const REMEMBER_MS = 30_000;

const remembered = new Map<string, { identity: Promise<GitIdentity>; until: number }>();

export function cachedGitIdentity(folder: vscode.Uri): Promise<GitIdentity> {
  const key = folder.toString();
  const now = Date.now();
  const known = remembered.get(key);
  if (known && known.until > now) return known.identity;
  const identity = gitIdentity(folder);
  remembered.set(key, { identity, until: now + REMEMBER_MS });
  return identity;
}
