/**
 * `promise`, or a rejection naming `what` once `ms` have passed: a step that hangs then fails on its
 * own name instead of as the hook's anonymous timeout.
 */
export async function withinMs<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
