import { type PostSignedParameters, postSigned, type SignedResponse } from './postSigned.ts';
import type { TestGateway } from './startTestGateway.ts';

/** `postSigned` to the test gateway, as its app, at its clock's now; `overrides` replace any of that. */
export function postAsTestApp(
  t: TestGateway,
  path: string,
  body: string | Buffer,
  overrides: Partial<PostSignedParameters> = {},
): Promise<SignedResponse> {
  return postSigned({
    baseUrl: t.baseUrl,
    path,
    body,
    appId: t.appId,
    appSecret: t.appSecret,
    timestamp: Math.floor(t.clock.now() / 1000),
    ...overrides,
  });
}
