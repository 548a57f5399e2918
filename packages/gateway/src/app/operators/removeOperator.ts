import { parseOperatorName } from '../../core/operators/parseOperatorName.ts';
import type { OperatorActor, OperatorDeps } from './OperatorDeps.ts';

/** Removes an operator, ending its sessions at once; false when there is no such operator. */
export async function removeOperator(
  deps: Pick<OperatorDeps, 'operators' | 'audit' | 'clock'>,
  p: { readonly name: string; readonly actor: OperatorActor },
): Promise<boolean> {
  const parsed = parseOperatorName(p.name);
  const operator = parsed.ok ? await deps.operators.findOperatorByName(parsed.name) : null;
  if (operator === null || !(await deps.operators.removeOperator(operator.operatorId))) return false;
  await deps.audit.record({
    ...p.actor,
    action: 'operator.remove',
    target: operator.name,
    details: {},
    atMs: deps.clock.now(),
  });
  return true;
}
