/**
 * Where a repository keeps its decision log: a setting, adr-tools' `.adr-dir` file, or the first
 * of the folders the common tools create.
 */
import { FileSystem, FileSystemError, dirName, joinPath } from './fileSystem';
import { isRecordFileName } from './naming';

/** MADR's default, and where new logs are created when nothing else says otherwise. */
export const DEFAULT_DECISION_FOLDER = 'docs/decisions';

/** The file adr-tools writes (`adr init <dir>`) to remember its folder. */
export const ADR_DIR_FILE = '.adr-dir';

/**
 * Folders looked for, in order of preference: the tools' defaults (MADR, adr-tools, log4brains,
 * arc42-style) first, then spellings seen often enough in real repositories to be worth a stat.
 */
export const CANDIDATE_FOLDERS: readonly string[] = [
  DEFAULT_DECISION_FOLDER,
  'docs/adr',
  'doc/adr',
  'docs/architecture/decisions',
  'docs/adrs',
  'doc/decisions',
  'docs/architecture-decisions',
  'adr',
  'adrs',
  'decisions',
];

/**
 * The decision folder of the tree `fs` is rooted at, or `undefined` when it has none yet.
 * A configured folder wins and is returned even when missing, since creating the first record
 * creates it. An unusable configured path (absolute, or climbing out of the root) is ignored.
 */
export async function findDecisionFolder(fs: FileSystem, configured?: string): Promise<string | undefined> {
  const fromSetting = configured === undefined ? undefined : normalizeRelativePath(configured);
  if (fromSetting) return fromSetting;

  const fromAdrDir = await readAdrDir(fs);
  if (fromAdrDir) return fromAdrDir;

  const found = await Promise.all(CANDIDATE_FOLDERS.map((folder) => isDirectory(fs, folder)));
  return CANDIDATE_FOLDERS.find((_folder, index) => found[index]);
}

/**
 * A relative POSIX path in canonical form (`./docs//adr/` → `docs/adr`), or `undefined` when it is
 * empty, absolute or leaves the root: decision folders and records must stay inside it.
 */
export function normalizeRelativePath(path: string): string | undefined {
  const trimmed = path.trim().replace(/\\/g, '/');
  if (trimmed === '' || trimmed.startsWith('/') || /^[a-z]:/i.test(trimmed)) return undefined;
  const segments: string[] = [];
  for (const segment of trimmed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.length === 0 ? undefined : segments.join('/');
}

/** True when `path` is `folder` itself or lies anywhere beneath it. */
export function isInsideFolder(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/**
 * Record files under a folder, recursively, skipping hidden folders and node_modules. A missing
 * folder has none; an unreadable top folder rejects; an unreadable subfolder is skipped, and told
 * to `onUnreadable`, since what it holds is then unknown (its numbers, its problems).
 */
export async function listRecordFiles(fs: FileSystem, folder: string, onUnreadable?: (path: string, error: unknown) => void): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readDirectory(dir);
    } catch (error) {
      // A folder deleted while scanning is simply gone; one that cannot be read keeps the rest going.
      if (error instanceof FileSystemError && error.code === 'FileNotFound') return;
      if (dir === folder) throw error;
      onUnreadable?.(dir, error);
      return;
    }
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = joinPath(dir, entry.name);
      if (entry.type === 'directory') subfolders.push(path);
      else if (entry.type === 'file' && isRecordFileName(entry.name)) files.push(path);
    }
    await Promise.all(subfolders.map(walk));
  };
  await walk(folder);
  return files;
}

async function readAdrDir(fs: FileSystem): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(ADR_DIR_FILE);
  } catch {
    return undefined;
  }
  // adr-tools writes the folder followed by a newline; only the first line means anything.
  const firstLine = new TextDecoder().decode(bytes).split(/\r?\n/)[0] ?? '';
  return normalizeRelativePath(firstLine);
}

async function isDirectory(fs: FileSystem, path: string): Promise<boolean> {
  try {
    return (await fs.stat(path))?.type === 'directory';
  } catch {
    return false;
  }
}

/**
 * The folders that hold records: the decision folder, and each folder below it with a record in it
 * (records may be filed by year or team). Sorted, each once.
 */
export function recordFolders(decisionFolder: string, recordPaths: Iterable<string>): string[] {
  const folders = new Set([decisionFolder]);
  for (const path of recordPaths) folders.add(dirName(path));
  return [...folders].sort();
}
