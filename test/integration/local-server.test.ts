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

  it('answers a malformed %-escape in a page path with 400, not 500', async () => {
    expect((await get('/staff/%E0%A4%A')).status).toBe(400);
  });
});
