import { connect, type Socket } from 'node:net';
import { DialError } from './dial-error';
import type { Connector, DialOptions, Link } from './link';
import { SocketLink } from './socket-link';
import type { PoolTarget } from './types';

/** The default connector: a TCP connect bounded by the dial timeout. */
export const socketConnector: Connector = {
  dial(target: PoolTarget, { timeoutMs, keepAlive, noDelay }: DialOptions): Promise<Link> {
    return new Promise((resolve, reject) => {
      let socket!: Socket;
      // The link exists from the start: it hands the socket its read buffer and callback.
      const link = new SocketLink((onread) => (socket = connect({ host: target.host, port: target.port, keepAlive, noDelay, onread })));
      const fail = (error: Error) => {
        clearTimeout(timer);
        link.destroy(() => {});
        reject(error);
      };
      const timer = setTimeout(() => fail(new DialError('DIAL_TIMEOUT', `no connection within ${timeoutMs} ms`)), timeoutMs);
      socket.once('error', fail);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeListener('error', fail);
        resolve(link);
      });
    });
  },
};
