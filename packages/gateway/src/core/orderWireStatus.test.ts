// Guards against a wire status string drifting from the contract or a paid status being treated as unpaid.
import { describe, expect, it } from 'vitest';
import { isOrderWireStatus, isPaidStatus, ORDER_WIRE_STATUSES } from './orderWireStatus.ts';

describe('ORDER_WIRE_STATUSES', () => {
  it('spells exactly the eight statuses of spec §6', () => {
    expect(ORDER_WIRE_STATUSES).toEqual([
      'Pending',
      'Expired',
      'Underpayment',
      'Underpayment (Overdue)',
      'Successful',
      'Paid (Overdue)',
      'Overpayment',
      'Overpayment (Overdue)',
    ]);
  });
});

describe('isPaidStatus', () => {
  it.each([
    ['Pending', false],
    ['Expired', false],
    ['Underpayment', false],
    ['Underpayment (Overdue)', false],
    ['Successful', true],
    ['Paid (Overdue)', true],
    ['Overpayment', true],
    ['Overpayment (Overdue)', true],
  ] as const)('%s → %s', (status, expected) => {
    expect(isPaidStatus(status)).toBe(expected);
  });
});

describe('isOrderWireStatus', () => {
  it('accepts the wire spellings only', () => {
    for (const status of ORDER_WIRE_STATUSES) expect(isOrderWireStatus(status)).toBe(true);
    for (const text of ['', 'pending', 'Paid', 'Overdue', 'Successful ', 'Underpayment(Overdue)']) {
      expect(isOrderWireStatus(text)).toBe(false);
    }
  });
});
