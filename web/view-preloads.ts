import type { Plugin } from 'vite';
import type { PageView } from '@poolscope/shared/page-views';

/** Written beside index.html: which files each page view loads before it renders (the server reads it). */
export const VIEW_PRELOADS_FILE = 'view-preloads.json';

/** What this plugin reads of an output chunk (Rolldown's, with the CSS Vite split out of it). */
interface OutputChunk {
  type: 'chunk';
  fileName: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Lists, for each page view, the files its chunk imports statically that the entry does not (its
 * chunk, the chunks it shares, their CSS), into `view-preloads.json`. The server puts them in the
 * page's `<head>` as `<link rel="modulepreload">` (server/src/api/page-html.ts): the browser then
 * fetches them while the entry downloads. Left to the entry, they were asked for by Vite's preload
 * helper while the entry was evaluated, each `<link>` it appended costing 40–240 ms at a 4× CPU
 * throttle, and their answers waited behind that evaluation (docs/BENCHMARKS.md, "First live number,
 * session 12"). Vite has no option for this: its HTML lists the entry's own imports only, and which
 * view a page shows depends on its address.
 */
export function viewPreloads(viewModules: Record<PageView, string>): Plugin {
  let base = '/';
  return {
    name: 'poolscope-view-preloads',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk') as unknown as OutputChunk[];
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) return;
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const loadedByEntry = staticClosure(entry, byFile, new Set());
      const views: Record<string, { scripts: string[]; styles: string[] }> = {};
      for (const [view, module] of Object.entries(viewModules)) {
        const chunk = chunks.find((candidate) => candidate.facadeModuleId?.replaceAll('\\', '/').endsWith(module));
        if (!chunk) this.error(`view-preloads: no chunk for the ${view} view's module ${module}`);
        const files = [...staticClosure(chunk, byFile, loadedByEntry)];
        views[view] = {
          scripts: files.map((file) => `${base}${file}`),
          styles: files.flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]).map((file) => `${base}${file}`),
        };
      }
      this.emitFile({ type: 'asset', fileName: VIEW_PRELOADS_FILE, source: `${JSON.stringify({ views }, null, 2)}\n` });
    },
  };
}

/** `chunk` and every chunk it imports statically, leaving out those in `known` (which is not changed). */
function staticClosure(chunk: OutputChunk, byFile: Map<string, OutputChunk>, known: Set<string>): Set<string> {
  const found = new Set<string>();
  const visit = (current: OutputChunk) => {
    if (known.has(current.fileName) || found.has(current.fileName)) return;
    found.add(current.fileName);
    for (const imported of current.imports) {
      const next = byFile.get(imported);
      if (next) visit(next);
    }
  };
  visit(chunk);
  return found;
}
