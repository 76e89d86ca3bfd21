/** A wait of `ms` that an abort ends at once, rejecting with the signal's reason (as an Error). */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    // An abort reason is any value: rejected as an Error all the same.
    const aborted = () => (signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    // A signal aborted already never fires 'abort' again.
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    // The listener goes with the wait: a request's signal outlives many pauses.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
