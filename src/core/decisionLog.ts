/**
 * The in-memory index of one decision folder: every record, parsed, kept current one file at a time
 * from file-system events. Built once by a full scan (or from a snapshot of a previous index, reading
 * only files whose modification time or size changed) and never rescanned for a single change.
 */
import { lineOf } from './editText';
import { Emitter, Event } from './events';
import { FileStat, FileSystem, FileSystemError, baseName } from './fileSystem';
import { isInsideFolder, listRecordFiles } from './folders';
import { stakeholdersOf } from './grouping';
import { isRecordFileName, numberFromFileName } from './naming';
import { parseRecord } from './parse';
import { DecisionRecord, Problem, emptyRecord } from './record';

export interface LogChange {
  /** Records added or changed, including records whose log-level problems changed. */
  changed: string[];
  removed: string[];
}

/** A serialisable picture of the index, to skip unchanged files when a workspace opens again. */
export interface IndexSnapshot {
  version: typeof SNAPSHOT_VERSION;
  folder: string;
  entries: SnapshotEntry[];
}

export interface SnapshotEntry {
  path: string;
  mtime: number;
  size: number;
  /** The parser's output, before log-level problems such as duplicate numbers are added. */
  record: StoredRecord;
}

/** A record without its path and with empty lists left out; see storedRecord. */
export type StoredRecord = Omit<Partial<DecisionRecord>, 'path'>;

export interface LoadOptions {
  /** A previous index; files whose mtime and size match it are not read again. Its records are taken over, not copied. */
  snapshot?: IndexSnapshot;
}

/** Bumped whenever the record model or the parser changes what a snapshot would hold. */
export const SNAPSHOT_VERSION = 4;

/** Enough reads in flight to hide latency (remote workspaces), few enough not to exhaust handles. */
export const READ_CONCURRENCY = 32;
/** A stat holds no handle open, and more of them in flight cost less each (measured by scripts/bench.js). */
export const STAT_CONCURRENCY = 128;

/** One decoder for every file; it strips a UTF-8 byte-order mark like an editor does. */
const UTF8 = new TextDecoder();
/** The same, refusing bytes that are not UTF-8, so such a file is read leniently and reported. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export const DUPLICATE_NUMBER = 'duplicate-number';
export const UNREADABLE = 'unreadable';

interface Entry {
  /** What the parser made of the file. Never changed after it is stored. */
  parsed: DecisionRecord;
  /** What the log shows: the parsed record plus log-level problems, derived afresh on every change. */
  view: DecisionRecord;
  mtime?: number;
  size?: number;
}

export class DecisionLog {
  private entries = new Map<string, Entry>();
  /** Subfolders that could not be listed, with the reason: their records are unknown. */
  private unreadable = new Map<string, string>();
  /** Paths per record number; more than one path is a duplicate. */
  private pathsByNumber = new Map<number, Set<string>>();
  private sorted: DecisionRecord[] | undefined;
  private loaded = false;
  private readonly changeEmitter = new Emitter<LogChange>();

  readonly onDidChange: Event<LogChange> = this.changeEmitter.event;

  constructor(
    private readonly fs: FileSystem,
    /** The decision folder, relative to the file system's root. */
    readonly folder: string,
  ) {}

  get isLoaded(): boolean {
    return this.loaded;
  }

  /**
   * Scans the folder (recursively) and reads every record in it. A missing folder is an empty log;
   * a file that cannot be read becomes a record with an `unreadable` problem.
   */
  async load(options: LoadOptions = {}): Promise<void> {
    const reusable = usableSnapshot(options.snapshot, this.folder);
    const unreadable = new Map<string, string>();
    const paths = await listRecordFiles(this.fs, this.folder, (path, error) => unreadable.set(path, errorMessage(error)));
    const loaded = new Map<string, Entry>();
    const toRead = reusable ? await this.reuseUnchanged(paths, reusable, loaded) : paths;
    await this.readEntries(toRead, loaded);

    this.unreadable = unreadable;
    const removed = [...this.entries.keys()].filter((path) => !loaded.has(path));
    // Records keep the folder's listing order until sorted; sort once so the map iterates stably.
    this.entries = new Map([...loaded].sort(([a], [b]) => compareStrings(a, b)));
    this.pathsByNumber = new Map();
    for (const [path, entry] of this.entries) {
      if (entry.parsed.number !== undefined) addToSet(this.pathsByNumber, entry.parsed.number, path);
    }
    for (const number of this.pathsByNumber.keys()) this.deriveViews(number);
    this.sorted = undefined;
    this.loaded = true;
    this.changeEmitter.fire({ changed: [...this.entries.keys()], removed });
  }

  /**
   * Re-reads one path after a file-system event: a created or changed record, a deleted one, or a
   * folder that appeared (its records are read) or vanished (its records are dropped). Paths
   * outside the folder and files that are not records are ignored.
   */
  async update(path: string): Promise<void> {
    if (!isInsideFolder(path, this.folder) || isHiddenBelow(path, this.folder)) return;
    let stat;
    try {
      stat = await this.fs.stat(path);
    } catch {
      stat = undefined;
    }
    if (!stat) {
      this.remove(path);
      return;
    }
    if (stat.type === 'directory') {
      this.forgetUnreadableUnder(path);
      const paths = await listRecordFiles(this.fs, path, (folder, error) => this.unreadable.set(folder, errorMessage(error)));
      const entries = await this.readEntries(paths);
      // A folder replaced under the same name (`mv sub.new sub`) comes as one event: what the old one
      // held and the new one does not goes.
      this.applyChanges([...entries], this.pathsUnder(path).filter((known) => !entries.has(known)));
      return;
    }
    if (path === this.folder || !isRecordFileName(baseName(path))) return;
    const entry = await this.readEntry(path);
    if (entry) this.applyChanges([[path, entry]], []);
    else this.remove(path);
  }

  /** Drops a deleted record, or every record under a deleted folder. */
  remove(path: string): void {
    if (this.entries.has(path)) {
      this.applyChanges([], [path]);
      return;
    }
    this.forgetUnreadableUnder(path);
    const under = this.pathsUnder(path);
    if (under.length > 0) this.applyChanges([], under);
  }

  /** The known records at `path` or below it (every record for ''). */
  private pathsUnder(path: string): string[] {
    return [...this.entries.keys()].filter((known) => path === '' || isInsideFolder(known, path));
  }

  /** Forgets the unreadable folders at `path` or below it: it is gone, or about to be listed again. */
  private forgetUnreadableUnder(path: string): void {
    for (const folder of [...this.unreadable.keys()]) if (path === '' || isInsideFolder(folder, path)) this.unreadable.delete(folder);
  }

  /**
   * The subfolders that could not be listed, with the reason, sorted. Their records are missing from
   * the log, so a check of it is incomplete and a new number may already be taken there.
   */
  unreadableFolders(): Array<{ path: string; reason: string }> {
    return [...this.unreadable]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([path, reason]) => ({ path, reason }));
  }

  /** Every record, by number (records without one last), then by path. Cached until a change. */
  records(): readonly DecisionRecord[] {
    this.sorted ??= [...this.entries.values()].map((entry) => entry.view).sort(compareRecords);
    return this.sorted;
  }

  get(path: string): DecisionRecord | undefined {
    return this.entries.get(path)?.view;
  }

  /** The records carrying a number: more than one when two branches both took it. */
  byNumber(number: number): DecisionRecord[] {
    const paths = this.pathsByNumber.get(number);
    if (!paths) return [];
    return [...paths]
      .sort(compareStrings)
      .map((path) => this.entries.get(path)?.view)
      .filter((record): record is DecisionRecord => record !== undefined);
  }

  /** One past the highest number in use; gaps are never reused, since a number may be cited elsewhere. */
  nextNumber(): number {
    let highest = 0;
    for (const number of this.pathsByNumber.keys()) if (number > highest) highest = number;
    return highest + 1;
  }

  /** Everyone named on any record (sign-off, decision-makers, consulted, informed), each once, sorted. */
  stakeholders(): string[] {
    const names = new Map<string, string>();
    for (const entry of this.entries.values()) {
      for (const name of stakeholdersOf(entry.view)) if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  }

  /** Titles in record order. */
  titles(): string[] {
    return this.records().map((record) => record.title);
  }

  /** The index as JSON-safe data, to store and pass to a later {@link load}. */
  snapshot(): IndexSnapshot {
    const entries: SnapshotEntry[] = [];
    for (const [path, entry] of this.entries) {
      // Records that could not be read or stated are left out, so they are read again next time.
      if (entry.mtime === undefined || entry.size === undefined) continue;
      entries.push({ path, mtime: entry.mtime, size: entry.size, record: storedRecord(entry.parsed) });
    }
    return { version: SNAPSHOT_VERSION, folder: this.folder, entries };
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private applyChanges(changed: Array<[string, Entry]>, removed: string[]): void {
    // The shown record of every path this change may touch, as it was: to patch the sorted list.
    const before = new Map<string, DecisionRecord | undefined>();
    const remember = (path: string): void => {
      if (!before.has(path)) before.set(path, this.entries.get(path)?.view);
    };
    const rememberNumber = (number: number | undefined): void => {
      if (number !== undefined) for (const path of this.pathsByNumber.get(number) ?? []) remember(path);
    };
    const touchedNumbers = new Set<number>();
    const changedPaths = new Set<string>();
    const removedPaths: string[] = [];
    const forget = (path: string): void => {
      const old = this.entries.get(path);
      remember(path);
      if (!old) return;
      rememberNumber(old.parsed.number);
      this.entries.delete(path);
      const number = old.parsed.number;
      if (number !== undefined) {
        this.pathsByNumber.get(number)?.delete(path);
        if (this.pathsByNumber.get(number)?.size === 0) this.pathsByNumber.delete(number);
        touchedNumbers.add(number);
      }
    };
    for (const path of removed) {
      if (!this.entries.has(path)) continue;
      forget(path);
      removedPaths.push(path);
    }
    for (const [path, entry] of changed) {
      forget(path);
      rememberNumber(entry.parsed.number);
      this.entries.set(path, entry);
      changedPaths.add(path);
      if (entry.parsed.number !== undefined) {
        addToSet(this.pathsByNumber, entry.parsed.number, path);
        touchedNumbers.add(entry.parsed.number);
      }
    }
    // A record gaining or losing a duplicate changes the records that share its number too.
    for (const number of touchedNumbers) {
      for (const path of this.deriveViews(number)) changedPaths.add(path);
    }
    if (changedPaths.size === 0 && removedPaths.length === 0) return;
    this.sorted = this.sorted && patchSorted(this.sorted, before, (path) => this.entries.get(path)?.view);
    this.changeEmitter.fire({ changed: [...changedPaths], removed: removedPaths });
  }

  /** Recomputes the shown records of one number from the parsed ones; returns the paths whose view changed. */
  private deriveViews(number: number): string[] {
    const paths = [...(this.pathsByNumber.get(number) ?? [])].sort(compareStrings);
    const changed: string[] = [];
    for (const path of paths) {
      const entry = this.entries.get(path);
      if (!entry) continue;
      const others = paths.filter((other) => other !== path);
      const view = others.length === 0 ? entry.parsed : withDuplicateProblem(entry.parsed, number, others);
      if (!sameProblems(view, entry.view)) changed.push(path);
      entry.view = view;
    }
    return changed;
  }

  /**
   * Stats every path and takes over the snapshot's record of each file whose mtime and size still
   * match, into `loaded`. Returns the paths that must be read: new, changed, or not stated.
   */
  private async reuseUnchanged(paths: readonly string[], snapshot: ReadonlyMap<string, SnapshotEntry>, loaded: Map<string, Entry>): Promise<string[]> {
    const toRead: string[] = [];
    // A plain promise chain per file rather than nested async functions, each of which adds a
    // promise and a turn of the microtask queue: this runs for every record on every re-open.
    await forEachLimited(paths, STAT_CONCURRENCY, (path) => {
      const cached = snapshot.get(path);
      if (!cached) {
        toRead.push(path);
        return Promise.resolve();
      }
      return this.fs.stat(path).then(
        (stat) => {
          if (stat?.type !== 'file' || stat.mtime !== cached.mtime || stat.size !== cached.size) {
            toRead.push(path);
            return;
          }
          const record = restoredRecord(path, cached.record);
          loaded.set(path, { parsed: record, view: record, mtime: stat.mtime, size: stat.size });
        },
        () => {
          toRead.push(path); // reading it tells what is wrong
        },
      );
    });
    return toRead;
  }

  /** Reads and parses `paths`, a few at a time, into `into`; files gone since they were listed are left out. */
  private async readEntries(paths: readonly string[], into = new Map<string, Entry>()): Promise<Map<string, Entry>> {
    await forEachLimited(paths, READ_CONCURRENCY, async (path) => {
      const entry = await this.readEntry(path);
      if (entry) into.set(path, entry);
    });
    return into;
  }

  /**
   * Reads and parses one file, with the mtime and size a later snapshot load compares against.
   * The file system's combined read is used when it has one, else stat and read run side by side
   * to halve the round trips; should the file change between them, the watcher's event re-reads it.
   */
  private async readEntry(path: string): Promise<Entry | undefined> {
    let stat: FileStat | undefined | 'failed';
    let bytes: Uint8Array | Error;
    if (this.fs.readFileWithStat) {
      try {
        const read = await this.fs.readFileWithStat(path);
        [stat, bytes] = [read.stat, read.content];
      } catch (error) {
        [stat, bytes] = ['failed', error instanceof Error ? error : new Error(String(error))];
      }
    } else {
      const statOf = async (): Promise<FileStat | undefined | 'failed'> => {
        try {
          return await this.fs.stat(path);
        } catch {
          return 'failed'; // the read reports what is wrong; without a stat the entry is not cached
        }
      };
      [stat, bytes] = await Promise.all([statOf(), this.readBytes(path)]);
    }
    if (stat === undefined) return undefined; // gone since it was listed
    if (stat !== 'failed' && stat.type !== 'file') return undefined;
    if (bytes instanceof Error) {
      if (bytes instanceof FileSystemError && bytes.code === 'FileNotFound') return undefined;
      const record = unreadableRecord(path, bytes);
      return { parsed: record, view: record };
    }
    const record = readRecordText(path, bytes);
    return stat === 'failed' ? { parsed: record, view: record } : { parsed: record, view: record, mtime: stat.mtime, size: stat.size };
  }

  private async readBytes(path: string): Promise<Uint8Array | Error> {
    try {
      return await this.fs.readFile(path);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }
}

function usableSnapshot(snapshot: IndexSnapshot | undefined, folder: string): Map<string, SnapshotEntry> | undefined {
  if (!snapshot || snapshot.version !== SNAPSHOT_VERSION || snapshot.folder !== folder || !Array.isArray(snapshot.entries)) {
    return undefined;
  }
  // The snapshot is a file in the extension's storage: an entry damaged there is skipped and read again.
  return new Map(snapshot.entries.filter(isSnapshotEntry).map((entry) => [entry.path, entry]));
}

function isSnapshotEntry(entry: unknown): entry is SnapshotEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const { path, mtime, size, record } = entry as Partial<SnapshotEntry>;
  return typeof path === 'string' && Number.isFinite(mtime) && Number.isFinite(size) && typeof record === 'object' && record !== null && !Array.isArray(record);
}

function withDuplicateProblem(record: DecisionRecord, number: number, others: string[]): DecisionRecord {
  const problem: Problem = {
    code: DUPLICATE_NUMBER,
    severity: 'error',
    line: record.titleLine ?? 0,
    message: `Number ${number} is also used by ${others.map(baseName).join(', ')}`,
  };
  return { ...record, problems: [...record.problems, problem] };
}

function sameProblems(a: DecisionRecord, b: DecisionRecord): boolean {
  return a.problems.length === b.problems.length && a.problems.every((problem, index) => problem.message === b.problems[index].message);
}

/** Bytes with a NUL in them are a binary file, not text (git's test too). */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/**
 * Parses a file's bytes as a record. Bytes that are not UTF-8 are read as U+FFFD and reported; a file
 * with NUL bytes is binary (git's test too), and is listed with that error rather than with what its
 * bytes happen to say.
 */
function readRecordText(path: string, bytes: Uint8Array): DecisionRecord {
  if (isBinary(bytes)) {
    return fileOnlyRecord(path, { code: 'binary-file', severity: 'error', message: 'This file is binary, not a markdown record: move it out of the decision folder.' });
  }
  let text: string;
  let encodingProblem: Problem | undefined;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    text = UTF8.decode(bytes);
    encodingProblem = {
      code: 'not-utf8',
      severity: 'warning',
      line: lineOf(text, text.indexOf('\uFFFD')),
      message: 'This file is not UTF-8 text: what could not be read shows as �. Save it as UTF-8.',
    };
  }
  const record = safeParse(path, text);
  if (encodingProblem) record.problems.unshift(encodingProblem);
  return record;
}

function safeParse(path: string, text: string): DecisionRecord {
  try {
    return parseRecord(path, text);
  } catch (error) {
    // parseRecord promises never to throw; if it ever does, the file still shows up, with the reason.
    return unreadableRecord(path, error, 'parse-failed', 'Could not parse');
  }
}

function unreadableRecord(path: string, error: unknown, code = UNREADABLE, what = 'Could not read'): DecisionRecord {
  return fileOnlyRecord(path, { code, severity: 'error', message: `${what} ${path}: ${errorMessage(error)}` });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A record known only by its file name (number and title), with the one problem that says why. */
function fileOnlyRecord(path: string, problem: Problem): DecisionRecord {
  const name = baseName(path);
  return { ...emptyRecord(path, name.replace(/\.[^.]*$/, '')), number: numberFromFileName(name), problems: [problem] };
}

/**
 * A record as a snapshot keeps it: without its path (the entry has it) and without empty lists and
 * false flags, which {@link restoredRecord} fills in again, so there is less JSON to parse when a
 * workspace opens.
 */
function storedRecord(record: DecisionRecord): StoredRecord {
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'path' || value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    stored[key] = value;
  }
  return stored as StoredRecord;
}

/** What storedRecord may leave out, as emptyRecord has it: the one list of a record's defaults. */
const RECORD_DEFAULTS = Object.entries(emptyRecord('', '')).filter(([key]) => key !== 'path');

/**
 * The record a snapshot entry stored, completed in place: the snapshot is parsed JSON that nothing
 * else holds, and filling it in rather than copying it allocates a tenth of the objects, which is
 * most of the time a re-open takes after the file stats.
 */
function restoredRecord(path: string, stored: StoredRecord): DecisionRecord {
  const record = stored as Record<string, unknown>;
  for (const [key, value] of RECORD_DEFAULTS) {
    if (record[key] === undefined) record[key] = Array.isArray(value) ? [] : value;
  }
  record.path = path;
  return record as unknown as DecisionRecord;
}

function isHiddenBelow(path: string, folder: string): boolean {
  const below = path.slice(folder.length).split('/');
  return below.some((segment) => segment.startsWith('.') || segment === 'node_modules');
}

/** Beyond this many records changed at once, sorting the whole list again is as cheap as patching it. */
const PATCH_LIMIT = 64;

/**
 * The sorted record list with the records of `before` replaced by what is shown for their paths
 * now: removed, re-inserted or added at their place by binary search, so one changed file does not
 * sort ten thousand records again. A copy, since callers may still hold the old list. Undefined
 * (sort again when asked) for large changes.
 */
function patchSorted(
  sorted: readonly DecisionRecord[],
  before: ReadonlyMap<string, DecisionRecord | undefined>,
  viewOf: (path: string) => DecisionRecord | undefined,
): DecisionRecord[] | undefined {
  if (before.size > PATCH_LIMIT) return undefined;
  const patched = sorted.slice();
  for (const [path, old] of before) {
    const now = viewOf(path);
    if (now === old) continue;
    if (old) {
      const index = sortedIndex(patched, old);
      if (patched[index] !== old) return undefined; // not where it should be: sort from scratch
      patched.splice(index, 1);
    }
    if (now) patched.splice(sortedIndex(patched, now), 0, now);
  }
  return patched;
}

/** The first index whose record does not sort before `record`. */
function sortedIndex(records: readonly DecisionRecord[], record: DecisionRecord): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareRecords(records[middle], record) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function compareRecords(a: DecisionRecord, b: DecisionRecord): number {
  const byNumber = (a.number ?? Number.POSITIVE_INFINITY) - (b.number ?? Number.POSITIVE_INFINITY);
  if (byNumber !== 0 && !Number.isNaN(byNumber)) return byNumber;
  return compareStrings(a.path, b.path);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function addToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
