// Each engine's worker starts its own fixture servers, so the same prediction names other
// ports in each engine (`http://example.net:36833` here, `:35849` there). results.json writes
// the fixture ports by name, `{port:P}` for the shared http port, `{port:Q}` for the other
// http port and `{port:R}` for the https one, with each engine's numbers in `ports`, so what
// is the same in every engine is written once. Reading puts the numbers back.

const FIXTURE_URL =
  /(https?):\/\/(example\.com|example\.net|example\.org|sub\.example\.com):(\d+)/g;

/**
 * Port number → name for one engine, from the URLs in its cases: `P` is example.net's http
 * port, `R` its https port, `Q` the one other http port of example.com. Scenarios may write
 * other ports on purpose; those stay numbers. Null when there is no example.net URL.
 */
export function portNamesOf(texts: readonly string[]): Record<string, string> | null {
  const seen = new Map<string, number>();
  for (const t of texts) {
    for (const m of t.matchAll(FIXTURE_URL)) {
      const [, scheme, host, port] = m as unknown as [string, string, string, string];
      const key = `${scheme} ${host} ${port}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  // The most used port of each kind: a scenario's own port is rare beside the fixture's.
  const top = (scheme: string, host: string, not: readonly string[] = []): string | null => {
    let best: [string, number] | null = null;
    for (const [key, n] of seen) {
      const [s, h, port = ''] = key.split(' ');
      if (s !== scheme || h !== host || not.includes(port)) continue;
      if (best === null || n > best[1]) best = [port, n];
    }
    return best?.[0] ?? null;
  };
  const p = top('http', 'example.net');
  if (p === null) return null;
  const names: Record<string, string> = { [p]: 'P' };
  const r = top('https', 'example.net', [p]);
  if (r !== null) names[r] = 'R';
  const q = top('http', 'example.com', [p, ...(r === null ? [] : [r])]);
  if (q !== null) names[q] = 'Q';
  return names;
}

/** `text` with each named port written as `{port:NAME}`. */
export function namePorts(text: string, names: Record<string, string> | null): string {
  if (names === null) return text;
  return text.replace(FIXTURE_URL, (all, scheme: string, host: string, port: string) => {
    const name = names[port];
    return name === undefined ? all : `${scheme}://${host}:{port:${name}}`;
  });
}

/** `text` with `{port:NAME}` back as the engine's numbers (`ports`: name → number). */
export function restorePorts(text: string, ports: Record<string, string> | undefined): string {
  if (ports === undefined) return text;
  return text.replace(/:\{port:([A-Z])\}/g, (all, name: string) =>
    ports[name] === undefined ? all : `:${ports[name]}`,
  );
}

/** name → number, from number → name. */
export function portsByName(names: Record<string, string> | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [port, name] of Object.entries(names ?? {})) out[name] = port;
  return out;
}
