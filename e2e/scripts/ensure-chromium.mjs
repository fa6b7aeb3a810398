// Playwright drives Debian's Chromium; a browser download fails on these machines, so install it with apt-get.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_PATH = '/usr/bin/chromium';

if (existsSync(CHROMIUM_PATH)) {
  process.exit(0);
}
if (process.getuid?.() !== 0) {
  console.error(`${CHROMIUM_PATH} is missing. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}
console.log('Installing Debian chromium for the end-to-end tests (about a minute)...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
execSync('apt-get install -y -qq --no-install-recommends chromium', { stdio: 'inherit', env });
