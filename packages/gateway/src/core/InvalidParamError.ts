import { KassaError } from './KassaError.ts';

/** A request field that breaks a rule; the message names the field and the rule. */
export class InvalidParamError extends KassaError {
  override readonly name = 'InvalidParamError';
  readonly field: string;

  constructor({ field, rule }: { field: string; rule: string }) {
    super({ code: 'invalid_param', message: `${field}: ${rule}` });
    this.field = field;
  }
}
