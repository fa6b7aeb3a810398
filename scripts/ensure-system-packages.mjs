// The tests use real tools from Debian: Chromium for Playwright (a browser download fails on these
// machines), socat as an echo server nobody here wrote, promtool to lint /metrics, and redis-server for relays.
// Installs whichever is missing with apt-get (as root), in one go.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { binary: '/usr/bin/chromium', pkg: 'chromium' },
  { binary: '/usr/bin/socat', pkg: 'socat' },
  { binary: '/usr/bin/promtool', pkg: 'prometheus' },
  // javac, not only java: the HikariCP check is a small Java program compiled at test time.
  { binary: '/usr/bin/javac', pkg: 'default-jdk-headless' },
  { binary: '/usr/share/java/HikariCP.jar', pkg: 'libhikaricp-java' },
  { binary: '/usr/share/java/slf4j-nop.jar', pkg: 'libslf4j-java' },
  // The relay tests start their own Redis on a free loopback port, without persistence.
  { binary: '/usr/bin/redis-server', pkg: 'redis-server' },
];

const missing = NEEDED.filter(({ binary }) => !existsSync(binary));
if (missing.length === 0) process.exit(0);

const packages = missing.map(({ pkg }) => pkg).join(' ');
if (process.getuid?.() !== 0) {
  console.error(`Missing test tools. Install them with: sudo apt-get install -y ${packages}`);
  process.exit(1);
}
console.log(`Installing ${packages} from Debian for the tests (about a minute)...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
execSync(`apt-get install -y -qq --no-install-recommends ${packages}`, { stdio: 'inherit', env });
