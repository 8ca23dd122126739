// The built-in Python adapters: Starlette's CORSMiddleware (uvicorn) and flask-cors (Flask on
// werkzeug), from Debian's packages, each one long-lived process started on first use
// (src/live/start-target.ts: its own process group, stopped at the end and on SIGINT) that
// takes each policy as keyword arguments on a control path. Debian's interpreter is used
// (`/usr/bin/python3`, or CORS_CONFORMANCE_PYTHON): its dist-packages hold the packages.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../live/page-host.js';
import type { StartedTarget } from '../live/start-target.js';
import { startTarget } from '../live/start-target.js';
import type { Translation } from './node-options.js';
import { cannotExpressWith } from './node-options.js';
import { CONTROL_PATH, FLASK_APP, STARLETTE_APP } from './python-apps.js';
import { flaskCorsKwargs, starletteKwargs } from './python-options.js';
import type { StartedPolicy, SuiteAdapter } from './suite-adapter.js';
import { SUITE_ROUTE_PATH } from './suite-adapter.js';
import type { FrameworkPolicy } from './vocabulary.js';

export function pythonInterpreter(env: NodeJS.ProcessEnv = process.env): string {
  return env['CORS_CONFORMANCE_PYTHON'] ?? '/usr/bin/python3';
}

interface PythonAdapterSpec {
  name: string;
  /** Modules that must import, and the version line printed when they do. */
  check: string;
  install: string;
  source: string;
  translate: (p: FrameworkPolicy) => Translation<Record<string, unknown>>;
}

function run(python: string, code: string): Promise<{ ok: boolean; out: string }> {
  return new Promise((done) => {
    execFile(python, ['-c', code], { timeout: 20_000 }, (error, stdout, stderr) => {
      const out = `${stdout}${stderr}`.trim();
      done({ ok: error === null, out: out === '' && error !== null ? error.message : out });
    });
  });
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function pythonAdapter(spec: PythonAdapterSpec): SuiteAdapter {
  let process: { target: StartedTarget; base: string; dir: string } | null = null;
  const adapter: SuiteAdapter = {
    name: spec.name,
    async unavailable() {
      const python = pythonInterpreter();
      const r = await run(python, spec.check);
      if (r.ok) {
        adapter.version = r.out.split('\n').pop() ?? '';
        return null;
      }
      return `${python} cannot import it (${r.out.split('\n').pop() ?? ''}): ${spec.install}`;
    },
    cannotExpress: cannotExpressWith(spec.translate),
    async start(p): Promise<StartedPolicy> {
      const t = spec.translate(p);
      if ('cannot' in t) throw new Error(`${spec.name} cannot express the policy: ${t.cannot}`);
      process ??= await launch(spec);
      const res = await fetch(`${process.base}${CONTROL_PATH}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(t.options),
      });
      if (res.status !== 204)
        throw new Error(`${spec.name}: the control path answered ${res.status}`);
      return { url: `${process.base}${SUITE_ROUTE_PATH}`, config: t.options, stop: async () => {} };
    },
    async close() {
      const running = process;
      process = null;
      if (running === null) return;
      await running.target.stop();
      await rm(running.dir, { recursive: true, force: true });
    },
  };
  return adapter;
}

async function launch(
  spec: PythonAdapterSpec,
): Promise<{ target: StartedTarget; base: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cors-conformance-python-'));
  const file = join(dir, 'app.py');
  await writeFile(file, spec.source);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  try {
    const target = await startTarget(
      `${quote(pythonInterpreter())} ${quote(file)} ${port}`,
      new URL(base),
    );
    return { target, base, dir };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

const VERSION = (module: string, dist: string): string =>
  `import ${module}, importlib.metadata as m; print(m.version(${JSON.stringify(dist)}))`;

/** The built-in Python adapters (run when Debian's packages are installed). */
export function pythonSuiteAdapters(): SuiteAdapter[] {
  return [
    pythonAdapter({
      name: 'starlette+CORSMiddleware',
      check: `import uvicorn; ${VERSION('starlette', 'starlette')}`,
      install: 'apt-get install -y python3-starlette python3-uvicorn',
      source: STARLETTE_APP,
      translate: starletteKwargs,
    }),
    pythonAdapter({
      name: 'flask+flask-cors',
      check: `import flask; ${VERSION('flask_cors', 'flask-cors')}`,
      install: 'apt-get install -y python3-flask-cors',
      source: FLASK_APP,
      translate: flaskCorsKwargs,
    }),
  ];
}
