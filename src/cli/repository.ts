/**
 * Where the CLI works: the repository root (or the current folder outside git), the decision
 * folder inside it, and the file system both are read through.
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { ADR_DIR_FILE, CANDIDATE_FOLDERS, DEFAULT_DECISION_FOLDER, findDecisionFolder, normalizeRelativePath } from '../core/folders';
import { DecisionLog } from '../core/decisionLog';
import { repositoryRoot } from './git';
import { NodeFileSystem } from './nodeFileSystem';
import { UsageError } from './usage';

export interface Repository {
  /** Absolute path of the repository root; every core path is relative to it. */
  root: string;
  fs: NodeFileSystem;
  /** The decision folder, relative to `root`. */
  folder: string;
  /** Whether the folder exists yet (only `new` may work without it: it creates it). */
  folderExists: boolean;
}

/**
 * Finds the root and the decision folder. Without `--dir` the folder is found as the extension
 * finds it; `orDefault` lets a command that creates the folder (`new`) start the default one.
 */
export async function openRepository(cwd: string, dir: string | undefined, options: { orDefault?: boolean } = {}): Promise<Repository> {
  const root = await repositoryRoot(cwd).catch(() => cwd);
  const fs = new NodeFileSystem(root);
  let folder: string | undefined;
  if (dir !== undefined) {
    folder = await folderInside(root, cwd, dir);
    if (!folder) throw new UsageError(`--dir ${dir} is not a folder inside ${root}`);
  } else {
    folder = (await findDecisionFolder(fs)) ?? (options.orDefault ? DEFAULT_DECISION_FOLDER : undefined);
    if (!folder) {
      throw new UsageError(`no decision folder found in ${root} (looked for ${[ADR_DIR_FILE, ...CANDIDATE_FOLDERS].join(', ')}); pass --dir`);
    }
  }
  const stat = await fs.stat(folder);
  if (stat && stat.type !== 'directory') throw new UsageError(`${folder} is not a folder`);
  return { root, fs, folder, folderExists: stat !== undefined };
}

/**
 * A folder named on the command line (absolute, or relative to `cwd`) as a path relative to `root`;
 * undefined when it is not inside it. Git gives the root as a real path, while the name may go
 * through a symbolic link (a working folder reached through one, /tmp on macOS), so real paths are
 * compared when the names alone do not put it inside.
 */
export async function folderInside(root: string, cwd: string, name: string): Promise<string | undefined> {
  const absolute = path.resolve(cwd, name);
  return relativeInside(root, absolute) ?? relativeInside(await realPath(root), await realPath(absolute));
}

function relativeInside(root: string, absolute: string): string | undefined {
  return normalizeRelativePath(path.relative(root, absolute).split(path.sep).join('/'));
}

/** The real path of `file`, whose last segments need not exist yet (a folder `new` creates). */
async function realPath(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(await realPath(parent), path.basename(file));
  }
}

/** Opens the repository and loads its log; a missing folder is bad usage for every command that reads. */
export async function loadLog(cwd: string, dir: string | undefined): Promise<{ repository: Repository; log: DecisionLog }> {
  const repository = await openRepository(cwd, dir);
  if (!repository.folderExists) throw new UsageError(`decision folder ${repository.folder} does not exist`);
  const log = new DecisionLog(repository.fs, repository.folder);
  await log.load();
  return { repository, log };
}
