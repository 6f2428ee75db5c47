/**
 * A tiny typed event emitter with the same shape as `vscode.Event`, so core models can announce
 * changes without importing the editor, and the extension can pass their events straight on.
 */

export interface Disposable {
  dispose(): void;
}

/** Subscribe with a listener; dispose the returned handle to unsubscribe. */
export type Event<T> = (listener: (event: T) => void) => Disposable;

export class Emitter<T> {
  private listeners = new Set<(event: T) => void>();
  private disposed = false;

  /** The subscription function to hand out; the emitter itself stays private to its owner. */
  readonly event: Event<T> = (listener) => {
    if (this.disposed) return { dispose: () => undefined };
    // Wrap so the same function subscribed twice is called twice and unsubscribes independently.
    const entry = (event: T): void => listener(event);
    this.listeners.add(entry);
    return { dispose: () => this.listeners.delete(entry) };
  };

  /** Calls every listener; one listener throwing does not keep the others from hearing the event. */
  fire(event: T): void {
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'Several event listeners failed');
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
