// Guards against a status spelled differently from the v1 table, or stored text read back as another status.
import { ORDER_STATUSES as WIRE_STATUSES } from '@kassa/sdk';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../core/OrderStatus.ts';
import { parseOrderWireStatus } from './parseOrderWireStatus.ts';
import { toOrderWireStatus } from './toOrderWireStatus.ts';

describe('toOrderWireStatus', () => {
  it('spells the eight statuses of spec §6, in table order', () => {
    expect(ORDER_STATUSES.map(toOrderWireStatus)).toEqual([
      'Pending',
      'Expired',
      'Underpayment',
      'Underpayment (Overdue)',
      'Successful',
      'Paid (Overdue)',
      'Overpayment',
      'Overpayment (Overdue)',
    ]);
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
