import type { Socket } from 'socket.io';
import type { History } from '@poolscope/shared/history';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { LabServer } from '../api/socket-gateway';
import { HISTORY_BURST, HISTORY_PER_SECOND } from '../api/socket-gateway';
import { AddressBuckets } from '../api/address-buckets';
import type { RelayMemory } from './relay-memory';
import { AUDIENCE_ROOM, AudienceEncoder, wantsAudienceStream } from '../api/audience-encoder';

type RelaySocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Every control event a dashboard can send: a relay refuses them all. */
export const CONTROL_EVENTS = [
  'config:patch',
  'target:patch',
  'target:restart',
  'scenario:apply',
  'lesson:go',
  'lesson:leave',
  'compare:start',
  'compare:patch',
  'compare:stop',
  'compare:keep-b',
  'leaks:reclaim',
] as const satisfies readonly (keyof ClientToServerEvents)[];

export const READ_ONLY_MESSAGE =
  "this is a read-only relay of the lab: open the lab's own address (with its control token) to change anything";

/**
 * A relay's viewers: the live stream reaches them through the Redis adapter on its own; here a new
 * viewer gets the latest snapshot at once and its history on request, and every control is refused
 * (the relay holds no token and forwards nothing: a control that could pass through a relay would
 * make every relay's address a way in).
 */
export function attachRelayGateway(io: LabServer, memory: RelayMemory): () => void {
  const historyBuckets = new AddressBuckets(HISTORY_BURST, HISTORY_PER_SECOND);
  // The lab publishes full snapshots to everyone but the audience room; this relay makes their light
  // stream itself, one encoding per tick for all of its audience viewers (the lab pays nothing per relay).
  const encoder = new AudienceEncoder();
  const unsubscribe = memory.onSnapshot((snapshot) => {
    if ((io.of('/').adapter.rooms.get(AUDIENCE_ROOM)?.size ?? 0) === 0) return;
    // Local: the adapter would otherwise publish it back through Redis to every relay.
    io.local.to(AUDIENCE_ROOM).volatile.emit('audience:frame', encoder.encode(snapshot));
  });
  io.on('connection', (socket: RelaySocket) => {
    const latest = memory.latest();
    if (wantsAudienceStream(socket.handshake.query)) {
      void socket.join(AUDIENCE_ROOM);
      if (latest) for (const frame of encoder.joining(latest)) socket.emit('audience:frame', frame);
    } else if (latest) socket.emit('snapshot', latest);
    for (const event of CONTROL_EVENTS) {
      socket.on(event, (_payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        (ack as (result: Ack<never>) => void)({ ok: false, error: { code: 'FORBIDDEN', message: READ_ONLY_MESSAGE, details: [] } });
      });
    }
    socket.on('history:get', (_request: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (result: Ack<History>) => void;
      if (!historyBuckets.take(socket.handshake.address)) {
        const message = `at most ${HISTORY_BURST} history requests, then one per ${1 / HISTORY_PER_SECOND} s`;
        return reply({ ok: false, error: { code: 'RATE_LIMITED', message, details: [] } });
      }
      void memory.history().then((history) => reply({ ok: true, data: history }));
    });
  });
  return unsubscribe;
}
