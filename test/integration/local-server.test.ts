import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { api, baseUrl, mailsTo, registration } from '../support/api.ts';

describe('GET /dev/outbox (local only)', () => {
  it('is a readable page with clickable links for a browser, and JSON for scripts', async () => {
    const body = registration();
    await api('/api/experts', { body });
    const [mail] = await mailsTo(body.email);
    const url = `${baseUrl()}/dev/outbox?to=${encodeURIComponent(body.email)}`;

    const page = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    const json = await fetch(url, { headers: { accept: 'application/json' } });
    const forced = await fetch(`${url}&format=json`, { headers: { accept: 'text/html' } });

    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain(`<a href="${mail.text.match(/https?:\/\/\S+#login=\S+/)?.[0]}">`);
    expect(html).toContain(mail.subject);
    expect((await json.json()).items[0].id).toBe(mail.id);
    expect(forced.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('static files of the local server', () => {
  const get = (path: string) => fetch(`${baseUrl()}${path}`);

  it('serves robots.txt and the icon as files, keeping /staff, /me and /api out of indexes', async () => {
    const robots = await get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await robots.text();
    for (const path of ['/me', '/staff', '/api/']) expect(text).toContain(`Disallow: ${path}`);
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers a missing file with 404 and a client-side route with the app', async () => {
    expect((await get('/favicon.ico')).status).toBe(404);
    expect((await get('/assets/missing-abc123.js')).status).toBe(404);
    const page = await get('/register');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('embeds what GET /api/meta answers in the app shell, so the first page needs no round trip', async () => {
    const meta = await (await get('/api/meta')).json();
    for (const path of ['/', '/register', '/index.html']) {
      const html = await (await get(path)).text();
      const block = html.match(/<script type="application\/json" id="registry-meta">(.*?)<\/script>/s)?.[1];
      expect(block, path).toBeDefined();
      expect(JSON.parse(block ?? 'null')).toEqual(meta);
    }
  });

  it('answers a malformed %-escape in a page path with 400, not 500', async () => {
    expect((await get('/staff/%E0%A4%A')).status).toBe(400);
  });
});

describe('compression and caching of the local server (as CloudFront does in AWS)', () => {
  /** One GET with the given Accept-Encoding, the body as sent (still encoded), as a browser sees it. */
  function rawGet(path: string, acceptEncoding: string) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = httpGet(
        `${baseUrl()}${path}`,
        { headers: { 'accept-encoding': acceptEncoding } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      request.on('error', reject);
    });
  }
  const decoded = (response: { headers: IncomingHttpHeaders; body: Buffer }) =>
    response.headers['content-encoding'] === 'br'
      ? brotliDecompressSync(response.body).toString('utf8')
      : response.headers['content-encoding'] === 'gzip'
        ? gunzipSync(response.body).toString('utf8')
        : response.body.toString('utf8');

  async function mainScriptPath(): Promise<string> {
    const html = await (await fetch(`${baseUrl()}/`)).text();
    const src = html.match(/<script type="module" crossorigin src="([^"]+)"/)?.[1];
    if (!src) throw new Error('index.html has no module script');
    return src;
  }

  it('sends the app shell brotli- or gzip-compressed by Accept-Encoding, never cached unasked', async () => {
    const br = await rawGet('/register', 'gzip, deflate, br');
    const gzip = await rawGet('/register', 'gzip');
    const none = await rawGet('/register', 'identity');

    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(none.headers['content-encoding']).toBeUndefined();
    for (const response of [br, gzip, none]) {
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(decoded(response)).toContain('<div id="root">');
    }
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(none.body.length);
  });

  it('sends hashed scripts compressed and cacheable for a year, unchanged once decoded', async () => {
    const script = await mainScriptPath();
    const br = await rawGet(script, 'br');
    const none = await rawGet(script, '');

    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(decoded(br)).toBe(none.body.toString('utf8'));
    expect(br.body.length).toBeLessThan(none.body.length / 2);
  });

  it('compresses API JSON, which stays uncacheable', async () => {
    const gzip = await rawGet('/api/meta', 'gzip');
    const br = await rawGet('/api/meta', 'br;q=1, gzip;q=0.5');
    const refused = await rawGet('/api/meta', 'br;q=0, gzip;q=0');

    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(refused.headers['content-encoding']).toBeUndefined();
    for (const response of [gzip, br, refused]) {
      expect(response.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(decoded(response)).province.id).toBeTypeOf('string');
    }
  });

  it('leaves a small API answer as it is (below 1,000 bytes CloudFront does not compress either)', async () => {
    const health = await rawGet('/api/health', 'br, gzip');
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
