import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypedApp } from './typed-app';

/** OpenAPI built from the routes' TypeBox schemas, with an interactive UI at /docs. */
export async function registerOpenApi(app: TypedApp): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Poolscope lab API',
        version: '0.1.0',
        description: 'Control and observe a live TCP connection pool. The Socket.IO stream is described in docs/API.md.',
      },
      components: { securitySchemes: { controlToken: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
