import { SANDBOX_SWEEP_PATH, type SandboxSweepState } from './SandboxSweepState.ts';

export type SandboxSweepPanelProps = { readonly state: SandboxSweepState };

/**
 * The inbox page's sweep panel: a plain form post (the page runs no script), and the result of
 * the last sweep, which may quote what an RPC answered (text, escaped by the renderer).
 */
export function SandboxSweepPanel({ state }: SandboxSweepPanelProps) {
  const last = state.lastResult;
  const at = last === null ? '' : new Date(last.atMs).toISOString();
  return (
    <section class="dev-wallet" aria-labelledby="sweep-title">
      <h2 id="sweep-title">Sweep deposits</h2>
      <p class="dev-note">
        Moves every paid deposit address’s tokens and ether to the sandbox test account, as{' '}
        <code>kassa sweep --execute</code> does (EIP-7702, gas paid by anvil’s account 0).
      </p>
      {state.isRunning ? (
        <p class="dev-note">A sweep is running…</p>
      ) : (
        <form class="dev-actions" method="post" action={SANDBOX_SWEEP_PATH}>
          <button type="submit">Sweep to the test account</button>
        </form>
      )}
      {last === null ? null : (
        <p class={last.isError ? 'bad' : 'ok'} id="sweep-result">
          {last.text} <time datetime={at}>({at})</time>
        </p>
      )}
    </section>
  );
}
