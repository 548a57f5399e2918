import type { FastifyRequest } from 'fastify';

/** The signed-in operator of a console request, set by the session guard. */
export type ConsoleSession = {
  readonly sessionId: string;
  readonly operatorId: string;
  readonly operatorName: string;
  /** Every form of the session carries it back (`_csrf`); the guard refuses a POST without it. */
  readonly csrfToken: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Null outside the guarded console pages. */
    consoleSession: ConsoleSession | null;
  }
}

/** The session of a request the guard let through; a page behind the guard always has one. */
export function getConsoleSession(request: FastifyRequest): ConsoleSession {
  const session = request.consoleSession;
  if (session === null) throw new Error('console page reached without a session: is it behind the guard?');
  return session;
}
