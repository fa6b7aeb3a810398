import { fileURLToPath } from 'node:url';
import { runCli } from './cli';

/**
 * The `poolscope` bin of the published package (`npx poolscope`): scripts/pack-poolscope.mjs bundles
 * this file into `dist/poolscope.mjs` and puts the built dashboard in `web/` beside `dist/`, so the
 * web root is found relative to the bundle, wherever npm installed it.
 */
const WEB_ROOT = fileURLToPath(new URL('../web', import.meta.url));

runCli(process.argv.slice(2), process.env, { webRoot: WEB_ROOT, invokedAs: 'poolscope' }).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
