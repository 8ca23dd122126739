// Types for scripts/browsers.mjs (plain JS so it runs before the build), for its unit test.
export declare const PACKAGES: string[];
export declare const TARGET_PACKAGES: string[];
export declare const HOSTS_BEGIN: string;
export declare const HOSTS_END: string;
export declare const HOST_NAMES: string[];
export declare function rewriteHostsText(text: string, names: readonly string[]): string;
export declare function main(argv?: string[]): number;
