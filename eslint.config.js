// Type-aware lint for the whole project, plus the purity fence around src/model
// (the reference model must not touch I/O, clocks, randomness, browsers or servers).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'reports/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain JavaScript (scripts/*.mjs, shared modules): the type checker already knows Node's
    // globals through allowJs, so the untyped `no-undef` rule only adds false alarms.
    files: ['**/*.mjs', '**/*.js'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Outside tsconfig.json (this config, the example adapter users copy, and the action's
    // script, whose declarations file stands in for it in the program): the syntax rules only,
    // since there are no types to check them against.
    files: ['eslint.config.js', 'examples/**/*.mjs', 'scripts/action.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['src/model/**/*.ts', 'src/scenario/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'net', 'child_process'],
              message: 'The model is pure: no I/O.',
            },
            {
              group: ['playwright', '@playwright/*', 'playwright-core'],
              message: 'The model knows no browser.',
            },
            {
              group: ['**/harness/**', '**/servers/**', '**/report/**', '**/cli/**'],
              message: 'The model imports only itself and src/scenario.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is an argument of the model.' },
        { object: 'Math', property: 'random', message: 'The model is deterministic.' },
        { object: 'process', message: 'The model has no environment.' },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout', 'setInterval'],
    },
  },
);
