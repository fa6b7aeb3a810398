import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the browser accepts. Chromium offers brotli only to secure origins and loopback: a phone on
 * classroom Wi-Fi opening http://192.168.x.x:3000 says `Accept-Encoding: gzip, deflate` and gets
 * the .gz copies; a browser on the lab's own machine (http://127.0.0.1) gets .br.
 */
export type AcceptedEncoding = 'br' | 'gzip';

export interface WireFile {
  /** Path under dist/, as the manifest names it: assets/index-abc.js. */
  file: string;
  rawBytes: number;
  /** The body the server sends (web/precompress.ts writes .br and .gz beside files they shrink by 100 bytes or more). */
  wireBytes: number;
  encoding: 'br' | 'gzip' | 'identity';
}

export interface FirstLoad {
  files: WireFile[];
  wireBytes: number;
  rawBytes: number;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Vite's build manifest (`build.manifest: true`): every chunk with its static and dynamic imports. */
export function readManifest(distDir: string): Manifest {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build web/ first (vite.config.ts sets build.manifest)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The JavaScript index.html itself asks for: its module scripts and modulepreload links. */
export function scriptsOfIndexHtml(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return [...scripts, ...preloads];
}

/** A chunk and everything it imports statically: what the browser fetches before the chunk runs. */
export function staticClosure(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build manifest has no chunk "${key}"`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
}

/** The body the server sends for one file: precompressed if a copy exists for an accepted encoding. */
export function wireFile(distDir: string, file: string, accept: AcceptedEncoding): WireFile {
  const rawBytes = statSync(join(distDir, file)).size;
  const candidates: Array<'br' | 'gzip'> = accept === 'br' ? ['br', 'gzip'] : ['gzip'];
  for (const encoding of candidates) {
    const copy = join(distDir, `${file}.${encoding === 'br' ? 'br' : 'gz'}`);
    if (existsSync(copy)) return { file, rawBytes, wireBytes: statSync(copy).size, encoding };
  }
  return { file, rawBytes, wireBytes: rawBytes, encoding: 'identity' };
}

/**
 * The JavaScript a page loads before its first live number: the entry, every chunk it imports
 * statically, what index.html preloads, and the closure of any chunk the page imports at start
 * (`startupModules`, source paths as the manifest keys them), summed as the server sends them.
 */
export function firstLoadJs(distDir: string, accept: AcceptedEncoding, startupModules: readonly string[] = []): FirstLoad {
  const manifest = readManifest(distDir);
  const files = new Set<string>();
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0) throw new Error('the build manifest has no entry chunk');
  for (const [key] of entries) staticClosure(manifest, key, files);
  for (const module of startupModules) staticClosure(manifest, module, files);
  for (const file of scriptsOfIndexHtml(distDir)) files.add(file);
  const wire = [...files].sort().map((file) => wireFile(distDir, file, accept));
  return {
    files: wire,
    wireBytes: wire.reduce((sum, f) => sum + f.wireBytes, 0),
    rawBytes: wire.reduce((sum, f) => sum + f.rawBytes, 0),
  };
}

/** Every JavaScript chunk of the build, for a report of what loads later. */
export function allChunks(distDir: string): Array<{ key: string; file: string; isEntry: boolean }> {
  return Object.entries(readManifest(distDir))
    .filter(([, chunk]) => chunk.file.endsWith('.js'))
    .map(([key, chunk]) => ({ key, file: chunk.file, isEntry: chunk.isEntry === true }));
}
