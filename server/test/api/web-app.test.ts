import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app';
import { ControlPolicy } from '../../src/api/control-policy';
import { Lab } from '../../src/lab/lab';
import type { TypedApp } from '../../src/api/typed-app';

describe('serving the built dashboard', () => {
  let lab: Lab;
  let app: TypedApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'poolscope-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><title>Poolscope</title></head><body></body></html>');
    writeFileSync(join(webRoot, 'assets', 'index-aaaa.js'), 'console.log(1)');
    lab = await Lab.start({ embeddedTargets: 0, load: { running: false } });
    app = (await buildApp({ lab, policy: new ControlPolicy(null), webRoot })).app;
    await app.ready();
  });
  afterAll(async () => {
    await lab.close();
    await app.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves index.html at / and for any page path (SPA fallback)', async () => {
    for (const url of ['/', '/targets', '/some/deep/page?x=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>Poolscope</title>');
    }
  });

  it("links the page's view's files in its head, as the build lists them (view-preloads.json)", async () => {
    const lists = {
      views: {
        dashboard: { scripts: ['/assets/dashboard-aaaa.js', '/assets/format-bbbb.js'], styles: ['/assets/series-text-cccc.css'] },
        audience: { scripts: ['/assets/audience-dddd.js', '/assets/format-bbbb.js'], styles: [] },
        'speaker-notes': { scripts: ['/assets/speaker-notes-eeee.js'], styles: [] },
      },
    };
    writeFileSync(join(webRoot, 'view-preloads.json'), JSON.stringify(lists));
    try {
      const modulePreloads = (html: string) =>
        [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
      const audience = await app.inject({ method: 'GET', url: '/?audience=1' });
      expect(audience.headers['content-type']).toContain('text/html');
      expect(modulePreloads(audience.body)).toEqual(['/assets/audience-dddd.js', '/assets/format-bbbb.js']);
      expect(audience.body.indexOf('audience-dddd')).toBeLessThan(audience.body.indexOf('</head>'));
      const dashboard = await app.inject({ method: 'GET', url: '/' });
      expect(modulePreloads(dashboard.body)).toEqual(['/assets/dashboard-aaaa.js', '/assets/format-bbbb.js']);
      expect(dashboard.body).toContain('<link rel="stylesheet" crossorigin href="/assets/series-text-cccc.css">');
      const notes = await app.inject({ method: 'GET', url: '/?speaker=1&x=?' });
      expect(modulePreloads(notes.body)).toEqual(['/assets/speaker-notes-eeee.js']);

      // A list that is not the build's (anything but its own asset paths) is not put into the page.
      lists.views.audience.scripts.push('"><script>alert(1)</script>');
      writeFileSync(join(webRoot, 'view-preloads.json'), JSON.stringify(lists));
      const refused = await app.inject({ method: 'GET', url: '/?audience=1' });
      expect(refused.statusCode).toBe(200);
      expect(modulePreloads(refused.body)).toEqual([]);
      expect(refused.body).not.toContain('alert');
      writeFileSync(join(webRoot, 'view-preloads.json'), '{"views": ');
      expect(modulePreloads((await app.inject({ method: 'GET', url: '/' })).body)).toEqual([]);
    } finally {
      rmSync(join(webRoot, 'view-preloads.json'));
    }
    // And without a list (a build from before it), the page as built.
    expect((await app.inject({ method: 'GET', url: '/' })).body).toBe(
      '<!doctype html><html><head><title>Poolscope</title></head><body></body></html>',
    );
  });

  it("sends the build's precompressed copy a client accepts (brotli first), and the plain file otherwise", async () => {
    const source = `console.log(${JSON.stringify('x'.repeat(4000))})`;
    writeFileSync(join(webRoot, 'assets', 'big-cccc.js'), source);
    writeFileSync(join(webRoot, 'assets', 'big-cccc.js.br'), brotliCompressSync(source));
    writeFileSync(join(webRoot, 'assets', 'big-cccc.js.gz'), gzipSync(source));
    const br = await app.inject({ method: 'GET', url: '/assets/big-cccc.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(source.length / 4);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(source);
    const gz = await app.inject({ method: 'GET', url: '/assets/big-cccc.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ method: 'GET', url: '/assets/big-cccc.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(source);
  });

  it('falls back to the gzip copy where the build kept no brotli one (it keeps a copy only where it saves 100 bytes)', async () => {
    const source = `export const words = ${JSON.stringify('pool '.repeat(60))};`;
    writeFileSync(join(webRoot, 'assets', 'small-dddd.js'), source);
    writeFileSync(join(webRoot, 'assets', 'small-dddd.js.gz'), gzipSync(source));
    const response = await app.inject({ method: 'GET', url: '/assets/small-dddd.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString()).toBe(source);
  });

  it('serves an asset written after start (a rebuild needs no restart)', async () => {
    writeFileSync(join(webRoot, 'assets', 'index-bbbb.js'), 'console.log(2)');
    const response = await app.inject({ method: 'GET', url: '/assets/index-bbbb.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(2)');
  });

  it('answers a missing asset with 404, not the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<title>');
  });

  it('keeps unknown API paths JSON 404s', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });
});
