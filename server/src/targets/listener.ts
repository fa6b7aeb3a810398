import type { Server } from 'node:net';

const REBIND_ATTEMPTS = 10;
const REBIND_PAUSE_MS = 100;

/** Listen and resolve with the bound port; a failed listen rejects instead of emitting. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Listen again on a port the target owned before. Another process may grab it in between
 * (EADDRINUSE), so retry briefly before giving up.
 */
export async function relisten(server: Server, host: string, port: number): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await listen(server, host, port);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= REBIND_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, REBIND_PAUSE_MS));
    }
  }
}

/**
 * Stop accepting now (the listening socket closes synchronously, so new dials are refused at
 * once) and resolve when every connection this server accepted has closed too. The callback
 * also runs, with an error we do not need, when the server was not listening. Node calls it
 * before libuv has released the listening handle; two turns of the loop let that happen, so a
 * caller counting handles after `close()` sees none.
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => setImmediate(() => setImmediate(resolve))));
}
