// Risk: the live stream resends unchanged views on every poll, misses a countdown that drifted, or judges drift by a clock the gateway does not use.
import { describe, expect, it } from 'vitest';
import { createLiveEventWriter, TIMER_DRIFT_MS } from './createLiveEventWriter.ts';
import type { LivePayload } from './toLivePayload.ts';

const payload = (version: string, remainingMs: number): LivePayload => ({
  version,
  status: 'Pending',
  view: 'awaiting',
  html: `<p>${version}</p>`,
  announce: '',
  showTimer: true,
  remainingMs,
  redirectUrl: null,
});

function setUp() {
  let nowMs = Date.UTC(2026, 10, 20, 12);
  const events: LivePayload[] = [];
  const write = createLiveEventWriter({
    clock: { now: () => nowMs },
    write: (chunk) => {
      const match = /^event: state\ndata: (.*)\n\n$/.exec(chunk);
      if (match === null) throw new Error(`not a state event: ${chunk}`);
      events.push(JSON.parse(match[1] as string) as LivePayload);
    },
  });
  return { write, events, advance: (ms: number) => (nowMs += ms) };
}

describe('createLiveEventWriter', () => {
  it('sends the first view, then only views whose version changed', () => {
    const s = setUp();
    s.write(payload('a', 60_000));
    s.write(payload('a', 60_000));
    s.write(payload('b', 60_000));
    expect(s.events.map((e) => e.version)).toEqual(['a', 'b']);
    expect(s.events[1]).toEqual(payload('b', 60_000));
  });

  it('counts the time left down on the injected clock: a clock jump alone is no drift', () => {
    const s = setUp();
    s.write(payload('a', 60_000));
    // The gateway's clock moved 30 s and the server's time left with it: what the script shows still holds.
    s.advance(30_000);
    s.write(payload('a', 30_000));
    s.advance(29_000);
    s.write(payload('a', 1000 + TIMER_DRIFT_MS));
    expect(s.events).toHaveLength(1);
  });

  it('resends an unchanged view once the time left drifts from the countdown by more than the limit', () => {
    const s = setUp();
    s.write(payload('a', 60_000));
    s.advance(10_000);
    s.write(payload('a', 50_000 + TIMER_DRIFT_MS + 1));
    expect(s.events.map((e) => e.remainingMs)).toEqual([60_000, 50_000 + TIMER_DRIFT_MS + 1]);
    // The countdown restarts from what was just sent.
    s.advance(5000);
    s.write(payload('a', 45_000 + TIMER_DRIFT_MS + 1));
    expect(s.events).toHaveLength(2);
  });

  it('never expects less than zero time left', () => {
    const s = setUp();
    s.write(payload('a', 1000));
    s.advance(60_000);
    s.write(payload('a', 0));
    s.write(payload('a', TIMER_DRIFT_MS + 1));
    expect(s.events.map((e) => e.remainingMs)).toEqual([1000, TIMER_DRIFT_MS + 1]);
  });
});
