import { parseOperatorName } from '../../core/operators/parseOperatorName.ts';
import { issueOperatorLink } from './issueOperatorLink.ts';
import type { OperatorActor, OperatorDeps, OperatorLink } from './OperatorDeps.ts';

export type ResetOperatorResult =
  | { readonly ok: true; readonly name: string; readonly link: OperatorLink }
  | { readonly ok: false; readonly reason: 'not_found' };

/**
 * For an operator who lost their password or phone: clears password and TOTP, ends every
 * session, voids older links, and returns a new set-password link.
 */
export async function resetOperator(
  deps: OperatorDeps,
  p: { readonly name: string; readonly actor: OperatorActor },
): Promise<ResetOperatorResult> {
  const parsed = parseOperatorName(p.name);
  const operator = parsed.ok ? await deps.operators.findOperatorByName(parsed.name) : null;
  if (operator === null) return { ok: false, reason: 'not_found' };
  const nowMs = deps.clock.now();
  await deps.operators.clearCredentials(operator.operatorId, nowMs);
  const link = await issueOperatorLink(deps, operator.operatorId);
  await deps.audit.record({ ...p.actor, action: 'operator.reset', target: operator.name, details: {}, atMs: nowMs });
  return { ok: true, name: operator.name, link };
}
