import { escapeHtml as esc } from '../checkout/escapeHtml.ts';
import { SANDBOX_SWEEP_PATH, type SandboxSweepState } from './SandboxSweepState.ts';

/**
 * The inbox page's sweep panel: a plain form post (the page runs no script), and the result of
 * the last sweep. Escaped: an error message may quote what an RPC answered.
 */
export function renderSandboxSweepPanel(state: SandboxSweepState): string {
  const last = state.lastResult;
  const result =
    last === null
      ? ''
      : `<p class="${last.isError ? 'bad' : 'ok'}" id="sweep-result">${esc(last.text)} <time datetime="${new Date(last.atMs).toISOString()}">(${new Date(last.atMs).toISOString()})</time></p>`;
  const button = state.isRunning
    ? '<p class="dev-note">A sweep is running…</p>'
    : `<form class="dev-actions" method="post" action="${SANDBOX_SWEEP_PATH}"><button type="submit">Sweep to the test account</button></form>`;
  return (
    '<section class="dev-wallet" aria-labelledby="sweep-title"><h2 id="sweep-title">Sweep deposits</h2>' +
    '<p class="dev-note">Moves every paid deposit address’s tokens and ether to the sandbox test account, ' +
    'as <code>kassa sweep --execute</code> does (EIP-7702, gas paid by anvil’s account 0).</p>' +
    `${button}${result}</section>`
  );
}
