// Guards against one TRON HTTP API node stalling the watcher: its outage, slowness, errors or a
// transaction it has not stored must pass the question to the next URL, and a total failure must say why.
import { afterEach, describe, expect, it } from 'vitest';
import { readTronFixture } from '../../../../test/fixtures/tron/readTronFixture.ts';
import { getFreePort } from '../../../../test/support/getFreePort.ts';
import {
  startTronHttpStub,
  type TronHttpStub,
  type TronHttpStubAnswer,
} from '../../../../test/support/startTronHttpStub.ts';
import { createTronHttpApi } from './createTronHttpApi.ts';

const TRANSFER = readTronFixture('gettransactionbyid-transfer').response as { txID: string };
const TXID = TRANSFER.txID;

const stubs: TronHttpStub[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.stop()));
});

async function stub(answer: TronHttpStubAnswer): Promise<TronHttpStub> {
  const started = await startTronHttpStub(() => answer);
  stubs.push(started);
  return started;
}

/** A loopback URL nothing listens on: connection refused. */
async function refusedUrl(): Promise<string> {
  return `http://127.0.0.1:${await getFreePort()}`;
}

describe('createTronHttpApi', () => {
  it('posts the txid without 0x to /wallet/gettransactionbyid and answers the node JSON', async () => {
    const node = await stub({ body: TRANSFER });
    const api = createTronHttpApi([`${node.url}/`], { timeoutMs: 2_000 });
    expect(await api.getTransactionById(`0x${TXID}`)).toEqual(TRANSFER);
    expect(await api.getTransactionById(TXID)).toEqual(TRANSFER);
    expect(node.requests).toEqual([
      { path: '/wallet/gettransactionbyid', body: { value: TXID } },
      { path: '/wallet/gettransactionbyid', body: { value: TXID } },
    ]);
  });

  it.each([
    ['answers HTTP 500', async () => (await stub({ status: 500, body: 'Internal Server Error' })).url],
    ['refuses the connection', refusedUrl],
    ['does not answer in time', async () => (await stub({ body: TRANSFER, delayMs: 5_000 })).url],
    ['answers something that is not JSON', async () => (await stub({ body: '<html>gateway</html>' })).url],
    ['answers java-tron\'s {"Error": …} with status 200', async () => (await stub({ body: { Error: 'boom' } })).url],
    ['has not stored the transaction ({})', async () => (await stub({ body: {} })).url],
  ])('asks the next URL when the first %s', async (_, firstUrl) => {
    const second = await stub({ body: TRANSFER });
    const api = createTronHttpApi([await firstUrl(), second.url], { timeoutMs: 300 });
    expect(await api.getTransactionById(TXID)).toEqual(TRANSFER);
    expect(second.requests).toHaveLength(1);
  });

  it('answers {} when no URL knows the transaction', async () => {
    const first = await stub({ body: {} });
    const api = createTronHttpApi([first.url, await refusedUrl()], { timeoutMs: 300 });
    expect(await api.getTransactionById(TXID)).toEqual({});
  });

  it('throws naming every URL and its reason when all fail', async () => {
    const failing = await stub({ status: 503, body: 'busy' });
    const erring = await stub({ body: { Error: 'class java.lang.NullPointerException : null' } });
    const slow = await stub({ body: TRANSFER, delayMs: 5_000 });
    const refused = await refusedUrl();
    const api = createTronHttpApi([failing.url, erring.url, slow.url, refused], { timeoutMs: 300 });
    const error = await api.getTransactionById(TXID).then(
      () => expect.unreachable('the call succeeded'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toMatch(/^TRON HTTP API \/wallet\/gettransactionbyid failed on every URL/);
    expect(error.message).toContain(`${failing.url}: HTTP 503`);
    expect(error.message).toContain(`${erring.url}: node error: class java.lang.NullPointerException : null`);
    expect(error.message).toContain(`${slow.url}: no answer within 300 ms`);
    expect(error.message).toMatch(new RegExp(`${refused}: connect ECONNREFUSED`));
  });

  it('refuses to be made without a URL', () => {
    expect(() => createTronHttpApi([], { timeoutMs: 1_000 })).toThrow('a TRON network needs at least one HTTP API URL');
  });
});
