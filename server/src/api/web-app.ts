import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypedApp } from './typed-app';
import { errorBody } from './error-envelope';
import { readPageHtml } from './page-html';

const API_PREFIXES = ['/api/', '/socket.io/', '/docs', '/metrics', '/healthz'];

/** Serves the built dashboard with an SPA fallback; unknown API paths stay JSON 404s. */
export async function registerWebApp(app: TypedApp, webRoot: string | null): Promise<void> {
  const hasBuild = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt dashboard is served without a restart.
  // preCompressed: the build writes .br and .gz beside each asset (web/precompress.ts); a client gets what it accepts.
  if (hasBuild) await app.register(fastifyStatic, { root: webRoot, wildcard: true, preCompressed: true, index: false });
  // Every page, `/` too, is index.html with its view's files linked in its head (page-html.ts).
  const sendPage = async (request: FastifyRequest, reply: FastifyReply, root: string) => {
    const html = await readPageHtml(root, queryOf(request.url), (message) => request.log.warn(message));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };
  if (hasBuild) app.get('/', { schema: { hide: true } }, (request, reply) => sendPage(request, reply, webRoot));
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.slice(0, request.url.length - queryOf(request.url).length);
    // A missing file (an old hashed asset) is a 404, not the app's page; any other path is a page of the app.
    const wantsPage = request.method === 'GET' && !API_PREFIXES.some((prefix) => path.startsWith(prefix)) && !/\.[a-z0-9]+$/i.test(path);
    if (wantsPage && hasBuild) return sendPage(request, reply, webRoot);
    if (wantsPage) return reply.status(404).type('text/plain').send('The dashboard is not built: run `npm start` (it builds web/ first).');
    return reply.status(404).send(errorBody({ code: 'NOT_FOUND', message: `${request.method} ${path} not found`, details: [] }));
  });
}

/** The address's query, from its `?` on ('' without one). */
function queryOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt < 0 ? '' : url.slice(queryAt);
}
