// fastify + @fastify/cors: the policy as plugin options, and the real server.
import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import type { FastifyCorsOptions } from '@fastify/cors';
import type { CorsPolicy } from '../policy/index.js';
import type { ServeOptions, ServedFramework } from './shared.js';
import {
  OPTIONS_ROUTE_BODY,
  ROUTE_BODY,
  ROUTE_METHODS,
  ROUTE_PATH,
  matcherCorsOptions,
} from './shared.js';

/** The `@fastify/cors` options that implement the policy. */
export function fastifyCorsOptions(policy: CorsPolicy): FastifyCorsOptions {
  return matcherCorsOptions(policy);
}

/** fastify with `@fastify/cors` configured by hand. */
export async function serveFastifyWith(
  corsOptions: FastifyCorsOptions,
  opts: ServeOptions = {},
): Promise<ServedFramework> {
  const app = Fastify({ logger: false });
  await app.register(fastifyCors, corsOptions);
  app.route({
    method: [...ROUTE_METHODS],
    url: ROUTE_PATH,
    handler: (_req, reply) => reply.send(ROUTE_BODY),
  });
  app.route({
    method: 'OPTIONS',
    url: ROUTE_PATH,
    handler: (_req, reply) => reply.send(OPTIONS_ROUTE_BODY),
  });
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${ROUTE_PATH}`,
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
