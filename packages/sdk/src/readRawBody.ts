import type { Readable } from 'node:stream';

export type ReadRawBodyReturnType = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' };

/**
 * Reads a request stream into one Buffer, stopping at `limitBytes` (then the rest is discarded).
 *
 * @example
 * const read = await readRawBody(req, 64 * 1024);
 * if (!read.ok) return reply413();
 */
export function readRawBody(
  stream: Readable & { headers?: Readonly<Record<string, string | readonly string[] | undefined>> },
  limitBytes: number,
): Promise<ReadRawBodyReturnType> {
  const declaredLength = Number(stream.headers?.['content-length'] ?? 0);
  if (declaredLength > limitBytes) {
    stream.resume();
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  if (stream.readableEnded) return Promise.resolve({ ok: true, body: Buffer.alloc(0) });

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanUp();
        // Keep the stream flowing so the client finishes writing and reads our 413.
        stream.resume();
        resolve({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanUp();
      resolve({ ok: true, body: Buffer.concat(chunks, size) });
    };
    const onError = (error: Error): void => {
      cleanUp();
      reject(error);
    };
    const onClose = (): void => {
      cleanUp();
      reject(new Error('request closed before its body was read'));
    };
    const cleanUp = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
