// The built-in Node adapters of the generated suites: express+cors, fastify+@fastify/cors,
// koa+@koa/cors and hono, each current version and older ones installed side by side under
// npm aliases (devDependencies). Each adapter keeps one loopback server for the run and
// swaps in a fresh app per policy. Packages load only when an adapter starts, so the
// installed CLI works without them; `unavailable()` names the missing package.
import { createRequire } from 'node:module';
import type http from 'node:http';
import type { SuiteAdapter, StartedPolicy } from './suite-adapter.js';
import { SUITE_ROUTE_BODY, SUITE_ROUTE_HEADERS, SUITE_ROUTE_PATH } from './suite-adapter.js';
import type { RequestHandler } from './swap-server.js';
import { SwapServer } from './swap-server.js';
import type { CorsOptions } from 'cors';
import type { FastifyCorsOptions } from '@fastify/cors';
import type { HonoSuiteOptions, KoaSuiteOptions, Translation } from './node-options.js';
import {
  cannotExpressWith,
  configJson,
  corsOptionsFor,
  fastifyCorsOptionsFor,
  honoCorsOptionsFor,
  koaCorsOptionsFor,
} from './node-options.js';
import type { FrameworkPolicy } from './vocabulary.js';

const require = createRequire(import.meta.url);
/** Every method the route answers in frameworks that want a list. */
const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const FN_NOTE = 'answers the request origin when the policy allows it';

/** What an app builder gets: the middleware's options; what it returns: the handler. */
interface AppBuild {
  handler: RequestHandler;
  close?: () => Promise<void>;
}

/**
 * One framework with its CORS middleware: the options a policy becomes and the app that
 * serves the route behind them. `P` names the installed packages of one version.
 */
interface NodeFramework<T extends object, P> {
  translate: (p: FrameworkPolicy) => Translation<T>;
  /** The packages (as installed, aliases included) the version `pkg` loads. */
  packages(pkg: P): string[];
  build(options: T, pkg: P): Promise<AppBuild>;
}

/** The older versions this project installs under npm aliases, as `npm install` names them. */
const ALIASES: Record<string, string> = {
  'cors-v2-8-4': 'npm:cors@2.8.4',
  'cors-v2-8-1': 'npm:cors@2.8.1',
  'fastify-v3': 'npm:fastify@3.29.5',
  'fastify-cors-v6-0-2': 'npm:fastify-cors@6.0.2',
  'koa-cors-v4': 'npm:@koa/cors@4.0.0',
  'hono-v4-12-24': 'npm:hono@4.12.24',
  'hono-v4-10-2': 'npm:hono@4.10.2',
};

/** `hono-v4-10-2@npm:hono@4.10.2` for an alias, the name itself otherwise. */
export function installSpec(pkg: string): string {
  const target = ALIASES[pkg];
  return target === undefined ? pkg : `${pkg}@${target}`;
}

function missingPackage(packages: readonly string[]): string | null {
  for (const p of packages) {
    try {
      require.resolve(p);
    } catch {
      return p;
    }
  }
  return null;
}

/** The in-process adapter `name` for one installed version (`pkg`) of a framework. */
function nodeAdapter<T extends object, P>(
  name: string,
  framework: NodeFramework<T, P>,
  pkg: P,
): SuiteAdapter {
  const packages = framework.packages(pkg);
  let server: SwapServer | null = null;
  return {
    name,
    unavailable: () => {
      const missing = missingPackage(packages);
      return Promise.resolve(
        missing === null
          ? null
          : `package ${missing} is not installed (npm install --save-dev ${packages.map(installSpec).join(' ')})`,
      );
    },
    cannotExpress: cannotExpressWith(framework.translate),
    async start(p): Promise<StartedPolicy> {
      const t = framework.translate(p);
      if ('cannot' in t) throw new Error(`${name} cannot express the policy: ${t.cannot}`);
      server ??= await SwapServer.start();
      const app = await framework.build(t.options, pkg);
      const s = server;
      s.use(app.handler);
      return {
        url: s.url(SUITE_ROUTE_PATH),
        config: configJson(t.options, FN_NOTE),
        stop: async () => {
          s.clear();
          await app.close?.();
        },
      };
    },
    async close() {
      await server?.close();
      server = null;
    },
  };
}

function sendRoute(res: http.ServerResponse): void {
  res.statusCode = 200;
  for (const [n, v] of SUITE_ROUTE_HEADERS) res.setHeader(n, v);
  res.setHeader('Content-Type', 'application/json');
  res.end(SUITE_ROUTE_BODY);
}

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/** express with `cors` (any installed version under `pkg`). */
const EXPRESS_CORS: NodeFramework<CorsOptions, string> = {
  translate: corsOptionsFor,
  packages: (pkg) => ['express', pkg],
  build: async (options, pkg) => {
    const express = (await import('express')).default;
    const cors = require(pkg) as (o: object) => Middleware;
    const app = express();
    app.use(cors(options));
    app.all(SUITE_ROUTE_PATH, (_req, res) => sendRoute(res));
    return { handler: app };
  },
};

interface FastifyLike {
  register(plugin: unknown, options: object): PromiseLike<unknown>;
  route(r: {
    method: string[];
    url: string;
    handler: (req: unknown, reply: unknown) => void;
  }): void;
  ready(): PromiseLike<unknown>;
  close(): PromiseLike<unknown>;
}
interface FastifyReply {
  header(n: string, v: string): FastifyReply;
  type(t: string): FastifyReply;
  send(body: string): void;
}
type FastifyFactory = (o: {
  logger: false;
  serverFactory: (h: RequestHandler) => http.Server;
}) => FastifyLike;

/**
 * fastify with its CORS plugin (any installed versions of the two); the app's handler is
 * taken from `serverFactory`.
 */
const FASTIFY_CORS: NodeFramework<FastifyCorsOptions, { fastify: string; cors: string }> = {
  translate: fastifyCorsOptionsFor,
  packages: (pkg) => [pkg.fastify, pkg.cors],
  build: async (options, { fastify: fastifyPkg, cors: corsPkg }) => {
    const http = await import('node:http');
    const fastify = require(fastifyPkg) as FastifyFactory;
    const plugin = require(corsPkg) as unknown;
    let handler: RequestHandler | undefined;
    const app = fastify({
      logger: false,
      serverFactory: (h) => {
        handler = h;
        return http.createServer();
      },
    });
    await app.register(plugin, options);
    app.route({
      method: ROUTE_METHODS,
      url: SUITE_ROUTE_PATH,
      handler: (_req, reply) => {
        const r = reply as FastifyReply;
        for (const [n, v] of SUITE_ROUTE_HEADERS) r.header(n, v);
        r.type('application/json').send(SUITE_ROUTE_BODY);
      },
    });
    await app.ready();
    if (handler === undefined) throw new Error(`${fastifyPkg} did not call serverFactory`);
    return { handler, close: async () => void (await app.close()) };
  },
};

interface KoaLike {
  use(mw: unknown): void;
  callback(): RequestHandler;
}

/** koa with `@koa/cors` (any installed version under `pkg`). */
const KOA_CORS: NodeFramework<KoaSuiteOptions, string> = {
  translate: koaCorsOptionsFor,
  packages: (pkg) => ['koa', pkg],
  build: async (options, pkg) => {
    const Koa = (await import('koa')).default as unknown as new () => KoaLike;
    const cors = require(pkg) as (o: object) => unknown;
    const app = new Koa();
    app.use(cors(options));
    app.use(
      (ctx: { path: string; status: number; body: unknown; set(n: string, v: string): void }) => {
        if (ctx.path !== SUITE_ROUTE_PATH) return;
        for (const [n, v] of SUITE_ROUTE_HEADERS) ctx.set(n, v);
        ctx.set('Content-Type', 'application/json');
        ctx.status = 200;
        ctx.body = SUITE_ROUTE_BODY;
      },
    );
    return { handler: app.callback() };
  },
};

interface HonoLike {
  use(path: string, mw: unknown): void;
  all(
    path: string,
    h: (c: { body(b: string, s: number, h: Record<string, string>): Response }) => Response,
  ): void;
  fetch: (req: Request) => Response | Promise<Response>;
}

/** hono's `cors` middleware (any installed version under `pkg`) on @hono/node-server. */
const HONO_CORS: NodeFramework<HonoSuiteOptions, string> = {
  translate: honoCorsOptionsFor,
  packages: (pkg) => [pkg, '@hono/node-server'],
  build: async (options, pkg) => {
    const { Hono } = require(pkg) as { Hono: new () => HonoLike };
    const { cors } = require(`${pkg}/cors`) as { cors: (o: object) => unknown };
    const { getRequestListener } = (await import('@hono/node-server')) as unknown as {
      getRequestListener: (f: HonoLike['fetch']) => RequestHandler;
    };
    const app = new Hono();
    app.use('*', cors(options));
    const headers = Object.fromEntries([
      ...SUITE_ROUTE_HEADERS,
      ['Content-Type', 'application/json'],
    ]) as Record<string, string>;
    app.all(SUITE_ROUTE_PATH, (c) => c.body(SUITE_ROUTE_BODY, 200, headers));
    return { handler: getRequestListener(app.fetch) };
  },
};

/** The built-in Node adapters, current versions first within each framework. */
export function nodeSuiteAdapters(): SuiteAdapter[] {
  return [
    nodeAdapter('express+cors@2.8.6', EXPRESS_CORS, 'cors'),
    nodeAdapter('express+cors@2.8.4', EXPRESS_CORS, 'cors-v2-8-4'),
    nodeAdapter('express+cors@2.8.1', EXPRESS_CORS, 'cors-v2-8-1'),
    nodeAdapter('fastify+@fastify/cors@11.4.3', FASTIFY_CORS, {
      fastify: 'fastify',
      cors: '@fastify/cors',
    }),
    nodeAdapter('fastify@3+fastify-cors@6.0.2', FASTIFY_CORS, {
      fastify: 'fastify-v3',
      cors: 'fastify-cors-v6-0-2',
    }),
    nodeAdapter('koa+@koa/cors@5.0.0', KOA_CORS, '@koa/cors'),
    nodeAdapter('koa+@koa/cors@4.0.0', KOA_CORS, 'koa-cors-v4'),
    nodeAdapter('hono@4.13.19', HONO_CORS, 'hono'),
    nodeAdapter('hono@4.12.24', HONO_CORS, 'hono-v4-12-24'),
    nodeAdapter('hono@4.10.2', HONO_CORS, 'hono-v4-10-2'),
  ];
}
