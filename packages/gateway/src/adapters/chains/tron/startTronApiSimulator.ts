import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../http/listenOnLoopback.ts';

export type TronApiSimulator = {
  /** The base URL: JSON-RPC at `<url>/jsonrpc`, the HTTP API at `<url>/wallet/…`, as on TronGrid. */
  readonly url: string;
  stop(): Promise<void>;
};

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Stands in for a TRON node in front of an anvil chain, for the sandbox and tests: one loopback
 * server laid out like TronGrid, forwarding `/jsonrpc` to anvil byte for byte and answering
 * `/wallet/gettransactionbyid` from anvil's transaction and receipt in the HTTP API's shape (hex
 * addresses with TRON's 0x41 prefix). A plain value transfer is a `TransferContract`, anything with
 * calldata a `TriggerSmartContract`, an unknown txid `{}`, as java-tron answers.
 *
 * It is a simulation: anvil has no TRC-10 tokens, bandwidth or energy, and its blocks are
 * Ethereum's. What it proves is Kassa's side of the protocol; docs/operations.md says what only a
 * real node can.
 */
export async function startTronApiSimulator(p: { readonly rpcUrl: string }): Promise<TronApiSimulator> {
  const rpc = async (method: string, params: unknown[]): Promise<unknown> => {
    const response = await fetch(p.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    const body = (await response.json()) as { result?: unknown; error?: { message: string } };
    if (body.error !== undefined) throw new Error(`anvil ${method}: ${body.error.message}`);
    return body.result;
  };
  const handle = async (path: string, body: string): Promise<{ status: number; body: string }> => {
    if (path === '/jsonrpc') {
      const upstream = await fetch(p.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: upstream.status, body: await upstream.text() };
    }
    if (path === '/wallet/gettransactionbyid') {
      const { value } = JSON.parse(body) as { value?: unknown };
      if (typeof value !== 'string' || !/^[0-9a-fA-F]{64}$/.test(value)) return { status: 200, body: '{}' };
      return { status: 200, body: JSON.stringify(await describeTransaction(rpc, value.toLowerCase())) };
    }
    return { status: 404, body: JSON.stringify({ Error: `no such path ${path}` }) };
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      handle(new URL(req.url ?? '/', 'http://x').pathname, Buffer.concat(chunks).toString('utf8')).then(
        (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(answer.body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ Error: String(error) }));
        },
      );
    });
  });
  const listener = await listenOnLoopback(server);
  return { url: listener.url, stop: listener.close };
}

type AnvilTransaction = { hash: string; from: string; to: string | null; value: string; input: string };
type AnvilReceipt = { status: string; blockNumber: string } | null;

/** An anvil transaction as java-tron's `/wallet/gettransactionbyid` would show it (visible: false). */
async function describeTransaction(
  rpc: (method: string, params: unknown[]) => Promise<unknown>,
  txid: string,
): Promise<unknown> {
  const [tx, receipt] = (await Promise.all([
    rpc('eth_getTransactionByHash', [`0x${txid}`]),
    rpc('eth_getTransactionReceipt', [`0x${txid}`]),
  ])) as [AnvilTransaction | null, AnvilReceipt];
  // Not mined (or unknown): java-tron's full node answers `{}` for a transaction it has not stored.
  if (tx === null || receipt === null) return {};
  const tronHex = (address: string) => `41${address.slice(2).toLowerCase()}`;
  const isTransfer = tx.to !== null && tx.input === '0x';
  const contract = isTransfer
    ? {
        parameter: {
          value: {
            amount: Number(BigInt(tx.value)),
            owner_address: tronHex(tx.from),
            to_address: tronHex(tx.to ?? ''),
          },
          type_url: 'type.googleapis.com/protocol.TransferContract',
        },
        type: 'TransferContract',
      }
    : {
        parameter: {
          value: {
            data: tx.input.slice(2),
            owner_address: tronHex(tx.from),
            contract_address: tronHex(tx.to ?? '0x0000000000000000000000000000000000000000'),
            call_value: Number(BigInt(tx.value)),
          },
          type_url: 'type.googleapis.com/protocol.TriggerSmartContract',
        },
        type: 'TriggerSmartContract',
      };
  return {
    ret: [{ contractRet: receipt.status === '0x1' ? 'SUCCESS' : 'REVERT' }],
    txID: txid,
    raw_data: { contract: [contract] },
    visible: false,
  };
}
