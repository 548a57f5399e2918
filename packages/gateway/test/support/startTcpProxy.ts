import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export type TcpProxy = {
  /** The proxy's loopback port. */
  readonly port: number;
  /** Cuts every open connection and refuses new ones until `resume` (a network outage). */
  cut(): void;
  /**
   * Stops carrying bytes without closing anything (packets lost, no FIN or RST): open connections
   * and new ones hang until `resume`, as on a partitioned network or a machine that lost power.
   */
  stall(): void;
  resume(): void;
  stop(): Promise<void>;
};

/**
 * A real TCP hop on 127.0.0.1 to `targetPort`, so a test can drop a websocket (or any connection)
 * mid-stream without touching the node behind it. A connection the target refuses is closed too.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  let isStalled = false;
  const stalledBytes = new Map<Socket, Buffer[]>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    // Forwarded by hand so that a stall can hold bytes back (released in order on resume).
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('data', (chunk: Buffer) => {
        if (isStalled) stalledBytes.set(to, [...(stalledBytes.get(to) ?? []), chunk]);
        else to.write(chunk);
      });
    }
    // Either side ending or failing ends both, as a broken network path would.
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      socket.on('error', () => other.destroy());
      socket.on('close', () => other.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      isCut = true;
      for (const socket of open) socket.destroy();
    },
    stall() {
      isStalled = true;
    },
    resume() {
      isCut = false;
      isStalled = false;
      for (const [socket, chunks] of stalledBytes) for (const chunk of chunks) socket.write(chunk);
      stalledBytes.clear();
    },
    stop() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
