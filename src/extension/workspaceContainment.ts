/**
 * Whether a path inside a workspace folder really stays inside it on disk. A decision folder may be a
 * symbolic link to somewhere else (a shared checkout, a home folder): Rationale lists and opens what
 * is there, but writes only inside the workspace, so a link in a cloned repository cannot make a
 * command write to a place the user never opened.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Why Rationale will not write `uri` (an existing file, or a folder or file about to be created),
 * or undefined when it may. Only local files can be checked; other schemes have no links to follow.
 */
export async function whyOutsideWorkspace(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  const [root, target] = await Promise.all([realPath(folder.uri.fsPath), realPathOfNearest(uri.fsPath)]);
  if (root === undefined || target === undefined) return undefined;
  const relative = path.relative(root, target);
  // `..` as a whole first segment leaves the folder; a folder named `..decisions` inside it does not.
  const leaves = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (!leaves) return undefined;
  const shown = vscode.workspace.asRelativePath(uri, false);
  // Short enough for a notification line (about 200 characters) with a long temporary path in it.
  return `${shown} leads outside the workspace, to ${target}; nothing was written.`;
}

function realPath(file: string): Promise<string | undefined> {
  return fs.realpath(file).catch(() => undefined);
}

/** The real path of `file`, or of its nearest existing parent joined with the rest, for a path not created yet. */
async function realPathOfNearest(file: string): Promise<string | undefined> {
  const missing: string[] = [];
  let current = file;
  for (;;) {
    const real = await realPath(current);
    if (real !== undefined) return path.join(real, ...missing.reverse());
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    missing.push(path.basename(current));
    current = parent;
  }
}
