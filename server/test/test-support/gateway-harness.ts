import type { Ack } from '@poolscope/shared/protocol';
import type { ControlPolicy } from '../../src/api/control-policy';
import { attachSocketGateway, type LabServer } from '../../src/api/socket-gateway';
import type { Lab } from '../../src/lab/lab';

type Handler = (payload: unknown, ack: unknown) => unknown;
export type Emit = (event: string, payload: unknown) => Promise<Ack<unknown>>;

/**
 * The real gateway's control handlers on an in-memory Socket.IO stand-in, for fuzzing many
 * payloads without a network round trip each. Each `connect()` is a fresh socket from an address
 * of its own, so with its own rate-limit bucket; a handler that never acks fails the emit after `ackTimeoutMs`.
 */
export function gatewayHarness(lab: Lab, policy: ControlPolicy, ackTimeoutMs = 5000): { connect(auth?: object): Emit; detach(): void } {
  let onConnection: ((socket: unknown) => void) | null = null;
  const broadcast = { emit: () => true };
  const io = {
    volatile: broadcast,
    to: () => ({ volatile: broadcast, emit: () => true }),
    except: () => ({ volatile: broadcast, emit: () => true }),
    on(event: string, listener: (socket: unknown) => void) {
      if (event === 'connection') onConnection = listener;
    },
  } as unknown as LabServer;
  const detach = attachSocketGateway(io, lab, policy);
  const disconnects: (() => void)[] = [];
  let connected = 0;
  return {
    detach: () => {
      for (const disconnect of disconnects.splice(0)) disconnect();
      detach();
    },
    connect(auth: object = {}): Emit {
      const handlers = new Map<string, Handler>();
      connected++;
      onConnection!({
        id: `fake-${connected}`,
        handshake: { auth, query: {}, address: `fake-address-${connected}` },
        data: {},
        emit: () => true,
        join: async () => {},
        leave: async () => {},
        on: (event: string, handler: Handler) => handlers.set(event, handler),
      });
      const disconnect = handlers.get('disconnect');
      if (disconnect) disconnects.push(() => disconnect(undefined, undefined));
      return (event, payload) =>
        new Promise((resolve, reject) => {
          const handler = handlers.get(event);
          if (!handler) return reject(new Error(`no handler for ${event}`));
          const timer = setTimeout(() => reject(new Error(`${event} was never acked`)), ackTimeoutMs);
          void handler(payload, (ack: Ack<unknown>) => {
            clearTimeout(timer);
            resolve(ack);
          });
        });
    },
  };
}
