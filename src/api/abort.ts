// Abort plumbing shared by the HTTP path and the pagers: abortable waits and linked controllers.

import { ApiError } from './errors';

/** The error every cancelled call rejects with. */
export function cancelledError(): ApiError {
  return new ApiError('cancelled', 'The request was cancelled.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** Resolves after `ms`, or rejects with ApiError('cancelled') as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A controller that aborts when `parent` aborts (or when aborted itself). `dispose()` detaches it from the
 * parent so long-lived signals do not collect listeners.
 */
export function linkedController(parent: AbortSignal | undefined): { controller: AbortController; dispose(): void } {
  const controller = new AbortController();
  if (!parent) return { controller, dispose() {} };
  if (parent.aborted) {
    controller.abort();
    return { controller, dispose() {} };
  }
  const onAbort = () => controller.abort();
  parent.addEventListener('abort', onAbort, { once: true });
  return { controller, dispose: () => parent.removeEventListener('abort', onAbort) };
}
