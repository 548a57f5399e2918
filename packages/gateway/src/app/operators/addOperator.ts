import { parseOperatorName } from '../../core/operators/parseOperatorName.ts';
import { issueOperatorLink } from './issueOperatorLink.ts';
import type { OperatorActor, OperatorDeps, OperatorLink } from './OperatorDeps.ts';

export type AddOperatorResult =
  | { readonly ok: true; readonly operatorId: string; readonly name: string; readonly link: OperatorLink }
  | { readonly ok: false; readonly reason: 'invalid_name' | 'name_taken' };

/** Adds an operator without a password and returns the one-time link that sets it. */
export async function addOperator(
  deps: OperatorDeps,
  p: { readonly name: string; readonly actor: OperatorActor },
): Promise<AddOperatorResult> {
  const parsed = parseOperatorName(p.name);
  if (!parsed.ok) return { ok: false, reason: 'invalid_name' };
  const operatorId = deps.ids.createId();
  const nowMs = deps.clock.now();
  const inserted = await deps.operators.insertOperator({ operatorId, name: parsed.name, createdAtMs: nowMs });
  if (!inserted) return { ok: false, reason: 'name_taken' };
  const link = await issueOperatorLink(deps, operatorId);
  await deps.audit.record({ ...p.actor, action: 'operator.add', target: parsed.name, details: {}, atMs: nowMs });
  return { ok: true, operatorId, name: parsed.name, link };
}
