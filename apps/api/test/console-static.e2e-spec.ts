import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { TestApp } from './harness';

/**
 * The one-command mode's console: a built console folder (as vite.config.mts writes it, each text
 * file with a .br and a .gz beside it) served compressed and cached as its names allow.
 */
describe('the served console', () => {
  let t: TestApp;
  const dist = mkdtempSync(join(tmpdir(), 'lianqiao-web-'));
  const script = `console.log(${JSON.stringify('连桥'.repeat(2000))});`;
  const write = (path: string, content: string) => {
    writeFileSync(join(dist, path), content);
    writeFileSync(join(dist, `${path}.br`), brotliCompressSync(content));
    writeFileSync(join(dist, `${path}.gz`), gzipSync(content));
  };

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    write(
      'index.html',
      `<!doctype html><html><head><script type="module" src="/assets/index-Bx3k9Q2a.js"></script></head></html>`,
    );
    write('assets/index-Bx3k9Q2a.js', script);
    t = await TestApp.start('console_static', { WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('sends a hashed asset brotli-compressed to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/index-Bx3k9Q2a.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect([res.statusCode, res.headers['content-encoding'], res.headers['cache-control']]).toEqual([
      200,
      'br',
      'public, max-age=31536000, immutable',
    ]);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);
  });

  it('sends gzip to a browser without brotli, and the file itself to one that accepts neither', async () => {
    const gz = await get('/assets/index-Bx3k9Q2a.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/index-Bx3k9Q2a.js', { 'accept-encoding': 'identity' });
    expect([plain.headers['content-encoding'], plain.body]).toEqual([undefined, script]);
  });

  it('never lets a browser keep index.html, at / or through a deep link', async () => {
    for (const url of ['/', '/index.html']) {
      const res = await get(url, { 'accept-encoding': 'br', accept: 'text/html' });
      expect([url, res.statusCode, res.headers['cache-control'], res.headers['content-encoding']]).toEqual([
        url,
        200,
        'no-cache',
        'br',
      ]);
    }
    const deep = await get('/leads/123', { accept: 'text/html' });
    expect([deep.statusCode, deep.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect(deep.body).toContain('/assets/index-Bx3k9Q2a.js');
  });

  it('answers /favicon.ico with an icon, and /favicon.svg, which the card pages link', async () => {
    const ico = await get('/favicon.ico');
    expect([ico.statusCode, ico.headers['content-type']]).toEqual([200, 'image/x-icon']);
    // An ICONDIR: reserved 0, type 1 (icon), three images; the first one a PNG.
    expect([ico.rawPayload.readUInt16LE(0), ico.rawPayload.readUInt16LE(2), ico.rawPayload.readUInt16LE(4)]).toEqual([
      0, 1, 3,
    ]);
    const firstImage = ico.rawPayload.readUInt32LE(6 + 12);
    expect(ico.rawPayload.subarray(firstImage, firstImage + 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    const svg = await get('/favicon.svg');
    expect([svg.statusCode, svg.headers['content-type']]).toEqual([200, 'image/svg+xml']);
    expect(svg.body).toMatch(/^<svg /);
  });
});
