import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLab, type TestLab } from '../test-support/test-lab';

const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const WEB_SRC = fileURLToPath(new URL('../../../web/src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('names and labels reach the page as text', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab();
  });
  afterAll(async () => {
    await t.close();
  });

  it('echoes markup sent as ids only inside JSON strings, with nosniff and no way into the snapshot', async () => {
    const id = encodeURIComponent(MARKUP);
    const attempts = [
      await t.app.inject({ method: 'POST', url: `/api/scenarios/${id}/apply`, headers: { 'x-poolscope': '1' } }),
      await t.app.inject({ method: 'PATCH', url: `/api/targets/${id}`, payload: { down: true } }),
      await t.app.inject({ method: 'POST', url: `/api/targets/${id}/restart`, headers: { 'x-poolscope': '1' } }),
      await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: { [MARKUP]: 1 } } }),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const body = response.json() as { message: string; details: { path: string }[] };
      expect(typeof body.message).toBe('string');
    }
    const snapshot = (await t.app.inject({ method: 'GET', url: '/api/snapshot' })).body;
    expect(snapshot).not.toContain('<');
  });

  it('sends a Content-Security-Policy that allows no inline or foreign script on every answer', async () => {
    for (const path of ['/', '/healthz', '/api/config', '/api/nope', '/docs']) {
      const response = await t.app.inject({ method: 'GET', url: path });
      const csp = String(response.headers['content-security-policy'] ?? '');
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, path).toContain("'self'");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(scriptSrc, path).not.toContain("'unsafe-eval'");
      expect(scriptSrc, path).not.toContain('*');
    }
  });

  it('the dashboard renders text through React only: no innerHTML anywhere in web/src', () => {
    const files = sourceFiles(WEB_SRC);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
