// How Chromium and Firefox are started: the flags and prefs every backend gives them, and
// what our own launchers (CDP, WebDriver BiDi) add where Playwright's launcher would have
// added its defaults. A setting here changes what the engine does, so each says why.

/** Chromium flags: no sandbox (root in containers), nothing that phones home. */
export function chromiumArgs(hostNames: readonly string[]): string[] {
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (hostNames.length > 0) {
    args.push(`--host-resolver-rules=${hostNames.map((h) => `MAP ${h} 127.0.0.1`).join(',')}`);
  }
  return args;
}

/** Firefox prefs: the test names resolve to loopback, and the browser stays off the network. */
export function firefoxPrefs(
  hostNames: readonly string[],
): Record<string, string | number | boolean> {
  return {
    'network.dns.localDomains': hostNames.join(','),
    // Plain-HTTP origins are the norm here: no HTTPS-first upgrade attempts.
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    'dom.security.https_only_mode': false,
    // Background traffic that would otherwise try to reach the outside world.
    'app.update.enabled': false,
    'app.update.auto': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'services.settings.server': 'http://127.0.0.1:9/',
    'browser.region.network.url': '',
  };
}

/**
 * Chromium features turned off for a harness. `HttpsUpgrades` would try `https:` first for
 * a navigation to an `http:` host name (the cookie set-up navigates to each origin); the
 * rest are browser UI or media services that have no place in a headless run.
 */
const CHROMIUM_DISABLED_FEATURES = [
  'HttpsUpgrades',
  'PaintHolding',
  'MediaRouter',
  'DialMediaRouteProvider',
  'GlobalMediaControls',
  'Translate',
  'OptimizationHints',
  'LensOverlay',
  'AutoDeElevate',
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
];

/**
 * Chromium's command line under our own CDP launcher: headless, driven over a pipe, and
 * nothing that makes a run depend on the day or on how busy the machine is (field trials
 * switch features on and off at random; background throttling slows a page's timers).
 */
export function chromiumLaunchArgs(hostNames: readonly string[], userDataDir: string): string[] {
  return [
    ...chromiumArgs(hostNames),
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${userDataDir}`,
    '--disable-field-trial-config',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--disable-ipc-flooding-protection',
    '--disable-back-forward-cache',
    '--disable-hang-monitor',
    '--disable-breakpad',
    '--disable-client-side-phishing-detection',
    '--disable-component-extensions-with-background-pages',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--disable-extensions',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--no-default-browser-check',
    '--no-service-autorun',
    '--password-store=basic',
    '--use-mock-keychain',
    '--metrics-recording-only',
    '--mute-audio',
    `--disable-features=${CHROMIUM_DISABLED_FEATURES.join(',')}`,
    'about:blank',
  ];
}

/**
 * Firefox prefs under our own WebDriver BiDi launcher, beside `firefoxPrefs`: the cookie and
 * tracking settings of an automation profile (every cookie accepted, as a scenario's
 * credentials need; no tracking protection), timers and focus that do not depend on the page
 * being in the background, no start page, crash-restore or hang dialogs, and nothing that
 * reaches out at start.
 */
export function firefoxLaunchPrefs(
  hostNames: readonly string[],
): Record<string, string | number | boolean> {
  return {
    'remote.enabled': true,
    'browser.contentblocking.features.standard': '-tp,tpPrivate,cookieBehavior0,-cm,-fp',
    'network.cookie.sameSite.laxByDefault': false,
    'privacy.trackingprotection.enabled': false,
    'dom.min_background_timeout_value': 0,
    'dom.min_background_timeout_value_without_budget_throttling': 0,
    'dom.timeout.enable_budget_timer_throttling': false,
    'layout.testing.top-level-always-active': true,
    'focusmanager.testmode': true,
    'dom.disable_open_during_load': false,
    'network.http.prompt-temp-redirect': false,
    'network.manage-offline-status': false,
    'hangmonitor.timeout': 0,
    'dom.max_script_run_time': 0,
    'dom.max_chrome_script_run_time': 0,
    'dom.ipc.reportProcessHangs': false,
    'javascript.options.showInConsole': true,
    'browser.sessionstore.resume_from_crash': false,
    'toolkit.startup.max_resumed_crashes': -1,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'startup.homepage_welcome_url.additional': '',
    'browser.newtabpage.enabled': false,
    'browser.warnOnQuit': false,
    'browser.tabs.warnOnCloseOtherTabs': false,
    'app.normandy.api_url': '',
    'app.update.disabledForTesting': true,
    'browser.search.update': false,
    'media.gmp-manager.updateEnabled': false,
    'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
    ...firefoxPrefs(hostNames),
  };
}

/** A `user.js` that sets `prefs`. */
export function userJs(prefs: Record<string, string | number | boolean>): string {
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}
