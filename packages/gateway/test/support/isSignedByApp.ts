import { verifySign } from '@kassa/sdk';

/** True when a reply names the app in `Appid` and its `Sign` holds over the exact bytes sent (spec §2). */
export function isSignedByApp(
  reply: { readonly headers: Headers; readonly text: string },
  app: { readonly appId: string; readonly appSecret: string },
): boolean {
  if (reply.headers.get('appid') !== app.appId) return false;
  return verifySign({
    appId: app.appId,
    appSecret: app.appSecret,
    timestamp: reply.headers.get('timestamp') ?? '',
    body: reply.text,
    sign: reply.headers.get('sign') ?? '',
  });
}
