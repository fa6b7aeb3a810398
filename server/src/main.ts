import { fileURLToPath } from 'node:url';
import { runCli } from './cli';

// `npm start` runs this file from the repo with tsx; the published package has its own entry (package-main.ts).
const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

runCli(process.argv.slice(2), process.env, { webRoot: WEB_ROOT, invokedAs: 'npm start --' }).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
