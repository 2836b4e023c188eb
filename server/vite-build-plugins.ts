/**
 * Build-time steps for the production server (used by vite.config.ts):
 * - brotli and gzip twins of every compressible file, so the server never compresses at
 *   request time (@fastify/static `preCompressed`);
 * - a demo build carries `demo-build.txt`, by which the server tells it from a live one.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { promisify } from 'node:util'
import type { Plugin, ResolvedConfig } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/i
/** Smaller files gain nothing worth a second request path. */
const MIN_SIZE = 1024

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else yield path
  }
}

export function precompress(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'runtime-console:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir)
      for await (const path of files(outDir)) {
        if (!COMPRESSIBLE.test(path)) continue
        if ((await stat(path)).size < MIN_SIZE) continue
        const content = await readFile(path)
        const [br, gzipped] = await Promise.all([
          brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          gz(content, { level: 9 }),
        ])
        if (br.length < content.length) await writeFile(`${path}.br`, br)
        if (gzipped.length < content.length) await writeFile(`${path}.gz`, gzipped)
      }
    },
  }
}

/** The file only a demo build has (`server/static.ts` reads it). */
export const DEMO_BUILD_MARKER = 'demo-build.txt'

export function demoBuildMarker(mode: 'demo' | 'live'): Plugin {
  let outDir = 'dist'
  return {
    name: 'runtime-console:demo-build-marker',
    apply: 'build',
    configResolved(resolved) {
      outDir = resolve(resolved.root, resolved.build.outDir)
    },
    async closeBundle() {
      if (mode !== 'demo') return
      await writeFile(
        join(outDir, DEMO_BUILD_MARKER),
        'A demo build: the console answers from its simulated backend in the browser.\n',
      )
    },
  }
}

/**
 * Two libraries write `<style>` elements at run time, which `style-src 'self'` blocks:
 * - sonner inserts its stylesheet when imported: the call is dropped here and the page
 *   imports `sonner/dist/styles.css` instead (a same-origin stylesheet);
 * - react-style-singleton (radix dialogs' scroll lock) writes a `<style>` per lock: it is
 *   replaced by the same API over a constructed stylesheet (`adoptedStyleSheets`), which is
 *   CSSOM and not subject to the policy.
 */
export function cspSafeStyles(): Plugin {
  return {
    name: 'runtime-console:csp-safe-styles',
    enforce: 'pre',
    transform(code, id) {
      const path = id.replaceAll('\\', '/')
      if (/\/node_modules\/sonner\/dist\/index\.m?js$/.test(path)) {
        const patched = code.replace(
          /function __insertCSS\(code\) \{/,
          'function __insertCSS(code) {\n  return;',
        )
        if (patched === code) this.error('sonner: __insertCSS not found; check the CSP patch')
        return { code: patched, map: null }
      }
      if (
        /\/node_modules\/react-style-singleton\/dist\/(es2015|es2019|es5)\/singleton\.js$/.test(
          path,
        )
      ) {
        const esm = !path.includes('/es5/')
        const body = `
var stylesheetSingleton = function () {
  var counter = 0;
  var sheet = null;
  return {
    add: function (style) {
      if (counter == 0 && typeof document !== 'undefined') {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(style);
        document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
      }
      counter++;
    },
    remove: function () {
      counter--;
      if (!counter && sheet) {
        var gone = sheet;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter(function (s) { return s !== gone; });
        sheet = null;
      }
    },
  };
};
`
        return {
          code: esm
            ? `${body}export { stylesheetSingleton };\n`
            : `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.stylesheetSingleton = void 0;\n${body}exports.stylesheetSingleton = stylesheetSingleton;\n`,
          map: null,
        }
      }
      return null
    },
  }
}
