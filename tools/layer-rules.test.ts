/**
 * Proves that the layer rules of eslint.config.js fire: core never imports the apps, the web
 * app sees core only through `@sockscope/core/trace`, the runtime never imports the web app.
 *
 * It lints snippets with the real root config (as `filePath`s under each layer, which need not
 * exist), with type information turned off: `no-restricted-imports` does not need it, and
 * starting the TypeScript project service would make this test slow.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: [tseslint.configs.disableTypeChecked],
  });
});

/** The `no-restricted-imports` messages reported for `code` linted as `file` (relative to the root). */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  if (result === undefined) throw new Error(`no lint result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal === true);
  expect(fatal, `parse errors in the snippet for ${file}`).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (no-restricted-imports)', () => {
  describe('packages/core', () => {
    const file = 'packages/core/src/__layer_probe__.ts';

    it('reports a relative import reaching into apps/', async () => {
      const messages = await restrictedImports(
        file,
        "import '../../apps/runtime/x.js';\nexport { x } from '../../../apps/web/src/y.js';\n",
      );
      expect(messages).toHaveLength(2);
      expect(messages[0]).toMatch(/must not depend on the apps/);
    });

    it('reports the apps by package name', async () => {
      const messages = await restrictedImports(
        file,
        "import '@sockscope/runtime';\nimport '@sockscope/web';\nimport '@sockscope/web/src/x.js';\n",
      );
      expect(messages).toHaveLength(3);
    });

    it('allows its own modules and Node built-ins', async () => {
      const messages = await restrictedImports(
        file,
        "import { readFileSync } from 'node:fs';\nimport { emit } from './trace/emit.js';\nexport { readFileSync, emit };\n",
      );
      expect(messages).toEqual([]);
    });
  });

  describe('apps/web', () => {
    const file = 'apps/web/src/__layer_probe__.ts';

    it('reports the core root package', async () => {
      const messages = await restrictedImports(file, "export { TCPServer } from '@sockscope/core';\n");
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/@sockscope\/core\/trace/);
    });

    it('reports any core subpath other than /trace', async () => {
      const messages = await restrictedImports(
        file,
        "import '@sockscope/core/src/socket/socket.js';\nimport '@sockscope/core/trace/schema';\n",
      );
      expect(messages).toHaveLength(2);
    });

    it('reports relative paths into packages/ and the runtime', async () => {
      const messages = await restrictedImports(
        file,
        [
          "import '../../../packages/core/src/trace/index.js';",
          "import '@sockscope/runtime';",
          "import '../../runtime/src/main.js';",
          '',
        ].join('\n'),
      );
      expect(messages).toHaveLength(3);
    });

    it('allows the type-only public schema @sockscope/core/trace', async () => {
      const messages = await restrictedImports(
        file,
        "import type { TraceEvent } from '@sockscope/core/trace';\nexport type { TraceEvent };\n",
      );
      expect(messages).toEqual([]);
    });
  });

  describe('apps/runtime', () => {
    const file = 'apps/runtime/src/__layer_probe__.ts';

    it('reports imports of the web app sources', async () => {
      const messages = await restrictedImports(
        file,
        "import '../../web/src/main.js';\nimport '@sockscope/web';\n",
      );
      expect(messages).toHaveLength(2);
    });

    it('allows core', async () => {
      const messages = await restrictedImports(
        file,
        "import { TCPServer } from '@sockscope/core';\nexport { TCPServer };\n",
      );
      expect(messages).toEqual([]);
    });
  });
});
