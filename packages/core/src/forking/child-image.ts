/**
 * The "image" a forked child starts from: one JavaScript file holding the child's entry
 * point and every module its classes come from, bundled once per server process with
 * esbuild (the TypeScript compiler tsx itself runs on).
 *
 * Why: a child started through the tsx loader compiles and links ~60 TypeScript modules,
 * close to a second of CPU; from the image it loads one file, about a fifth of that. The
 * child is still a fresh process that exits after its request (SPEC NODE-FORK); it only
 * starts faster. Like the memory image of a real `fork()`, it holds the code the parent
 * had when it was built: a file edited later is not seen by the children.
 *
 * Building happens in the background after the first fork; until it is done, or if it
 * fails (no esbuild next to tsx, a module that cannot be bundled), children start through
 * tsx as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClassRef } from './class-ref.js';

/** A built image: the file, and the modules it holds. */
export interface ChildImage {
  readonly file: string;
  readonly modules: ReadonlySet<string>;
}

/** The part of esbuild's API used here. */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: Array<{ text: string }> }>;
}
interface PluginBuild {
  onResolve(o: { filter: RegExp }, f: (a: { path: string; resolveDir: string }) => unknown): void;
  onLoad(o: { filter: RegExp }, f: (a: { path: string }) => unknown): void;
}

const CHILD_MAIN = new URL('./child-main.ts', import.meta.url);
const CLASS_REF = new URL('./class-ref.ts', import.meta.url);
/** What `import.meta.url` becomes in the image: a variable holding the module's own URL. */
const URL_VAR = '__sockscopeModuleUrl';
/** Native addons stay outside the image, loaded from where they are installed. */
const NATIVE = /^node-unix-socket$/;

let current: ChildImage | null = null;
let building: Promise<void> | null = null;
let failed = false;
let dir: string | null = null;
let builds = 0;

/** Every module a class reference needs (a composed class: the modules of its bases). */
export function modulesOf(ref: ClassRef): string[] {
  return 'bases' in ref ? ref.bases.flatMap(modulesOf) : [ref.module];
}

/**
 * The image to start a child from, if one is built and holds every module in `needed`;
 * otherwise null (start the child through tsx) and, unless one is under way, a build of
 * an image that holds them starts in the background.
 */
export function imageFor(needed: readonly string[]): ChildImage | null {
  // An image unused for a day may have been pruned by another process: then build it again.
  if (current !== null && !existsSync(current.file)) current = null;
  if (current !== null && needed.every((m) => current?.modules.has(m))) return current;
  if (building === null && !failed && enabled(needed)) {
    const modules = new Set([...(current?.modules ?? []), ...needed]);
    building = build(modules)
      .then((image) => {
        current = image;
      })
      .catch((err: unknown) => {
        if (process.env['SOCKSCOPE_FORK_IMAGE_DEBUG'] === '1') process.stderr.write(`sockscope: no fork image: ${String(err)}\n`);
        // No image then: children keep starting through tsx.
        failed = true;
      })
      .finally(() => {
        building = null;
      });
  }
  return null;
}

/** Images are for TypeScript sources run through tsx, with modules that are files. */
function enabled(needed: readonly string[]): boolean {
  return process.env['SOCKSCOPE_FORK_IMAGE'] !== '0' && CHILD_MAIN.pathname.endsWith('.ts') && needed.every((m) => m.startsWith('file:'));
}

/** Resolves once no image is being built (tests). */
export async function imageSettled(): Promise<void> {
  await building;
}

async function build(modules: ReadonlySet<string>): Promise<ChildImage> {
  const esbuild = loadEsbuild();
  const imports = [...modules].map((m, i) => `import * as m${i} from ${JSON.stringify(fileURLToPath(m))};`);
  const registrations = [...modules].map((m, i) => `preloadModule(${JSON.stringify(m)}, m${i});`);
  // The child's message handler only runs from the event loop, after this whole file has
  // run: by then every module is registered.
  const entry = [
    `import ${JSON.stringify(fileURLToPath(CHILD_MAIN))};`,
    `import { preloadModule } from ${JSON.stringify(fileURLToPath(CLASS_REF))};`,
    ...imports,
    ...registrations,
  ].join('\n');
  dir ??= imageDir();
  // Named before the build (the source map's paths are relative to it), renamed after it
  // to a name that says what it holds.
  const draft = join(dir, `.${process.pid}-${++builds}.mjs`);
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: fileURLToPath(new URL('.', CHILD_MAIN)), sourcefile: 'fork-image.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: draft,
    keepNames: true,
    define: { 'import.meta.url': URL_VAR },
    // Tracebacks name the TypeScript files and lines (the child runs with --enable-source-maps).
    sourcemap: 'inline',
    // Bundled CommonJS code may require Node's modules: give it a real `require`.
    banner: { js: "import { createRequire as __sockscopeRequire } from 'node:module'; const require = __sockscopeRequire(import.meta.url);" },
    logLevel: 'silent',
    plugins: [
      {
        name: 'sockscope-fork-image',
        setup(b: PluginBuild) {
          b.onResolve({ filter: NATIVE }, (a) => ({
            path: pathToFileURL(createRequire(join(a.resolveDir, 'index.js')).resolve(a.path)).href,
            external: true,
          }));
          // Each module keeps its own URL (classes name the module a child imports them from;
          // a module finds its neighbours with it): `import.meta.url` is defined as a variable
          // that each module using it declares first, on its first line (so that line numbers
          // do not move).
          b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (a) => {
            const source = readFileSync(a.path, 'utf8');
            if (!source.includes('import.meta.url') || source.startsWith('#!')) return undefined;
            return { contents: `var ${URL_VAR} = ${JSON.stringify(pathToFileURL(a.path).href)}; ${source}`, loader: loaderFor(a.path) };
          });
        },
      },
    ],
  });
  const text = result.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error('esbuild produced nothing');
  // Named after its content: the same code gives the same file, whichever process built
  // it, so images do not pile up however their servers end (even by SIGKILL).
  const file = join(dir, `${createHash('sha256').update(text).digest('hex').slice(0, 20)}.mjs`);
  if (existsSync(file)) {
    const now = new Date();
    utimesSync(file, now, now);
  } else {
    writeFileSync(draft, text, { mode: 0o600 });
    renameSync(draft, file);
  }
  return { file, modules };
}

function loaderFor(path: string): string {
  if (/\.[cm]?ts$/.test(path)) return 'ts';
  if (path.endsWith('.tsx')) return 'tsx';
  return path.endsWith('.jsx') ? 'jsx' : 'js';
}

/** Images unused for this long are removed when another is built. */
const KEEP_MS = 24 * 3600 * 1000;

/**
 * The folder of images: one per user, private to them (an image is code that children
 * run: nobody else may write there), old images pruned.
 */
function imageDir(): string {
  const d = join(tmpdir(), `sockscope-fork-images-${process.getuid?.() ?? 'user'}`);
  mkdirSync(d, { recursive: true, mode: 0o700 });
  const st = lstatSync(d);
  if (!st.isDirectory() || (process.getuid !== undefined && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) {
    throw new Error(`${d} is not a private folder of this user`);
  }
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    } catch {
      // another process pruned it first
    }
  }
  return d;
}

/** esbuild, as tsx has it (tsx is what runs the port's TypeScript, so esbuild is there). */
function loadEsbuild(): Esbuild {
  const fromTsx = createRequire(import.meta.resolve('tsx'));
  return fromTsx('esbuild') as Esbuild;
}
