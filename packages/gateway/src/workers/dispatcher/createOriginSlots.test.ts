// Guards against one endpoint taking more than its share of leases, and refills that come a row at a time.
import { describe, expect, it } from 'vitest';
import { createOriginSlots } from './createOriginSlots.ts';

const A = 'http://a.example:8080';
const B = 'https://b.example';

const create = () => createOriginSlots({ perOriginConcurrency: 2, leasesPerSlot: 2, maxSaturatedUrls: 3 });

describe('createOriginSlots', () => {
  it('counts all paths of one origin together', () => {
    const slots = create();
    slots.hold(`${A}/one`);
    slots.hold(`${A}/two?x=1`);
    expect(slots.getRoom(A)).toBe(2);
    expect(slots.getRoom(B)).toBe(4);
  });

  it('reports an origin refillable exactly when its waiting half has drained', () => {
    const slots = create();
    for (let i = 0; i < 4; i++) slots.hold(`${A}/hook`);
    expect(slots.release(`${A}/hook`)).toBe(false);
    expect(slots.release(`${A}/hook`)).toBe(true);
    expect(slots.release(`${A}/hook`)).toBe(false);
    expect(slots.release(`${A}/hook`)).toBe(false);
    expect(slots.getRoom(A)).toBe(4);
    // Releasing what was never held changes nothing.
    expect(slots.release(`${B}/hook`)).toBe(false);
  });

  it('says when an origin sits at or below its refill mark, where no answer will ask for a refill', () => {
    const slots = create();
    expect(slots.isAtRefillMark(`${A}/hook`)).toBe(true);
    for (let i = 0; i < 3; i++) slots.hold(`${A}/hook`);
    expect(slots.isAtRefillMark(`${A}/other`)).toBe(false);
    slots.release(`${A}/hook`);
    expect(slots.isAtRefillMark(`${A}/hook`)).toBe(true);
  });

  it('lists the URLs of origins too full to refill, up to the cap', () => {
    const slots = create();
    for (const path of ['/1', '/2', '/3', '/4']) slots.hold(`${A}${path}`);
    slots.hold(`${B}/hook`);
    expect(slots.listSaturatedUrls()).toEqual([`${A}/1`, `${A}/2`, `${A}/3`]);
    slots.release(`${A}/4`);
    slots.release(`${A}/3`);
    expect(slots.listSaturatedUrls()).toEqual([]);
  });

  it('picks due deliveries within the free slots and each origin room', () => {
    const slots = create();
    for (let i = 0; i < 3; i++) slots.hold(`${A}/hook`);
    const due = [
      { deliveryId: 'a1', url: `${A}/hook` },
      { deliveryId: 'a2', url: `${A}/other` },
      { deliveryId: 'b1', url: `${B}/hook` },
      { deliveryId: 'b2', url: `${B}/hook` },
      { deliveryId: 'b3', url: `${B}/hook` },
    ];
    expect(slots.pickFitting(due, 10)).toEqual(['a1', 'b1', 'b2', 'b3']);
    expect(slots.pickFitting(due, 2)).toEqual(['a1', 'b1']);
  });

  it('keys an unparsable URL by itself', () => {
    const slots = create();
    slots.hold('not a url');
    expect(slots.getRoom('not a url')).toBe(3);
  });
});
