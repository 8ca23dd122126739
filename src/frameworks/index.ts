// Every framework adapter (and installed version of it), by name: what `frameworks` runs.
import type { CorsPolicy } from '../policy/index.js';
import { expressCorsOptions, serveExpressWith } from './express.js';
import { fastifyCorsOptions, serveFastifyWith } from './fastify.js';
import { honoCorsOptions, serveHonoWith } from './hono.js';
import { koaCorsOptions, serveKoaWith } from './koa.js';
import type { PackageServeOptions, ServeOptions, ServedFramework } from './shared.js';

export type { ServedFramework, ServeOptions } from './shared.js';
export { expressCorsOptions, serveExpressWith } from './express.js';
export { fastifyCorsOptions, serveFastifyWith } from './fastify.js';
export { koaCorsOptions, serveKoaWith } from './koa.js';
export { honoCorsOptions, serveHonoWith } from './hono.js';
export { originMatchers, patternRegExp, ROUTE_PATH } from './shared.js';

export interface FrameworkAdapter {
  /** Column label: `express+cors@2.8.6`. */
  name: string;
  framework: 'express' | 'fastify' | 'koa' | 'hono';
  serve(policy: CorsPolicy, opts?: ServeOptions): Promise<ServedFramework>;
}

/**
 * An adapter's one-policy entry point from its two halves: the policy as the middleware's
 * options, then the app serving those options (the half known-bad configurations call alone).
 */
function servePolicyWith<O, S extends ServeOptions>(
  optionsOf: (policy: CorsPolicy) => O,
  serveWith: (corsOptions: O, opts?: S) => Promise<ServedFramework>,
): (policy: CorsPolicy, opts?: S) => Promise<ServedFramework> {
  return (policy, opts) => serveWith(optionsOf(policy), opts);
}

/** Each adapter serving a `CorsPolicy` (its options for the policy, then its app). */
export const serveExpress = servePolicyWith(expressCorsOptions, serveExpressWith);
export const serveFastify = servePolicyWith(fastifyCorsOptions, serveFastifyWith);
export const serveKoa = servePolicyWith(koaCorsOptions, serveKoaWith);
export const serveHono = servePolicyWith(honoCorsOptions, serveHonoWith);

/** An adapter's entry point with its package version fixed (`pkg`, an npm alias). */
function withPackage<P extends string>(
  serve: (policy: CorsPolicy, opts?: PackageServeOptions<P>) => Promise<ServedFramework>,
  pkg: P,
): FrameworkAdapter['serve'] {
  return (policy, opts) => serve(policy, { ...opts, pkg });
}

/** The adapters in table order; older package versions sit next to the current ones. */
export const FRAMEWORK_ADAPTERS: readonly FrameworkAdapter[] = [
  { name: 'express+cors', framework: 'express', serve: withPackage(serveExpress, 'cors') },
  {
    name: 'express+cors@2.8.4',
    framework: 'express',
    serve: withPackage(serveExpress, 'cors-v2-8-4'),
  },
  { name: 'fastify+@fastify/cors', framework: 'fastify', serve: serveFastify },
  { name: 'koa+@koa/cors', framework: 'koa', serve: withPackage(serveKoa, '@koa/cors') },
  { name: 'koa+@koa/cors@4.0.0', framework: 'koa', serve: withPackage(serveKoa, 'koa-cors-v4') },
  { name: 'hono', framework: 'hono', serve: serveHono },
];
