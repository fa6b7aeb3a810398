import type { Socket } from 'socket.io';
import type { History } from '@poolscope/shared/history';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { LabServer } from '../api/socket-gateway';
import { CONTROL_BURST, CONTROL_PER_SECOND, HISTORY_BURST, HISTORY_PER_SECOND } from '../api/socket-gateway';
import { CONTROL_EVENTS } from '../api/lab-controls';
import type { ControlForwarder } from './control-forwarding';
import { AddressBuckets } from '../api/address-buckets';
import type { RelayMemory } from './relay-memory';
import { AUDIENCE_ROOM, AudienceEncoder, sendJoiningAudience, wantsAudienceStream } from '../api/audience-encoder';

type RelaySocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export const READ_ONLY_MESSAGE =
  "this relay is read-only without the lab's control token: connect with auth.token (or open the lab's own address) to change anything";
export const AUDIENCE_READ_ONLY_MESSAGE = 'the audience view is read-only: it follows the presenter and changes nothing';

/**
 * A relay's viewers: the live stream reaches them through the Redis adapter on its own; here a new
 * viewer gets the latest snapshot at once and its history on request. A control is forwarded to the
 * lab only when the viewer sent a control token (the relay holds none and checks nothing but its own
 * rate: the lab checks the token, control-forwarding.ts); without one, or from the audience, it is refused here.
 */
export function attachRelayGateway(io: LabServer, memory: RelayMemory, forwarder: ControlForwarder): () => void {
  const controlBuckets = new AddressBuckets(CONTROL_BURST, CONTROL_PER_SECOND);
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
      if (latest) sendJoiningAudience(socket, encoder, latest);
    } else if (latest) socket.emit('snapshot', latest);
    const inAudience = wantsAudienceStream(socket.handshake.query);
    for (const event of CONTROL_EVENTS) {
      socket.on(event, (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        const reply = ack as (result: Ack<unknown>) => void;
        const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
        // The audience never controls, token or not; everyone else's control goes to the lab, which checks the token.
        if (inAudience || typeof token !== 'string' || token.length === 0) {
          const message = inAudience ? AUDIENCE_READ_ONLY_MESSAGE : READ_ONLY_MESSAGE;
          return reply({ ok: false, error: { code: 'FORBIDDEN', message, details: [] } });
        }
        if (!controlBuckets.take(socket.handshake.address)) {
          const message = `at most ${CONTROL_PER_SECOND} control events per second from one address (bursts of ${CONTROL_BURST})`;
          return reply({ ok: false, error: { code: 'RATE_LIMITED', message, details: [] } });
        }
        void forwarder.forward(event, payload, token, socket.handshake.address).then(reply);
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
