/**
 * Whether the files records name as data sources exist. Validation asks synchronously, so the
 * answers are fetched beforehand (one stat per path, in parallel) and kept for a short while:
 * re-validating after every keystroke-save must not stat every data source of the log again.
 */
import type { FileSystem } from './fileSystem';
import type { DecisionRecord } from './record';

/** How long a stat result is trusted; files named as data sources rarely come and go. */
const FRESH_MS = 5000;

export class DataSourceFiles {
  /** Answers per file system: each workspace folder's paths are its own (`research/a.csv` in A is not B's). */
  private readonly knownByFs = new WeakMap<FileSystem, Map<string, { exists: boolean; checked: number }>>();

  /** Stats every data-source path of `records` not checked recently in `fs`. */
  async prefetch(fs: FileSystem, records: readonly DecisionRecord[]): Promise<void> {
    const known = this.knownIn(fs);
    const now = Date.now();
    const stale = new Set<string>();
    for (const record of records) {
      for (const source of record.dataSources) {
        const path = source.path?.trim();
        if (!path) continue;
        const answer = known.get(path);
        if (!answer || now - answer.checked > FRESH_MS) stale.add(path);
      }
    }
    await Promise.all(
      [...stale].map(async (path) => {
        let exists: boolean;
        try {
          exists = (await fs.stat(normalize(path))) !== undefined;
        } catch {
          // A path the file system rejects (outside the folder, odd characters) cannot be a file of the repository.
          exists = false;
        }
        known.set(path, { exists, checked: now });
      }),
    );
  }

  /** The answer prefetched in `fs`; a path never prefetched counts as existing, so nothing is reported on a guess. */
  exists(fs: FileSystem, path: string): boolean {
    return this.knownByFs.get(fs)?.get(path.trim())?.exists ?? true;
  }

  private knownIn(fs: FileSystem): Map<string, { exists: boolean; checked: number }> {
    let known = this.knownByFs.get(fs);
    if (!known) this.knownByFs.set(fs, (known = new Map()));
    return known;
  }
}

/** `./research/a.md` and `/research/a.md` both name a file relative to the repository root. */
function normalize(path: string): string {
  return path.replace(/^(?:\.\/|\/)+/, '');
}
