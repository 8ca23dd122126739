// Types for scripts/action.mjs (plain JS so the action runs it unbuilt), for its test.
export declare const COMMANDS: string[];
export declare const ALL_ENGINES: string[];
export declare function splitArgs(text: string): string[];
export declare function parseEngines(text: string | undefined): string[];
export declare function commandLine(input: {
  command: string;
  args: string[];
  engines: string[];
  reports: string;
}): { argv: string[]; output: string | null; sarif: boolean };
export declare function provisionPlan(
  doctor: { engines: { browser: string; found: boolean }[] },
  wanted: string[],
  how: { isRoot: boolean; script: string },
): { missing: string[]; command: string[] } | null;
export declare function main(argv?: string[], env?: NodeJS.ProcessEnv): Promise<number>;
