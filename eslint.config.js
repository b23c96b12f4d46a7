// @ts-check
/**
 * ESLint flat config for the whole monorepo (`npm run lint` = `eslint .`).
 *
 * - Type-aware typescript-eslint (strictTypeChecked + stylisticTypeChecked), made pragmatic for
 *   this codebase's deliberate style: a port of Python's socketserver with Python names
 *   (`__init__`, `_BaseServer__is_shut_down`, `_Threads`), mixin factories
 *   `(Base) => class extends Base {...}`, `declare` fields, and `async` methods that mirror
 *   Python methods which may block even when the TypeScript body does not await.
 * - Layer rules (`no-restricted-imports`): core never reaches into the apps; the web app sees core
 *   only through its public schema entry `@sockscope/core/trace` (no Node deps); the runtime never imports
 *   the web app's sources. `tools/layer-rules.test.ts` proves they fire.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Patterns shared by the layer rules. */
const APPS_FROM_CORE = {
  group: ['**/apps/**', '@sockscope/runtime', '@sockscope/runtime/**', '@sockscope/web', '@sockscope/web/**'],
  message: 'packages/core must not depend on the apps (apps/runtime, apps/web).',
};

export default defineConfig(
  globalIgnores(
    [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tmp/**',
      '**/coverage/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/blob-report/**',
      '**/playwright/.cache/**',
    ],
    'sockscope/ignores',
  ),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,

  {
    name: 'sockscope/typescript',
    languageOptions: {
      parserOptions: {
        // Each file is checked against the nearest tsconfig.json (the root one for now).
        projectService: true,
        tsconfigRootDir: dirname(fileURLToPath(import.meta.url)),
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // --- Kept strict on purpose -------------------------------------------------------------
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],

      // --- Tuned for the port's deliberate style ----------------------------------------------
      // Python methods that may block are `async` even when their TypeScript body has no await
      // (BaseServer.verify_request, handle_error, _Threads.reap, ...): subclasses override them
      // with bodies that do await, and every caller awaits them.
      'require-await': 'off',
      '@typescript-eslint/require-await': 'off',
      // Type narrowing survives `await`, but the port's flags are mutated by other (logical)
      // threads while a method awaits: `while (!this._BaseServer__shutdown_request) { await
      // select(); if (this._BaseServer__shutdown_request) break; }` is CPython's loop, and this
      // rule calls the second check "always falsy". False positives that push towards wrong code.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Python's `pass` hooks (server_activate, service_actions, setup, handle, finish, ...) are
      // empty methods on purpose, and `() => {}` is the no-op callback (a silent tracer's emit);
      // empty `function` declarations and constructors are still reported.
      '@typescript-eslint/no-empty-function': [
        'error',
        { allow: ['methods', 'asyncMethods', 'overrideMethods', 'arrowFunctions'] },
      ],
      // `return self.handle_timeout()` is mirrored as `return await this.handle_timeout()` in a
      // method returning Promise<void>; `(err) => reject(err)` shorthands are idiomatic.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      // Numbers in messages (ports, pids, errnos) are fine; nullish, objects and any are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // PyObject (the root of every Python class, with only a constructor and `static create`)
      // and mixin bodies `(Base) => class extends Base {...}` are classes by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Conflicts with strict's no-non-null-assertion (one asks for `x!`, the other forbids it).
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // Python attributes/defaults keep their explicit types for the reader (`code: number = 0`).
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreParameters: true, ignoreProperties: true }],
      // `T[]` for simple types, `Array<...>` for complex ones (`Array<() => void>`, unions).
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // Records and `process.env` are read with brackets (`env['SOCKSCOPE_FORKED_CHILD']`), which
      // stays valid if `noPropertyAccessFromIndexSignature` is turned on.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
    },
  },

  {
    // Plain JS files (this config) are not in any tsconfig: lint them without type information.
    name: 'sockscope/javascript',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // --- Layer rules ------------------------------------------------------------------------------
  {
    name: 'sockscope/layers/core',
    files: ['packages/core/**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [APPS_FROM_CORE] }],
    },
  },
  {
    name: 'sockscope/layers/web',
    files: ['apps/web/**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@sockscope/core',
              message: 'apps/web sees core only through the type-only schema: import type { ... } from "@sockscope/core/trace".',
            },
            { name: '@sockscope/runtime', message: 'apps/web must not import the runtime.' },
          ],
          patterns: [
            {
              // Any subpath but exactly `/trace` (a gitignore-style negation would let
              // `@sockscope/core/trace/schema` through).
              regex: '^@sockscope/core/(?!trace$)',
              message: 'apps/web may import from core only via "@sockscope/core/trace".',
            },
            {
              group: ['**/packages/**'],
              message: 'apps/web must not reach into packages/ by relative path: use "@sockscope/core/trace".',
            },
            {
              group: ['@sockscope/runtime/**', '**/apps/runtime/**', '**/runtime/src/**'],
              message: 'apps/web must not import the runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'sockscope/layers/runtime',
    files: ['apps/runtime/**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@sockscope/web', message: 'apps/runtime must not import the web app sources.' }],
          patterns: [
            {
              group: ['@sockscope/web/**', '**/apps/web/**', '**/web/src/**'],
              message: 'apps/runtime must not import the web app sources.',
            },
          ],
        },
      ],
    },
  },
);
