#!/usr/bin/env node
// Builds the publishable `poolscope` package (`npx poolscope`) as an npm tarball:
//   node scripts/pack-poolscope.mjs [--out DIR] [--reuse-web]
//     --out DIR     where the staging folder and the tarball go (default .pack/, git-ignored)
//     --reuse-web   use web/dist as it is when it holds a build, instead of building the dashboard
// Prints the tarball's absolute path as its last line.
//
// Why a staging folder: the repo's root package.json is the workspace's (private, pnpm scripts), and
// the server runs TypeScript through tsx and imports @poolscope/shared as source. The package instead
// carries one esbuild bundle of the server with shared inlined (npm dependencies stay external and are
// declared), the built dashboard beside it, and a package.json of its own. No tsx and no .ts at run time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_DIR = join(ROOT, 'server');
const WEB_DIST = join(ROOT, 'web', 'dist');
// The bundle's path inside the package; server/src/package-main.ts finds `web/` relative to it.
const BUNDLE_PATH = 'dist/poolscope.mjs';

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function buildWeb(reuse) {
  if (reuse && existsSync(join(WEB_DIST, 'index.html'))) return;
  execFileSync('npx', ['--yes', 'pnpm@9.15.9', '--filter', '@poolscope/web', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
}

/** Bundles the server; answers the npm packages the bundle imports (by package name). */
async function bundleServer(stageDir, declaredRanges) {
  // esbuild is the server's dev dependency; pnpm does not hoist it to the root.
  const esbuild = createRequire(join(SERVER_DIR, 'package.json'))('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(SERVER_DIR, 'src', 'package-main.ts')],
    outfile: join(stageDir, BUNDLE_PATH),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // A path prefix: '@fastify/swagger' also keeps '@fastify/swagger/…' external.
    external: Object.keys(declaredRanges),
    banner: { js: '#!/usr/bin/env node' },
    metafile: true,
    logLevel: 'warning',
  });
  const imported = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const { path, external } of output.imports) {
      if (!external || path.startsWith('node:') || builtinModules.includes(path)) continue;
      imported.add(packageNameOf(path));
    }
  }
  return [...imported].sort();
}

const packageNameOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** npm dependencies the server or shared declare, by name; workspace packages are bundled, not installed. */
function declaredDependencyRanges() {
  const ranges = {};
  for (const dir of ['shared', 'server']) {
    for (const [name, range] of Object.entries(readJson(join(ROOT, dir, 'package.json')).dependencies ?? {})) {
      if (!range.startsWith('workspace:')) ranges[name] = range;
    }
  }
  return ranges;
}

function writeManifest(stageDir, imported, declaredRanges) {
  const rootManifest = readJson(join(ROOT, 'package.json'));
  const serverManifest = readJson(join(SERVER_DIR, 'package.json'));
  const dependencies = Object.fromEntries(imported.map((name) => [name, declaredRanges[name]]));
  const manifest = {
    name: 'poolscope',
    version: serverManifest.version,
    description: rootManifest.description,
    type: 'module',
    bin: { poolscope: BUNDLE_PATH },
    files: ['dist', 'web'],
    engines: rootManifest.engines,
    dependencies,
  };
  writeFileSync(join(stageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The repo's README opens with what the lab is, then speaks of `npm start` from a clone; the package
 * page keeps that opening and says how to run the package instead.
 */
function packageReadme() {
  const opening = readFileSync(join(ROOT, 'README.md'), 'utf8')
    .split(/\n## /)[0]
    .replace(/\n!\[[^\]]*\]\([^)]*\)\n/g, '\n')
    .trim();
  const run = [
    '## Run it',
    '',
    '```sh',
    'npx poolscope                      # open http://127.0.0.1:3000',
    'npx poolscope --port 8080 --embedded-targets 3 --target 127.0.0.1:7007',
    'npx poolscope --help               # every flag and its environment variable',
    '```',
    '',
    'Node.js 20.19 or newer. SIGINT or SIGTERM stops the load, drains the pool and exits.',
  ];
  return `${opening}\n\n${run.join('\n')}\n`;
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'reuse-web': { type: 'boolean' } } });
  const outDir = resolve(values.out ?? join(ROOT, '.pack'));
  const stageDir = join(outDir, 'poolscope');
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });

  buildWeb(values['reuse-web'] ?? false);
  const declaredRanges = declaredDependencyRanges();
  const imported = await bundleServer(stageDir, declaredRanges);
  cpSync(WEB_DIST, join(stageDir, 'web'), { recursive: true });
  writeFileSync(join(stageDir, 'README.md'), packageReadme());
  writeManifest(stageDir, imported, declaredRanges);

  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stageDir, encoding: 'utf8' }));
  console.log(join(outDir, packed[0].filename));
}

main().catch((error) => {
  console.error(`pack-poolscope: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
