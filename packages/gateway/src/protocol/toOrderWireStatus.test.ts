// Guards against a status spelled differently from the v1 table, or stored text read back as another status.
import { ORDER_STATUSES as WIRE_STATUSES } from '@kassa/sdk';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../core/OrderStatus.ts';
import { parseOrderWireStatus } from './parseOrderWireStatus.ts';
import { toOrderWireStatus } from './toOrderWireStatus.ts';

/** Spec §6, in table order: each domain status and the one spelling merchants compare against. */
const SPELLINGS: readonly (readonly [OrderStatus, string])[] = [
  [{ funds: 'none', isOpen: true }, 'Pending'],
  [{ funds: 'none', isOpen: false }, 'Expired'],
  [{ funds: 'part', isOverdue: false }, 'Underpayment'],
  [{ funds: 'part', isOverdue: true }, 'Underpayment (Overdue)'],
  [{ funds: 'full', isOverdue: false }, 'Successful'],
  [{ funds: 'full', isOverdue: true }, 'Paid (Overdue)'],
  [{ funds: 'more', isOverdue: false }, 'Overpayment'],
  [{ funds: 'more', isOverdue: true }, 'Overpayment (Overdue)'],
];

describe('toOrderWireStatus', () => {
  it.each(SPELLINGS)('spells %o as %s', (status, wire) => {
    expect(toOrderWireStatus(status)).toBe(wire);
  });

  it('covers the eight statuses of spec §6, in the order of the wire table', () => {
    expect(SPELLINGS.map(([status]) => status)).toEqual(ORDER_STATUSES);
    expect(ORDER_STATUSES.map(toOrderWireStatus)).toEqual(WIRE_STATUSES);
  });
});

describe('parseOrderWireStatus', () => {
  it('reads every wire spelling back to the status it came from', () => {
    for (const status of ORDER_STATUSES) expect(parseOrderWireStatus(toOrderWireStatus(status))).toEqual(status);
  });

  it('reads nothing else', () => {
    for (const text of ['', 'pending', 'Paid', 'Overdue', 'Successful ', 'Underpayment(Overdue)']) {
      expect(parseOrderWireStatus(text)).toBeUndefined();
    }
  });
});
