/** Runs the sandbox sweep to the test account; resolves to a one-line result for the page. */
export type SandboxSweep = () => Promise<string>;

/** What the inbox page shows about the sweep button: the last result, and whether one runs now. */
export type SandboxSweepState = {
  lastResult: { readonly text: string; readonly isError: boolean; readonly atMs: number } | null;
  isRunning: boolean;
};

/** Where the inbox page's "Sweep to the test account" button posts. */
export const SANDBOX_SWEEP_PATH = '/dev/sweep';
