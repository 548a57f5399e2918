import type { DueDelivery } from '../../core/ports.ts';
import { originOf } from './originOf.ts';

export type CreateOriginSlotsParameters = {
  /** Attempts one endpoint origin may have running at once (`webhooks.perEndpointConcurrency`). */
  readonly perOriginConcurrency: number;
  /** Deliveries leased per slot: the one running and those waiting behind it. */
  readonly leasesPerSlot: number;
  /** Most URLs `listSaturatedUrls` returns: past this the scan query would outgrow itself. */
  readonly maxSaturatedUrls: number;
};

/** What each endpoint origin holds of the leased deliveries, and what it can still take. */
export type OriginSlots = {
  /** Counts a leased delivery to `url` against its origin. */
  hold(url: string): void;
  /** Forgets a delivery; true when that made its origin refillable (the moment to read the queue). */
  release(url: string): boolean;
  /** How many more deliveries the origin may hold. */
  getRoom(origin: string): number;
  /** Whether the origin of `url` holds no more than its refill mark: no answer will ask for a refill. */
  isAtRefillMark(url: string): boolean;
  /** URLs of origins too full to refill: the queue scan skips them. */
  listSaturatedUrls(): string[];
  /** The ids of the due deliveries that fit: at most `freeSlots`, none past its origin's room. */
  pickFitting(due: readonly DueDelivery[], freeSlots: number): string[];
};

type OriginEntry = { count: number; readonly urls: Map<string, number> };

/**
 * Per-origin bookkeeping of leased deliveries, so a dead endpoint holds its own few leases and
 * nothing else. An origin is refilled once its waiting half has drained, so a refill brings a
 * batch, not a row.
 */
export function createOriginSlots({
  perOriginConcurrency,
  leasesPerSlot,
  maxSaturatedUrls,
}: CreateOriginSlotsParameters): OriginSlots {
  const maxHeldPerOrigin = leasesPerSlot * perOriginConcurrency;
  const refillBelow = maxHeldPerOrigin - perOriginConcurrency;
  // The deliveries held by origin, with the URLs they post to.
  const byOrigin = new Map<string, OriginEntry>();
  const countHeld = (origin: string): number => byOrigin.get(origin)?.count ?? 0;
  return {
    hold(url) {
      const origin = originOf(url);
      let entry = byOrigin.get(origin);
      if (entry === undefined) {
        entry = { count: 0, urls: new Map() };
        byOrigin.set(origin, entry);
      }
      entry.count++;
      entry.urls.set(url, (entry.urls.get(url) ?? 0) + 1);
    },
    release(url) {
      const origin = originOf(url);
      const entry = byOrigin.get(origin);
      if (entry === undefined) return false;
      entry.count--;
      const left = (entry.urls.get(url) ?? 1) - 1;
      if (left <= 0) entry.urls.delete(url);
      else entry.urls.set(url, left);
      if (entry.count <= 0) byOrigin.delete(origin);
      return entry.count === refillBelow;
    },
    getRoom: (origin) => maxHeldPerOrigin - countHeld(origin),
    isAtRefillMark: (url) => countHeld(originOf(url)) <= refillBelow,
    listSaturatedUrls() {
      const urls: string[] = [];
      for (const entry of byOrigin.values()) {
        if (entry.count <= refillBelow) continue;
        for (const url of entry.urls.keys()) urls.push(url);
      }
      return urls.slice(0, maxSaturatedUrls);
    },
    pickFitting(due, freeSlots) {
      const picked: string[] = [];
      const pickedByOrigin = new Map<string, number>();
      for (const candidate of due) {
        if (picked.length >= freeSlots) break;
        const origin = originOf(candidate.url);
        const pickedHere = pickedByOrigin.get(origin) ?? 0;
        if (countHeld(origin) + pickedHere >= maxHeldPerOrigin) continue;
        pickedByOrigin.set(origin, pickedHere + 1);
        picked.push(candidate.deliveryId);
      }
      return picked;
    },
  };
}
