// ESLint flat config: typescript-eslint with type information, so that floating promises are errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the language model tools may not import (src/tools): they read the store, nothing below or beside it. */
const TOOL_PATTERNS = [
  { group: ['**/sandbox', '**/sandbox/**'], message: 'Only the demo service, tests, the bench and scripts use the sandbox.' },
  {
    regex: '^(\\.\\./)+api(/(?!(model|errors)$)[^/]+)?$',
    message: 'The tools read the store (src/store); only the API\'s model and errors are theirs to import.',
  },
  { group: ['**/connections/clientProvider', '**/connections/store', '**/connections/connectionFlow'], message: 'The tools never make clients or read credentials: they read the store.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  // The layers (docs/extension.md): api → store → views, commands, webviews, code features and tools.
  // Each block below says what a layer may not import; a later block for the same files replaces the rule.
  {
    // Nothing in the extension imports the sandbox, except the demo service (which loads dist/sandbox.js lazily).
    files: ['src/**/*.ts'],
    ignores: ['src/sandbox/**', 'src/demo/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/sandbox', '**/sandbox/**'], message: 'Only the demo service, tests, the bench and scripts use the sandbox.' }],
      }],
    },
  },
  {
    // Trees and panels read the store; they never reach around it to the API client or the sandbox.
    files: ['src/views/**/*.ts', 'src/webviews/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/sandbox', '**/sandbox/**'], message: 'Only the demo service, tests, the bench and scripts use the sandbox.' },
          {
            regex: '^(\\.\\./)+api(/(?!(model|errors|vendorCodes)$)[^/]+)?$',
            message: 'Views and panels read the store (src/store); only the API\'s model and errors (and how to read them) are theirs to import.',
          },
          { group: ['**/connections/clientProvider'], message: 'Views and panels never make clients: they read the store.' },
        ],
      }],
    },
  },
  {
    // The language model tools read the store: never the API client, a credential or the sandbox. Everything but the
    // glue (register.ts) is vscode-free: result building is tested in plain mocha and bundled alone (dist/tools.js).
    files: ['src/tools/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Only src/tools/register.ts (the glue) imports vscode; the tools are tested in plain mocha.' }],
        patterns: TOOL_PATTERNS,
      }],
    },
  },
  {
    files: ['src/tools/register.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: TOOL_PATTERNS }] },
  },
  {
    // Agent IDs in code (hover, completion, warnings, snippets, export) read the store, never the client or the sandbox.
    files: ['src/code/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/sandbox', '**/sandbox/**'], message: 'Only the demo service, tests, the bench and scripts use the sandbox.' },
          {
            regex: '^(\\.\\./)+api(/(?!(model|errors)$)[^/]+)?$',
            message: 'The code features read the store (src/store); only the API\'s model and errors are theirs to import.',
          },
          { group: ['**/connections/clientProvider'], message: 'The code features never make clients: they read the store.' },
        ],
      }],
    },
  },
  {
    // Its pure logic (every file directly in src/code) is tested in plain mocha: no vscode; the providers are in src/code/providers.
    files: ['src/code/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/code/*.ts is pure (plain mocha tests); vscode belongs in src/code/providers.' }],
        patterns: [
          { group: ['**/sandbox', '**/sandbox/**'], message: 'Only the demo service, tests, the bench and scripts use the sandbox.' },
          {
            regex: '^(\\.\\./)+api(/(?!(model|errors)$)[^/]+)?$',
            message: 'The code features read the store (src/store); only the API\'s model and errors are theirs to import.',
          },
          { group: ['**/connections/*', '../commands/*', '../webviews/*', '../util/lifecycle', '../util/clipboard', '../util/logger', '../util/lazyModule'], message: 'src/code/*.ts is pure: no vscode-bound modules.' },
        ],
      }],
    },
  },
  {
    // The API client: no vscode, and nothing of ours above it (only src/api and the pure helpers in src/util).
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/api must not depend on vscode.' }],
        patterns: [{
          group: ['../*', '!../util', '!../util/*', '!../text', '!../text/*'],
          message: 'src/api imports only src/api, src/text and src/util: it is the bottom layer.',
        }, { group: ['../util/lifecycle', '../util/clipboard', '../util/logger', '../util/lazyModule'], message: 'These helpers are vscode-bound.' }],
      }],
    },
  },
  {
    // The store: no vscode; below every reader (views, commands, webviews, connections' UI, code features, tools).
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/store must not depend on vscode (it is tested in plain mocha).' }],
        patterns: [{
          group: ['../*', '!../api', '!../api/*', '!../util', '!../util/*', '!../text', '!../text/*'],
          message: 'src/store imports only src/api, src/text, src/util and itself: readers sit above it, never below.',
        }, { group: ['../util/lifecycle', '../util/clipboard', '../util/logger', '../util/lazyModule'], message: 'These helpers are vscode-bound.' }],
      }],
    },
  },
  {
    // The sandbox: no vscode, nothing of the extension (it is bundled alone as dist/sandbox.js and run by npm run sandbox).
    files: ['src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/sandbox must not depend on vscode.' }],
        patterns: [{ group: ['../*'], message: 'The sandbox stands alone: it imports nothing outside src/sandbox.' }],
      }],
    },
  },
  {
    // Text safety (escaping, cutting, one-line text): pure, below every layer that shows or logs text.
    files: ['src/text/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/text must not depend on vscode.' }],
        patterns: [{ group: ['../*'], message: 'src/text stands alone: every layer imports it, it imports none.' }],
      }],
    },
  },
);
