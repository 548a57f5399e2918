/** A signal that aborts `graceMs` after `signal` does: attempts still in flight then are cut short. */
export function cutAfterStop(signal: AbortSignal, graceMs: number): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    timer = setTimeout(() => controller.abort(), graceMs);
  };
  if (signal.aborted) arm();
  else signal.addEventListener('abort', arm, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', arm);
    },
  };
}
