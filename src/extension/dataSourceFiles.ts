/**
 * Whether the files records name as data sources exist. Validation asks synchronously, so the
 * answers are fetched beforehand (one stat per path, in parallel) and kept for a short while:
 * re-validating after every keystroke-save must not stat every data source of the log again.
 */
import type { FileSystem } from '../core/fileSystem';
import type { DecisionRecord } from '../core/record';

/** How long a stat result is trusted; files named as data sources rarely come and go. */
const FRESH_MS = 5000;

export class DataSourceFiles {
  private readonly known = new Map<string, { exists: boolean; checked: number }>();

  /** Stats every data-source path of `records` not checked recently. */
  async prefetch(fs: FileSystem, records: readonly DecisionRecord[]): Promise<void> {
    const now = Date.now();
    const stale = new Set<string>();
    for (const record of records) {
      for (const source of record.dataSources) {
        const path = source.path?.trim();
        if (!path) continue;
        const known = this.known.get(path);
        if (!known || now - known.checked > FRESH_MS) stale.add(path);
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
        this.known.set(path, { exists, checked: now });
      }),
    );
  }

  /** The prefetched answer; a path never prefetched counts as existing, so nothing is reported on a guess. */
  exists(path: string): boolean {
    return this.known.get(path.trim())?.exists ?? true;
  }
}

/** `./research/a.md` and `/research/a.md` both name a file relative to the repository root. */
function normalize(path: string): string {
  return path.replace(/^(?:\.\/|\/)+/, '');
}
