import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CommanderError } from 'commander';
import { buildProgram, packageVersion } from './main.js';
import { commanderExitCode } from './run-command.js';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

test('the version is read from package.json, from src/cli and from dist/src/cli', () => {
  expect(packageVersion()).toBe(version);
  expect(packageVersion(`${process.cwd()}/dist/src/cli`)).toBe(version);
});

test('--version prints the package version and exits 0', async () => {
  const program = buildProgram();
  let out = '';
  program.configureOutput({ writeOut: (t) => void (out += t) });
  const err = await program
    .parseAsync(['node', 'cors-conformance', '--version'])
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CommanderError);
  expect((err as CommanderError).exitCode).toBe(0);
  expect(out).toBe(`${version}\n`);
});

test('--help lists the registered subcommands with their options', () => {
  const program = buildProgram();
  const help = program.helpInformation();
  expect(help).toContain('Usage: cors-conformance');
  expect(help).toMatch(/predict \[options\] \[file\]/);
  expect(help).toMatch(/explain \[options\] \[file\]/);
  const predict = program.commands.find((c) => c.name() === 'predict');
  expect(predict?.helpInformation()).toContain('--engine <name>');
});

test('an unknown subcommand is one stderr line and exit code 2', async () => {
  const program = buildProgram();
  let err = '';
  program.configureOutput({ writeErr: (t) => void (err += t) });
  const thrown = await program
    .parseAsync(['node', 'cors-conformance', 'predcit'])
    .catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(CommanderError);
  expect(commanderExitCode(thrown as CommanderError)).toBe(2);
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toContain("unknown command 'predcit'");
});
