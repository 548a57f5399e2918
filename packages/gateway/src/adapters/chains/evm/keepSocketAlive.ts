import type WebSocket from 'ws';

/**
 * Pings `ws` every `intervalMs` and calls `onSilent` when the previous ping went unanswered: a
 * connection a NAT or load balancer dropped without a word looks open forever otherwise, and
 * announces nothing. Returns the function that stops the pings.
 */
export function keepSocketAlive(ws: WebSocket, intervalMs: number, onSilent: () => void): () => void {
  let isAnswering = true;
  const onPong = () => {
    isAnswering = true;
  };
  ws.on('pong', onPong);
  const timer = setInterval(() => {
    if (!isAnswering) return onSilent();
    isAnswering = false;
    ws.ping();
  }, intervalMs);
  return () => {
    clearInterval(timer);
    ws.off('pong', onPong);
  };
}
