// The one small interface every browser backend implements. Suites and the runner never
// know whether Playwright (Chromium, Firefox, Playwright's WebKit) or W3C WebDriver classic
// (WebKitGTK) sits behind it.

export type BrowserName = 'chromium' | 'firefox' | 'webkit';
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox', 'webkit'];

/**
 * How an engine is driven: Chromium over CDP and Firefox over WebDriver BiDi by our own
 * clients, WebKitGTK over WebDriver classic, and Playwright's own builds by Playwright.
 */
export type EngineDriver = 'cdp' | 'webdriver-bidi' | 'webdriver-classic' | 'playwright';

/** Where an engine build was found and how it is driven (printed by `doctor`). */
export interface EngineInfo {
  browser: BrowserName;
  /** The engine's own version string, e.g. `156.0.8078.73`. */
  version: string;
  executable: string;
  driver: EngineDriver;
  /** How it was found: an env var / config path, Playwright's installed build, or the system package. */
  source: 'env' | 'playwright' | 'system';
  /** Whether host names such as `example.com` resolve to loopback in this engine. */
  hostNames: boolean;
}

/** A browser that could not be found, with the one command that gets it. */
export interface EngineMissing {
  browser: BrowserName;
  reason: string;
  fix: string;
}

export interface LaunchOptions {
  /** Host names to map to 127.0.0.1 (`example.com`, `sub.example.com`, `example.net`, ...). */
  hostNames: string[];
  /** Per-call timeout for scripts run in the page, ms. */
  scriptTimeoutMs?: number;
}

/** One running browser (one per worker). */
export interface Engine {
  readonly info: EngineInfo;
  /** Opens a new page (tab/window) at `url` and waits for its load event. */
  openPage(url: string): Promise<EnginePage>;
  /** Ends the browser and every process it started (drivers, MiniBrowser, Xvfb). */
  close(): Promise<void>;
  /**
   * Puts a cookie for `cookie.url`'s host into the browser's jar without contacting that
   * host (used for browser proofs against a user's server). Optional: backends without an
   * engine-level cookie API leave it out.
   */
  addCookie?(cookie: EngineCookie): Promise<void>;
}

/** A cookie for `addCookie`. */
export interface EngineCookie {
  /** A URL on the host the cookie belongs to, e.g. `http://127.0.0.1:3000/`. */
  url: string;
  name: string;
  value: string;
  /** Default `None` (sent on cross-site requests). */
  sameSite?: 'Strict' | 'Lax' | 'None';
  /** Default: true for https URLs and for SameSite=None. */
  secure?: boolean;
  httpOnly?: boolean;
}

/** A cookie with every default filled in (SameSite None; Secure for https and for None; HttpOnly). */
export function withCookieDefaults(cookie: EngineCookie): Required<EngineCookie> {
  const sameSite = cookie.sameSite ?? 'None';
  return {
    ...cookie,
    sameSite,
    secure: cookie.secure ?? (sameSite === 'None' || cookie.url.startsWith('https:')),
    httpOnly: cookie.httpOnly ?? true,
  };
}

export interface EnginePage {
  /**
   * Runs `fnSource`, the source text of an async function taking one JSON argument, in the
   * page and returns its JSON result. Rejects with EngineCrashed/ScriptTimeout on trouble.
   */
  run<T>(fnSource: string, arg: unknown): Promise<T>;
  /** Navigates this page to `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Console messages (errors and warnings) since the last call, oldest first. Empty where the backend cannot see the console. */
  takeConsole(): string[];
  close(): Promise<void>;
}

/** The browser process died or stopped answering; the runner restarts it. */
export class EngineCrashed extends Error {
  override readonly name = 'EngineCrashed';
}

/** A script in the page did not finish in time. */
export class ScriptTimeout extends Error {
  override readonly name = 'ScriptTimeout';
}
