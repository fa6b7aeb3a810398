import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@poolscope/shared/protocol';
import { readControlToken } from './control-token';
import { audienceStreamQuery } from './audience-stream';

export type LabSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The app's one socket, same origin as the page (the server serves the built app; Vite
 * proxies /socket.io in dev). Created without connecting; `connectLive` opens it.
 */
const token = readControlToken();
const audienceQuery = audienceStreamQuery(window.location.search);
export const socket: LabSocket = io({
  autoConnect: false,
  path: '/socket.io',
  // WebSocket first (one handshake, numbers on screen sooner), long-polling if it fails.
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
  ...(token ? { auth: { token } } : {}),
  // The audience page gets the light stream: the same snapshots in about a tenth of the bytes.
  ...(audienceQuery ? { query: audienceQuery } : {}),
});

/** Reconnect with a new control token in the handshake. */
export function setSocketToken(nextToken: string): void {
  socket.auth = { token: nextToken };
  socket.disconnect().connect();
}
