import { randomUUID } from 'node:crypto';
import type { DeliveryWakeups } from '../../../core/ports.ts';
import type { DueDeliveryListener, KassaDialect } from '../dialect/KassaDialect.ts';

/** The wake-ups as the store that sends them sees them. */
export type DeliveryWakeupHub = DeliveryWakeups & {
  /** Names this store's words to other processes; its own listener skips them. */
  readonly source: string;
  /** Wakes this process's subscribers: call it once a transaction that made deliveries due has committed. */
  notifyCommitted(): void;
};

type Subscriber = { readonly onDue: () => void; readonly onError: ((error: unknown) => void) | undefined };

/**
 * The store's wake-ups: commits in this process call the subscribers directly; on PostgreSQL a
 * listener hears the other processes' commits too. It runs while anyone subscribes (the dispatcher
 * while it runs), so a process without a dispatcher holds no listening connection. A word this
 * store sent itself is skipped when it comes back through the listener: the direct call was first.
 */
export function createDeliveryWakeups(dialect: Pick<KassaDialect, 'listenForDueDeliveries'>): DeliveryWakeupHub {
  const subscribers = new Set<Subscriber>();
  const source = randomUUID();
  let listener: DueDeliveryListener | null = null;
  const wakeAll = (): void => {
    for (const subscriber of subscribers) subscriber.onDue();
  };
  return {
    source,
    notifyCommitted: wakeAll,
    subscribe(onDue, onError) {
      const subscriber: Subscriber = { onDue, onError };
      subscribers.add(subscriber);
      listener ??= dialect.listenForDueDeliveries({
        onNotice: (from) => {
          if (from !== source) wakeAll();
        },
        onError: (error) => {
          for (const s of subscribers) s.onError?.(error);
        },
      });
      return async () => {
        if (!subscribers.delete(subscriber) || subscribers.size > 0 || listener === null) return;
        const stopping = listener;
        listener = null;
        await stopping.stop();
      };
    },
  };
}
