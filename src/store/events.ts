// A small event emitter for the layers that must not import vscode (src/store). Its `event` has the shape of
// vscode.Event (a function taking a listener, returning something to dispose), so trees and commands subscribe
// to the store exactly as they subscribe to VS Code's own events.

export interface Subscription {
  dispose(): void;
}

/** Subscribes `listener`; dispose the result to unsubscribe. */
export type Event<T> = (listener: (e: T) => void) => Subscription;

export class Emitter<T> {
  private readonly listeners = new Set<(e: T) => void>();
  private disposed = false;

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return { dispose: () => undefined };
    // a wrapper per subscription, so that one listener subscribed twice is two subscriptions
    const entry = (e: T) => listener(e);
    this.listeners.add(entry);
    return { dispose: () => { this.listeners.delete(entry); } };
  };

  /** Calls every listener; one listener's exception neither stops the others nor reaches the caller. */
  fire(e: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // a listener's failure is not the emitter's
      }
    }
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
