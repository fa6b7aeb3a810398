import type { Server, Socket } from 'socket.io';
import type { LabEvent } from '@poolscope/shared/events';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { Snapshot } from '@poolscope/shared/snapshot';
import type { Lab } from '../lab/lab';
import { LabError } from '../lab/lab-error';
import type { ControlPolicy } from './control-policy';
import { toApiError } from './error-envelope';
import { AddressBuckets } from './address-buckets';
import { ViewerRooms } from './viewer-rooms';
import { CONTROL_EVENTS, labControls, type ControlEvent, type RunControl } from './lab-controls';
import { AUDIENCE_ROOM, audienceEncoderFor, sendJoiningAudience, wantsAudienceStream, type AudienceEncoder } from './audience-encoder';

export type LabServer = Server<ClientToServerEvents, ServerToClientEvents>;
type LabSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Per client address, shared by its every tab and socket: a slider drag stays far inside, a script's flood does not. */
export const CONTROL_BURST = 40;
export const CONTROL_PER_SECOND = 10;
/** A history answer is up to ~2 MB of JSON: enough for a few tabs opening or reconnecting, not for a loop. */
export const HISTORY_BURST = 10;
export const HISTORY_PER_SECOND = 0.5;

/**
 * Streams every tick to every viewer (volatile: a lagging viewer loses frames instead of
 * queueing them without bound) and runs the acked control events.
 */
export function attachSocketGateway(io: LabServer, lab: Lab, policy: ControlPolicy): () => void {
  const viewers = new ViewerRooms();
  const audience = new ViewerRooms(undefined, AUDIENCE_ROOM);
  const encoder = audienceEncoderFor(lab);
  const controls = labControls(lab);
  const controlBuckets = new AddressBuckets(CONTROL_BURST, CONTROL_PER_SECOND);
  const historyBuckets = new AddressBuckets(HISTORY_BURST, HISTORY_PER_SECOND);
  const unsubscribe = lab.onTick((snapshot, events) => {
    broadcast(io, viewers, snapshot, events);
    broadcastToAudience(io, audience, encoder, snapshot, events);
  });
  // The presenter's "watching" count: kept here, where sockets come and go, and told to the lab for its snapshots.
  let connected = 0;
  io.on('connection', (socket) => {
    const inAudience = wantsAudienceStream(socket.handshake.query);
    const rooms = inAudience ? audience : viewers;
    const room = rooms.assign();
    void socket.join(inAudience ? [room, AUDIENCE_ROOM] : room);
    lab.setViewerCount(++connected);
    socket.on('disconnect', () => {
      rooms.release(room);
      lab.setViewerCount(--connected);
    });
    if (inAudience) sendJoiningAudience(socket, encoder, lab.snapshot());
    else socket.emit('snapshot', lab.snapshot());
    registerControls(socket, controls, policy, controlBuckets);
    registerHistory(socket, lab, historyBuckets);
  });
  return unsubscribe;
}

/** One emit for a small audience; past one room, one room per event-loop turn so the loop keeps breathing. */
function broadcast(io: LabServer, viewers: ViewerRooms, snapshot: Snapshot, events: LabEvent[]): void {
  const rooms = viewers.rooms();
  if (rooms.length <= 1) return emitTo(io, undefined, snapshot, events);
  paced(rooms, (room) => emitTo(io, room, snapshot, events));
}

/** The audience viewers' light stream: encoded once per tick (only while someone watches it), the same bytes to every room. */
function broadcastToAudience(io: LabServer, audience: ViewerRooms, encoder: AudienceEncoder, snapshot: Snapshot, events: LabEvent[]): void {
  const rooms = audience.rooms();
  if (rooms.length === 0) return;
  const frame = encoder.encode(snapshot);
  paced(rooms, (room) => {
    io.to(room).volatile.emit('audience:frame', frame);
    if (events.length > 0) setImmediate(() => io.to(room).volatile.emit('events', events));
  });
}

function paced(rooms: string[], send: (room: string) => void): void {
  if (rooms.length === 0) return;
  const sendNext = (index: number) => {
    send(rooms[index]!);
    if (index + 1 < rooms.length) setImmediate(sendNext, index + 1);
  };
  sendNext(0);
}

function emitTo(io: LabServer, room: string | undefined, snapshot: Snapshot, events: LabEvent[]): void {
  // Without a room, everyone but the audience, who receive the same ticks as frames.
  const target = () => (room === undefined ? io.except(AUDIENCE_ROOM).volatile : io.to(room).volatile);
  target().emit('snapshot', snapshot);
  // A volatile emit is dropped while the transport is still busy with the previous one, which
  // it always is straight after the snapshot; one turn later it has flushed for any viewer that
  // keeps up, and a lagging viewer still loses the batch rather than queueing it.
  if (events.length > 0) setImmediate(() => target().emit('events', events));
}

function registerControls(
  socket: LabSocket,
  controls: Record<ControlEvent, RunControl>,
  policy: ControlPolicy,
  buckets: AddressBuckets,
): void {
  for (const event of CONTROL_EVENTS) {
    const run = controls[event];
    socket.on(event, async (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (result: Ack<unknown>) => void;
      try {
        assertAllowed(socket, policy, buckets);
        reply({ ok: true, data: await run(payload) });
      } catch (error) {
        reply({ ok: false, error: toApiError(error).body });
      }
    });
  }
}

function registerHistory(socket: LabSocket, lab: Lab, buckets: AddressBuckets): void {
  socket.on('history:get', (_request: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (result: Ack<ReturnType<Lab['history']>>) => void;
    if (!buckets.take(socket.handshake.address)) {
      const error = new LabError(
        'RATE_LIMITED',
        `at most ${HISTORY_BURST} history requests, then one per ${1 / HISTORY_PER_SECOND} s`,
        429,
      );
      return reply({ ok: false, error: toApiError(error).body });
    }
    reply({ ok: true, data: lab.history() });
  });
}

function assertAllowed(socket: LabSocket, policy: ControlPolicy, buckets: AddressBuckets): void {
  const verdict = policy.check((socket.handshake.auth as { token?: unknown } | undefined)?.token);
  if (verdict === 'missing')
    throw new LabError('UNAUTHORIZED', 'this lab needs its control token to change anything (pass it as auth.token)', 401);
  if (verdict === 'wrong') throw new LabError('FORBIDDEN', 'wrong control token', 403);
  if (!buckets.take(socket.handshake.address)) {
    const limit = `at most ${CONTROL_PER_SECOND} control events per second from one address (bursts of ${CONTROL_BURST})`;
    throw new LabError('RATE_LIMITED', limit, 429);
  }
}
