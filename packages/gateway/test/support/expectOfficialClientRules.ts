import { expect } from 'vitest';
import { isSignedByApp } from './isSignedByApp.ts';
import type { SignedResponse } from './postSigned.ts';

/**
 * Spec §2, as the official clients check a reply: JSON content type, signed by the app over the
 * exact bytes, and those bytes are what `JSON.stringify` writes back (the Node SDKs verify over
 * `JSON.stringify(JSON.parse(body))`).
 */
export function expectOfficialClientRules(
  response: SignedResponse,
  app: { readonly appId: string; readonly appSecret: string },
): void {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(JSON.stringify(JSON.parse(response.text))).toBe(response.text);
  expect(response.headers.get('appid')).toBe(app.appId);
  expect(isSignedByApp(response, app)).toBe(true);
}
