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
