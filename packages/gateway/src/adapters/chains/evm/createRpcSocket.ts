import { createRequire } from 'node:module';
import type WebSocket from 'ws';
import type { HeadEvent } from '../../../core/ChainReader.ts';
import { getBackoffDelay } from '../../../core/getBackoffDelay.ts';
import { keepSocketAlive } from './keepSocketAlive.ts';
import type { CreateRpcSocketOptions, RpcSocket } from './RpcSocket.ts';
import { readRpcMessage } from './readRpcMessage.ts';

// Loaded on the first connection: most gateways have no websocket URL and need not hold `ws`.
const requireModule = createRequire(import.meta.url);
let webSocketClass: typeof WebSocket | undefined;

type Pending = { readonly resolve: (result: unknown) => void; readonly reject: (error: unknown) => void };

/**
 * A JSON-RPC client over one websocket URL, connected while it is used: while heads are watched,
 * or calls are waiting for their answers. Our own rather than viem's websocket transport, which
 * reconnects at a fixed delay and gives up for good after five attempts.
 */
export function createRpcSocket(url: string, options: CreateRpcSocketOptions = {}): RpcSocket {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoff = { initialMs: options.initialBackoffMs ?? 500, maxMs: options.maxBackoffMs ?? 30_000 };
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  // Messages name the host only: the path of a provider's URL often holds its API key.
  const host = URL.canParse(url) ? new URL(url).host : 'unknown';
  // `url` as viem's transport errors carry it, for the per-endpoint error count.
  const fail = (message: string, cause?: unknown) =>
    Object.assign(new Error(message, cause === undefined ? {} : { cause }), { url });
  const pending = new Map<number, Pending>();
  const unsent: string[] = [];
  const watchers = new Set<(event: HeadEvent) => void>();
  let holders = 0;
  let socket: WebSocket | null = null;
  let isOpen = false;
  let closeCause: unknown;
  let subscriptionId: string | null = null;
  let isSubscribing = false;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let stopKeepAlive = () => {};
  let failures = 0;
  let nextId = 1;

  const emit = (event: HeadEvent) => {
    for (const watcher of watchers) watcher(event);
  };

  function connect(): void {
    webSocketClass ??= requireModule('ws') as typeof WebSocket;
    const ws = new webSocketClass(url, { handshakeTimeout: timeoutMs });
    socket = ws;
    closeCause = undefined;
    ws.on('open', () => {
      isOpen = true;
      for (const message of unsent.splice(0)) ws.send(message);
      stopKeepAlive = keepSocketAlive(ws, keepAliveMs, () =>
        drop(ws, fail(`websocket ${host} stopped answering pings`)),
      );
      if (watchers.size > 0) void subscribe(ws);
    });
    ws.on('message', (data) => receive(ws, String(data)));
    // A 'close' follows every 'error': the cause is kept for it.
    ws.on('error', (error) => {
      if (ws === socket) closeCause ??= error;
    });
    ws.on('close', (code) => onClosed(ws, fail(`websocket ${host} closed (code ${code})`, closeCause)));
  }

  function drop(ws: WebSocket, cause: unknown): void {
    if (ws !== socket) return;
    closeCause ??= cause;
    ws.terminate();
  }

  function onClosed(ws: WebSocket, cause: unknown): void {
    if (ws !== socket) return;
    socket = null;
    isOpen = false;
    subscriptionId = null;
    stopKeepAlive();
    unsent.length = 0;
    for (const call of pending.values()) call.reject(cause);
    pending.clear();
    if (watchers.size === 0) return;
    const retryInMs = getBackoffDelay({ failures: ++failures, ...backoff });
    emit({ kind: 'down', error: cause, retryInMs });
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (watchers.size > 0 && socket === null) connect();
    }, retryInMs);
  }

  async function subscribe(ws: WebSocket): Promise<void> {
    if (isSubscribing || subscriptionId !== null) return;
    isSubscribing = true;
    try {
      const id = await request('eth_subscribe', ['newHeads']);
      if (typeof id !== 'string') throw fail(`eth_subscribe over ${host} answered ${JSON.stringify(id)}`);
      if (ws !== socket) return;
      subscriptionId = id;
      failures = 0;
      emit({ kind: 'up' });
    } catch (error) {
      drop(ws, error);
    } finally {
      isSubscribing = false;
    }
  }

  function receive(ws: WebSocket, text: string): void {
    const message = readRpcMessage(text);
    if (message.kind === 'unreadable') {
      drop(ws, fail(`websocket ${host} sent an unreadable message`, message.error));
    } else if (message.kind === 'notification') {
      const number = (message.result as { number?: unknown } | null)?.number;
      if (message.subscription === subscriptionId && typeof number === 'string') {
        emit({ kind: 'head', blockNumber: BigInt(number) });
      }
    } else {
      const call = typeof message.id === 'number' ? pending.get(message.id) : undefined;
      if (message.error === undefined) call?.resolve(message.result);
      else call?.reject(Object.assign(fail(message.error.message), message.error));
    }
  }

  function closeIfIdle(): void {
    if (watchers.size > 0 || holders > 0 || pending.size > 0 || socket === null) return;
    const ws = socket;
    onClosed(ws, fail(`websocket ${host} closed: no longer used`));
    ws.terminate();
  }

  function request(method: string, params: readonly unknown[] = []): Promise<unknown> {
    if (reconnectTimer !== null) return Promise.reject(fail(`websocket ${host} is down; reconnecting`));
    if (socket === null) connect();
    const id = nextId++;
    const message = JSON.stringify({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => {
      const settle = (finish: () => void) => {
        clearTimeout(timer);
        pending.delete(id);
        finish();
        closeIfIdle();
      };
      const timer = setTimeout(
        () => settle(() => reject(fail(`${method} over ${host} timed out after ${timeoutMs} ms`))),
        timeoutMs,
      );
      pending.set(id, {
        resolve: (result) => settle(() => resolve(result)),
        reject: (error) => settle(() => reject(error)),
      });
      if (isOpen) socket?.send(message);
      else unsent.push(message);
    });
  }

  return {
    url,
    request,
    keepOpen(signal) {
      if (signal.aborted) return;
      holders += 1;
      signal.addEventListener(
        'abort',
        () => {
          holders -= 1;
          closeIfIdle();
        },
        { once: true },
      );
    },
    watchHeads(onEvent, signal) {
      if (signal.aborted) return;
      watchers.add(onEvent);
      signal.addEventListener(
        'abort',
        () => {
          watchers.delete(onEvent);
          if (watchers.size > 0) return;
          if (reconnectTimer !== null) clearTimeout(reconnectTimer);
          reconnectTimer = null;
          failures = 0;
          closeIfIdle();
        },
        { once: true },
      );
      if (subscriptionId !== null) onEvent({ kind: 'up' });
      else if (socket === null && reconnectTimer === null) connect();
      else if (isOpen && socket !== null) void subscribe(socket);
    },
  };
}
