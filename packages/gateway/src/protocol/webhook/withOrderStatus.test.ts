// Guards against a re-stamped webhook body that changes anything but order_status (key order included).
import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../core/OrderStatus.ts';
import { withOrderStatus } from './withOrderStatus.ts';

const SUCCESSFUL: OrderStatus = { funds: 'full', isOverdue: false };
const EXPIRED: OrderStatus = { funds: 'none', isOpen: false };

describe('withOrderStatus', () => {
  it('replaces order_status in place and keeps every other byte of meaning and the key order', () => {
    const body = JSON.stringify({ pay_status: 'failed', order_status: 'Pending', extend: { custom_value: 'é"' } });
    const stamped = withOrderStatus(body, SUCCESSFUL);
    expect(stamped).toBe('{"pay_status":"failed","order_status":"Successful","extend":{"custom_value":"é\\""}}');
  });

  it('returns the same text when the status is already current', () => {
    const body = '{"order_status":"Expired", "x": 1}';
    expect(withOrderStatus(body, EXPIRED)).toBe(body);
  });

  it.each(['not json', '[1,2]', 'null', '"text"', '{"no_status":1}', '{"order_status":5}'])(
    'leaves %s as it is',
    (body) => {
      expect(withOrderStatus(body, SUCCESSFUL)).toBe(body);
    },
  );
});
