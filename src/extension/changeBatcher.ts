/**
 * Collects file events for a short while and hands them over as one batch. A `git checkout` or a
 * formatter touching fifty records then costs one index update and one tree refresh, not fifty.
 */

/** What happened to a path during a batch; the last event for a path wins. */
export type PathChange = 'changed' | 'deleted';

export interface ChangeBatch {
  readonly changed: string[];
  readonly deleted: string[];
}

/** Long enough to gather a checkout's burst of events, short enough to feel immediate. */
export const BATCH_DELAY_MS = 75;

export class ChangeBatcher {
  private pending = new Map<string, PathChange>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private paused = true;

  constructor(
    private readonly flush: (batch: ChangeBatch) => void,
    private readonly delay = BATCH_DELAY_MS,
  ) {}

  add(path: string, change: PathChange): void {
    // Delete it first so the map's order follows the latest event.
    this.pending.delete(path);
    this.pending.set(path, change);
    this.schedule();
  }

  /** True while events wait to be handed over. */
  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Holds batches back (while the log's first load runs) but keeps collecting. */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  dispose(): void {
    this.cancelTimer();
    this.pending.clear();
    this.paused = true;
  }

  private schedule(): void {
    if (this.paused || this.timer !== undefined || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const entries = [...this.pending];
      this.pending.clear();
      this.flush({
        changed: entries.filter(([, change]) => change === 'changed').map(([path]) => path),
        deleted: entries.filter(([, change]) => change === 'deleted').map(([path]) => path),
      });
    }, this.delay);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
