// Fails when source files import each other in a circle, type-only imports included.
// ESLint's import-x/no-cycle skips `import type`, but a type circle is still two files that cannot be read
// (or moved) one without the other, so this check walks every import that TypeScript itself would follow.
// Usage: node scripts/check-import-cycles.mjs   (exit 1 and one line per circle when any is found)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SOURCE_DIRS = ['shared/src', 'server/src', 'server/test', 'server/scripts', 'web/src', 'e2e/tests', 'bench/src'];
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''];

function listSources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Workspace packages are consumed from source: `@poolscope/shared/x` is shared/src/x.ts. */
function resolveSpecifier(fromFile, specifier) {
  let base;
  if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier);
  else if (specifier.startsWith('@poolscope/shared/')) base = join(ROOT, 'shared/src', specifier.slice('@poolscope/shared/'.length));
  else if (specifier.startsWith('@poolscope/server/')) base = join(ROOT, 'server', specifier.slice('@poolscope/server/'.length));
  else return undefined;
  const found = EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path) && !path.endsWith('/'));
  return found && /\.(ts|tsx|mjs)$/.test(found) ? found : undefined;
}

const files = SOURCE_DIRS.flatMap((dir) => listSources(join(ROOT, dir)));
const edges = new Map(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((ref) => resolveSpecifier(file, ref.fileName)).filter((path) => path !== undefined);
    return [file, [...new Set(targets)]];
  }),
);

// Tarjan's strongly connected components: every component of two or more files is a circle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const circles = [];
function visit(file) {
  index.set(file, counter);
  low.set(file, counter);
  counter += 1;
  stack.push(file);
  onStack.add(file);
  for (const next of edges.get(file) ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(file, Math.min(low.get(file), low.get(next)));
    } else if (onStack.has(next)) low.set(file, Math.min(low.get(file), index.get(next)));
  }
  if (low.get(file) !== index.get(file)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== file);
  if (component.length > 1 || (edges.get(file) ?? []).includes(file)) circles.push(component);
}
for (const file of edges.keys()) if (!index.has(file)) visit(file);

for (const circle of circles)
  console.error(
    `import circle: ${circle
      .map((file) => relative(ROOT, file))
      .sort()
      .join(' <-> ')}`,
  );
if (circles.length > 0) process.exit(1);
console.log(`import circles: none in ${files.length} files`);
