import { OPERATOR_LINK_LIFETIME_MS, type OperatorDeps, type OperatorLink } from './OperatorDeps.ts';

/** Stores a new set-password link of an operator (its token hashed) and returns it, once. */
export async function issueOperatorLink(
  deps: Pick<OperatorDeps, 'operators' | 'clock' | 'ids'>,
  operatorId: string,
): Promise<OperatorLink> {
  const token = deps.ids.createToken();
  const nowMs = deps.clock.now();
  const expiresAtMs = nowMs + OPERATOR_LINK_LIFETIME_MS;
  await deps.operators.insertLink({ token, operatorId, createdAtMs: nowMs, expiresAtMs });
  return { token, expiresAtMs };
}
