// Risk: a known-device mark that can be forged, moved to another name or kept past its expiry,
// letting a browser past the lock of a name it never signed in under.
import { describe, expect, it } from 'vitest';
import { createKnownDevices, formatKnownDeviceCookie, KNOWN_DEVICE_MS } from './knownDevices.ts';

const NOW_MS = Date.UTC(2026, 11, 3);
const devices = createKnownDevices(new Uint8Array(32).fill(7));

describe('createKnownDevices', () => {
  it('recognizes its own mark for the same name until it expires', () => {
    const mark = devices.issue('frank', NOW_MS);
    expect(devices.recognizes(mark, 'frank', NOW_MS + KNOWN_DEVICE_MS - 1)).toBe(true);
    expect(devices.recognizes(mark, 'frank', NOW_MS + KNOWN_DEVICE_MS)).toBe(false);
  });

  it('refuses a mark for another name, under another master key, altered, or malformed', () => {
    const mark = devices.issue('frank', NOW_MS);
    const [name, expiry, mac] = mark.split('.') as [string, string, string];
    const otherKey = createKnownDevices(new Uint8Array(32).fill(8)).issue('frank', NOW_MS);
    const refused = [
      devices.recognizes(mark, 'grace', NOW_MS),
      devices.recognizes(otherKey, 'frank', NOW_MS),
      devices.recognizes(`${name}.${Number(expiry) + 1}.${mac}`, 'frank', NOW_MS),
      devices.recognizes(`${Buffer.from('grace').toString('base64url')}.${expiry}.${mac}`, 'grace', NOW_MS),
      devices.recognizes(`${mark}.x`, 'frank', NOW_MS),
      devices.recognizes('', 'frank', NOW_MS),
      devices.recognizes(undefined, 'frank', NOW_MS),
    ];
    expect(refused).toEqual([false, false, false, false, false, false, false]);
  });

  it('sends the mark to the sign-in pages alone, kept from scripts and other sites', () => {
    expect(formatKnownDeviceCookie('v', true)).toBe(
      'kassa_console_device=v; Path=/console/sign-in; HttpOnly; SameSite=Strict; Max-Age=15552000; Secure',
    );
  });
});
