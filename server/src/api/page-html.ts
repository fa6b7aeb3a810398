import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageViewOf, type PageView } from '@poolscope/shared/page-views';

/** Written by the web build beside index.html (web/view-preloads.ts): the files each page view loads before it renders. */
const VIEW_PRELOADS_FILE = 'view-preloads.json';
/** Only the build's own hashed assets go into a page: nothing read from the file becomes markup unchecked. */
const ASSET_PATH = /^\/assets\/[\w.-]+\.(js|css)$/;

export interface ViewPreloads {
  scripts: string[];
  styles: string[];
}

/**
 * The build's per-view lists, or null when the text is not what the build writes (an old or broken
 * file): the page is then sent as built, and the browser fetches the view's files as it did before.
 */
export function parseViewPreloads(text: string): Partial<Record<PageView, ViewPreloads>> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const views = (parsed as { views?: unknown } | null)?.views;
  if (typeof views !== 'object' || views === null) return null;
  const result: Partial<Record<PageView, ViewPreloads>> = {};
  for (const view of ['dashboard', 'audience', 'speaker-notes'] as const) {
    const entry = (views as Record<string, unknown>)[view];
    if (entry === undefined) continue;
    const { scripts, styles } = (entry ?? {}) as { scripts?: unknown; styles?: unknown };
    if (!isAssetList(scripts, '.js') || !isAssetList(styles, '.css')) return null;
    result[view] = { scripts, styles };
  }
  return result;
}

function isAssetList(value: unknown, extension: string): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && ASSET_PATH.test(item) && item.endsWith(extension));
}

/**
 * index.html with the view's files linked in its `<head>`: the browser fetches them while the entry
 * script downloads, instead of when the entry, evaluated, asks for them (docs/BENCHMARKS.md, "First
 * live number, session 12"). The entry's preload helper sees the links and adds none of its own.
 */
export function withViewPreloads(indexHtml: string, preloads: ViewPreloads | undefined): string {
  const closing = indexHtml.indexOf('</head>');
  if (!preloads || closing < 0) return indexHtml;
  const links = [
    ...preloads.scripts.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    ...preloads.styles.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
  ];
  return `${indexHtml.slice(0, closing)}${links.map((link) => `  ${link}\n`).join('')}${indexHtml.slice(closing)}`;
}

/**
 * The page for an address: read per request, so a rebuilt dashboard is served without a restart. A
 * missing or unreadable preload list is reported to `onFault` and the page goes out as built.
 */
export async function readPageHtml(webRoot: string, search: string, onFault: (message: string) => void): Promise<string> {
  const indexHtml = await readFile(join(webRoot, 'index.html'), 'utf8');
  let listText: string;
  try {
    listText = await readFile(join(webRoot, VIEW_PRELOADS_FILE), 'utf8');
  } catch {
    onFault(`${VIEW_PRELOADS_FILE} is missing from the build: pages are sent without their views' preloads`);
    return indexHtml;
  }
  const lists = parseViewPreloads(listText);
  if (!lists) {
    onFault(`${VIEW_PRELOADS_FILE} is not what the build writes: pages are sent without their views' preloads`);
    return indexHtml;
  }
  return withViewPreloads(indexHtml, lists[pageViewOf(search)]);
}
