/** How a stop ended: everything finished, or the grace period (or a second signal) cut it short. */
export type StopOutcome = 'stopped' | 'forced';

/**
 * Resolves after SIGINT or SIGTERM arrived and `stop` finished: a graceful shutdown. When `stop`
 * takes longer than `graceMs`, or a second signal arrives meanwhile, it resolves `'forced'` at once
 * without waiting for it: the caller exits anyway. A failed `stop` rejects.
 */
export function stopOnSignals(stop: () => Promise<void>, graceMs = Number.POSITIVE_INFINITY): Promise<StopOutcome> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', onSecondSignal);
      process.once('SIGTERM', onSecondSignal);
      if (Number.isFinite(graceMs)) timer = setTimeout(() => resolve('forced'), graceMs);
      stop()
        .then(() => resolve('stopped'), reject)
        .finally(() => {
          clearTimeout(timer);
          process.off('SIGINT', onSecondSignal);
          process.off('SIGTERM', onSecondSignal);
        });
    };
    const onSecondSignal = () => resolve('forced');
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
