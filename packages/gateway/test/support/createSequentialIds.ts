import type { IdSource } from '../../src/core/ports.ts';

/** Ids that count up: `00000000000000000000000000000000N`, tokens `token-N`, secrets `secret-…-N`. */
export function createSequentialIds(): IdSource {
  let n = 0;
  return {
    createId: () => String(++n).padStart(33, '0'),
    createToken: () => `token${String(++n).padStart(27, '0')}`,
    createSecret: () => `secret${String(++n).padStart(34, '0')}`,
  };
}
