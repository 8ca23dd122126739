// Every framework adapter (and installed version of it), by name: what `frameworks` runs.
import type { CorsPolicy } from '../policy/index.js';
import { serveExpress } from './express.js';
import { serveFastify } from './fastify.js';
import { serveHono } from './hono.js';
import { serveKoa } from './koa.js';
import type { ServeOptions, ServedFramework } from './shared.js';

export type { ServedFramework, ServeOptions } from './shared.js';
export { expressCorsOptions, serveExpress, serveExpressWith } from './express.js';
export { fastifyCorsOptions, serveFastify, serveFastifyWith } from './fastify.js';
export { koaCorsOptions, serveKoa, serveKoaWith } from './koa.js';
export { honoCorsOptions, serveHono, serveHonoWith } from './hono.js';
export { originMatchers, patternRegExp, ROUTE_PATH } from './shared.js';

export interface FrameworkAdapter {
  /** Column label: `express+cors@2.8.6`. */
  name: string;
  framework: 'express' | 'fastify' | 'koa' | 'hono';
  serve(policy: CorsPolicy, opts?: ServeOptions): Promise<ServedFramework>;
}

/** The adapters in table order; older package versions sit next to the current ones. */
export const FRAMEWORK_ADAPTERS: readonly FrameworkAdapter[] = [
  {
    name: 'express+cors',
    framework: 'express',
    serve: (p, o) => serveExpress(p, { ...o, pkg: 'cors' }),
  },
  {
    name: 'express+cors@2.8.4',
    framework: 'express',
    serve: (p, o) => serveExpress(p, { ...o, pkg: 'cors-v2-8-4' }),
  },
  { name: 'fastify+@fastify/cors', framework: 'fastify', serve: (p, o) => serveFastify(p, o) },
  {
    name: 'koa+@koa/cors',
    framework: 'koa',
    serve: (p, o) => serveKoa(p, { ...o, pkg: '@koa/cors' }),
  },
  {
    name: 'koa+@koa/cors@4.0.0',
    framework: 'koa',
    serve: (p, o) => serveKoa(p, { ...o, pkg: 'koa-cors-v4' }),
  },
  { name: 'hono', framework: 'hono', serve: (p, o) => serveHono(p, o) },
];
