/** A wait of `ms` that an abort ends at once, rejecting with the signal's reason (as an Error). */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      // An abort reason is any value: rejected as an Error all the same.
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    // The listener goes with the wait: a request's signal outlives many pauses.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
