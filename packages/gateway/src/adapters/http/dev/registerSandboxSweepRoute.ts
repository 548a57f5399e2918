import type { FastifyInstance } from 'fastify';
import { SANDBOX_SWEEP_PATH, type SandboxSweep, type SandboxSweepState } from './SandboxSweepState.ts';

export type RegisterSandboxSweepRouteOptions = {
  readonly sweep: SandboxSweep;
  /** Shared with the inbox page, which shows the result. */
  readonly state: SandboxSweepState;
  readonly clock: { now(): number };
};

/** Longest error text shown on the page: an RPC error can run to pages. */
const MAX_MESSAGE_LENGTH = 300;

/**
 * `POST /dev/sweep`: runs the sandbox sweep in this process and sends the browser back to the
 * inbox (303) where the result shows; JSON for scripts. One sweep at a time: a second press while
 * one runs is answered 409. Cross-site posts are refused like the wallet's.
 */
export function registerSandboxSweepRoute(
  fastify: FastifyInstance,
  { sweep, state, clock }: RegisterSandboxSweepRouteOptions,
) {
  fastify.post(SANDBOX_SWEEP_PATH, async (request, reply) => {
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return reply
        .code(403)
        .send(wantsJson ? { error: 'cross-site form posts are refused' } : 'cross-site form posts are refused');
    }
    if (state.isRunning) {
      return reply.code(409).send(wantsJson ? { error: 'a sweep is already running' } : 'a sweep is already running');
    }
    state.isRunning = true;
    try {
      state.lastResult = { text: await sweep(), isError: false, atMs: clock.now() };
    } catch (error) {
      request.log.error({ err: error }, 'sandbox sweep failed');
      const message = (error as Error).message.split('\n')[0] ?? 'unknown error';
      state.lastResult = {
        text: `Sweep failed: ${message.slice(0, MAX_MESSAGE_LENGTH)}`,
        isError: true,
        atMs: clock.now(),
      };
    } finally {
      state.isRunning = false;
    }
    const { text, isError } = state.lastResult;
    if (wantsJson) return reply.code(isError ? 500 : 200).send(isError ? { error: text } : { result: text });
    return reply.code(303).header('location', '/dev/inbox#sweep-result').send();
  });
}
