// express + cors: the policy as `cors` options, and the real server. `pkg` picks the
// installed version: `cors` (current) or the older `cors-v2-8-4` alias.
import { createRequire } from 'node:module';
import express from 'express';
import type { CorsOptions } from 'cors';
import type { CorsPolicy } from '../policy/index.js';
import type { PackageServeOptions, ServedFramework } from './shared.js';
import { ROUTE_PATH, listenOnLoopback, matcherCorsOptions, routeBody } from './shared.js';

export type ExpressCorsPackage = 'cors' | 'cors-v2-8-4';
const require = createRequire(import.meta.url);

/** The `cors` middleware options that implement the policy. */
export function expressCorsOptions(policy: CorsPolicy): CorsOptions {
  return {
    ...matcherCorsOptions(policy),
    preflightContinue: false,
    optionsSuccessStatus: 204,
  };
}

/** express with `cors` configured by hand (tests of known-bad configurations use this). */
export async function serveExpressWith(
  corsOptions: CorsOptions,
  opts: PackageServeOptions<ExpressCorsPackage> = {},
): Promise<ServedFramework> {
  const cors = require(opts.pkg ?? 'cors') as (o: CorsOptions) => express.RequestHandler;
  const app = express();
  app.use(cors(corsOptions));
  app.all(ROUTE_PATH, (req, res) => {
    res.status(200).json(routeBody(req.method));
  });
  return await listenOnLoopback((port, host, ready) => app.listen(port, host, ready), opts);
}
