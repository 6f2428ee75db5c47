/**
 * Creates the file of a new record: the log's next number (or, in dated logs, today's date), a
 * slug of the title, the rendered template, written with an exclusive create so that no existing
 * record is ever overwritten.
 */
import { FileSystem, FileSystemError, baseName, joinPath } from './fileSystem';
import { listRecordFiles, normalizeRelativePath } from './folders';
import { numberFromFileName } from './naming';
import { datedRecordFileName, recordFileName } from './slug';
import { RenderInput, Template, renderRecord } from './templates';

export interface CreateRecordInput extends Omit<RenderInput, 'number'> {
  template: Template;
}

export interface CreatedRecord {
  path: string;
  /** Undefined in dated logs, whose records have no number. */
  number?: number;
  text: string;
}

/** How a log names its files: `0012-slug.md`, or log4brains' `20261122-slug.md`. */
export type NamingConvention = 'numbered' | 'dated';

/** How many names are tried before giving up: far more than any real race needs. */
const MAX_ATTEMPTS = 50;

const DATED_NAME = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-/;

/**
 * Writes a new record into `folder` (created when missing) and returns where and what. Two calls
 * on the same file system at once get different numbers; a name taken meanwhile by another writer
 * moves on to the next number (or suffix) instead of overwriting.
 */
export async function createRecord(fs: FileSystem, folder: string, input: CreateRecordInput): Promise<CreatedRecord> {
  const target = normalizeRelativePath(folder);
  if (!target) throw new Error(`The decision folder must be a relative path inside the workspace: "${folder}"`);
  // File names alone cannot reserve a number (two titles give two names), so calls on one file
  // system take turns; exclusive creation still guards against writers outside this process.
  return serialized(fs, target, async () => {
    const names = await recordNames(fs, target);
    return detectNamingConvention(names) === 'dated'
      ? createDated(fs, target, input, names)
      : createNumbered(fs, target, input, nextFreeNumber(names));
  });
}

/** The names of the record files under a folder; refused when a subfolder cannot be read, since its numbers are unknown. */
async function recordNames(fs: FileSystem, folder: string): Promise<string[]> {
  const unreadable: string[] = [];
  const names = (await listRecordFiles(fs, folder, (path) => unreadable.push(path))).map(baseName);
  if (unreadable.length > 0) {
    throw new Error(`Cannot read ${unreadable.join(', ')}: a record there may already have the next number. Make it readable, then try again.`);
  }
  return names;
}

/** The convention most of a log's files follow; numbered when it has none yet. */
export function detectNamingConvention(fileNames: readonly string[]): NamingConvention {
  let numbered = 0;
  let dated = 0;
  for (const name of fileNames) {
    if (DATED_NAME.test(name)) dated++;
    else if (numberFromFileName(name) !== undefined) numbered++;
  }
  return dated > numbered ? 'dated' : 'numbered';
}

/** One past the highest number in the names; gaps stay gaps, since a number may be cited elsewhere. */
export function nextFreeNumber(fileNames: readonly string[]): number {
  let highest = 0;
  for (const name of fileNames) {
    const number = numberFromFileName(name);
    if (number !== undefined && number > highest) highest = number;
  }
  return highest + 1;
}

async function createNumbered(fs: FileSystem, folder: string, input: CreateRecordInput, first: number): Promise<CreatedRecord> {
  let number = first;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const path = joinPath(folder, recordFileName(number, input.title));
    const text = renderRecord(input.template, { ...input, number });
    if (!(await tryCreate(fs, path, text))) {
      number++;
      continue;
    }
    // Exclusive creation guards one name only: another process (the CLI beside the editor) may have
    // taken the same number under another title. Each writer looks after creating; whichever looks
    // last sees the other and gives its number back, so no number stays taken twice.
    if (!fs.deleteFile || !(await numberTakenByAnother(fs, folder, path, number))) return { path, number, text };
    await fs.deleteFile(path);
    // Both may have looked at once and both given back: a random pause breaks the tie.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
    number = nextFreeNumber(await recordNames(fs, folder));
  }
  throw new Error(`Could not find a free record number in ${folder} after ${MAX_ATTEMPTS} tries`);
}

async function numberTakenByAnother(fs: FileSystem, folder: string, path: string, number: number): Promise<boolean> {
  const own = baseName(path);
  return (await recordNames(fs, folder)).some((other) => other !== own && numberFromFileName(other) === number);
}

async function createDated(fs: FileSystem, folder: string, input: CreateRecordInput, names: readonly string[]): Promise<CreatedRecord> {
  const text = renderRecord(input.template, { ...input, number: undefined });
  const taken = new Set(names);
  for (let suffix = 1; suffix <= MAX_ATTEMPTS; suffix++) {
    const name = datedRecordFileName(input.date, input.title, suffix);
    // A name in a subfolder is as good as taken: two records of one day and title would be confused.
    if (taken.has(name)) continue;
    const path = joinPath(folder, name);
    if (await tryCreate(fs, path, text)) return { path, text };
  }
  throw new Error(`Could not find a free file name in ${folder} after ${MAX_ATTEMPTS} tries`);
}

/** True when the file was created, false when the name was taken. */
async function tryCreate(fs: FileSystem, path: string, text: string): Promise<boolean> {
  try {
    await fs.createFile(path, new TextEncoder().encode(text));
    return true;
  } catch (error) {
    if (error instanceof FileSystemError && error.code === 'FileExists') return false;
    throw error;
  }
}

const queues = new WeakMap<FileSystem, Map<string, Promise<unknown>>>();

/** Runs `work` after every earlier call for the same file system and folder has finished. */
function serialized<T>(fs: FileSystem, folder: string, work: () => Promise<T>): Promise<T> {
  let perFolder = queues.get(fs);
  if (!perFolder) {
    perFolder = new Map();
    queues.set(fs, perFolder);
  }
  const previous = perFolder.get(folder) ?? Promise.resolve();
  const result = previous.then(work, work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  perFolder.set(folder, settled);
  void settled.then(() => {
    if (perFolder.get(folder) === settled) perFolder.delete(folder);
  });
  return result;
}

/** A day as `YYYY-MM-DD` in the local time zone, the date a new record carries (toISOString would give the UTC date). */
export function localIsoDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
