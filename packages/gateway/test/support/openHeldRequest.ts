import { connect, type Socket } from 'node:net';

/** A response as it came off the wire: its status, headers and body bytes as text. */
export type RawResponse = { readonly status: number; readonly headers: Headers; readonly text: string };

export type HeldRequest = {
  /** Sends the rest of the request; resolves with the response, read until the server closes the socket. */
  finish(headers: ConstructorParameters<typeof Headers>[0], body?: string): Promise<RawResponse>;
  /** A `fetch` for the SDK that finishes this request (one call, to the path begun). */
  readonly fetch: typeof fetch;
  /** The response as it came, once `finish` or `fetch` sent the rest. */
  readonly response: Promise<RawResponse>;
};

/**
 * Opens a connection and sends the first line and `Host` of a request, holding back the rest: the
 * server has begun reading a request on it (so a stopping server keeps the connection) but cannot
 * answer it yet. Used to make a request reach a server after it began to stop.
 */
export async function openHeldRequest(p: {
  readonly port: number;
  readonly method: 'GET' | 'POST';
  readonly path: string;
}): Promise<HeldRequest> {
  const socket = connect(p.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(`${p.method} ${p.path} HTTP/1.1\r\nHost: 127.0.0.1:${p.port}\r\n`);

  let sent: Promise<void> | undefined;
  const response = new Promise<RawResponse>((resolve, reject) => {
    socket.once('close', () => {
      if (sent === undefined) reject(new Error(`${p.path}: connection closed before the request was finished`));
      else resolve(parseResponse(Buffer.concat(chunks)));
    });
  });
  // Kept from being reported as unhandled when a test never reads it; finish() still rejects.
  response.catch(() => {});
  const finish = async (headers: ConstructorParameters<typeof Headers>[0], body = ''): Promise<RawResponse> => {
    sent = write(socket, formatRest(new Headers(headers), body));
    await sent;
    return response;
  };
  const heldFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.pathname !== p.path) throw new Error(`held request is for ${p.path}, not ${url.pathname}`);
    if (init?.body !== undefined && typeof init.body !== 'string') throw new Error('held request: string body only');
    const raw = await finish(init?.headers ?? {}, init?.body ?? '');
    return new Response(raw.text, { status: raw.status, headers: raw.headers });
  };
  return { finish, fetch: heldFetch as typeof fetch, response };
}

/** The header lines after `Host`, the blank line and the body. */
function formatRest(headers: Headers, body: string): string {
  const lines = [...headers].map(([name, value]) => `${name}: ${value}\r\n`);
  return `${lines.join('')}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function write(socket: Socket, text: string): Promise<void> {
  return new Promise((resolve, reject) => socket.write(text, (error) => (error ? reject(error) : resolve())));
}

/** Reads one HTTP/1.1 response with a `Content-Length` body (what Fastify sends for a string). */
function parseResponse(bytes: Buffer): RawResponse {
  const headerEnd = bytes.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw new Error(`no HTTP response: ${JSON.stringify(bytes.toString('latin1'))}`);
  const [statusLine = '', ...headerLines] = bytes.subarray(0, headerEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
  const headers = new Headers();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  if (headers.has('transfer-encoding')) throw new Error('held request: chunked responses are not read');
  const length = Number(headers.get('content-length') ?? 0);
  const text = bytes.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
  return { status, headers, text };
}
