import { describe, expect, it } from 'vitest';
import { api, loginTokenIn, mailsTo, registration, uniqueEmail } from '../support/api.ts';

describe('POST /api/experts (self-registration)', () => {
  it('accepts a valid registration and mails a verification link carried in the URL fragment', async () => {
    const body = registration();

    const res = await api('/api/experts', { body });

    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'check_email' });
    const [mail] = await mailsTo(body.email);
    expect(mail.subject).toMatch(/Xác nhận.*Confirm/);
    expect(mail.text).toMatch(/\/#login=[^\s?]+/);
    expect(mail.text).not.toMatch(/[?&]token=/);
    expect(loginTokenIn(mail)).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('answers a known e-mail exactly like a new one and mails the link again, with nothing typed in the form (no enumeration)', async () => {
    const body = registration();
    const first = await api('/api/experts', { body });
    await mailsTo(body.email, 1);

    const second = await api('/api/experts', { body: { ...body, fullName: 'Someone Else' } });

    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    const mails = await mailsTo(body.email, 2);
    expect(mails).toHaveLength(2);
    // Nobody has verified this address: no mail to it carries text from the form, not even the name.
    for (const mail of mails) expect(mail.text).not.toMatch(/Someone Else|Nguyễn Văn An/);
  });

  it('treats e-mail addresses case-insensitively', async () => {
    const body = registration();
    await api('/api/experts', { body });
    await api('/api/experts', { body: { ...body, email: body.email.toUpperCase() } });

    const mails = await mailsTo(body.email, 2);

    expect(mails).toHaveLength(2);
  });

  it.each([
    ['fullName', 'fullName'],
    ['email', 'email'],
    ['highestDegree', 'highestDegree'],
    ['fields', 'fields'],
    ['location', 'location'],
    ['nativeOfProvince', 'nativeOfProvince'],
    ['yearsExperience', 'yearsExperience'],
    ['engagement', 'engagement'],
    ['consent', 'consent'],
  ])('rejects a registration without %s, naming the field', async (field, path) => {
    const body: Record<string, unknown> = { ...registration() };
    delete body[field];

    const res = await api('/api/experts', { body });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it.each([
    ['an unknown field', { nickname: 'An' }, 'nickname'],
    [
      'six fields',
      { fields: ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'].map((code) => ({ code })) },
      'fields',
    ],
    ['an unknown field code', { fields: [{ code: '9.9' }] }, 'fields.0.code'],
    ['a field group instead of a field', { fields: [{ code: '2' }] }, 'fields.0.code'],
    ['overseas with country VN', { location: { kind: 'overseas', country: 'VN' } }, 'location.country'],
    ['no engagement mode', { engagement: [] }, 'engagement'],
    ['a bad e-mail', { email: 'not-an-email' }, 'email'],
    ['a bad CEFR level', { languages: [{ code: 'en', level: 'D1' }] }, 'languages.0.level'],
    ['a negative experience', { yearsExperience: -1 }, 'yearsExperience'],
    ['a fractional experience', { yearsExperience: 2.5 }, 'yearsExperience'],
    [
      'a professor without a doctorate',
      { highestDegree: 'master', academicTitle: 'professor' },
      'academicTitle',
    ],
    ['more experience than age allows', { birthYear: 2000, yearsExperience: 40 }, 'yearsExperience'],
  ])('rejects %s', async (_, override, path) => {
    const res = await api('/api/experts', { body: { ...registration(), ...override } });

    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('requires consent to the registry purpose, never assumed', async () => {
    const body = registration();

    const res = await api('/api/experts', {
      body: { ...body, consent: { ...body.consent, registry: false } },
    });

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('consent.registry');
  });

  it('requires the current consent text version', async () => {
    const body = registration();

    const res = await api('/api/experts', {
      body: { ...body, consent: { ...body.consent, textVersion: '2020-01-01' } },
    });

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('consent.textVersion');
  });

  it('answers 413 to a body over 64 KB, 415 to a non-JSON type and 400 to broken JSON', async () => {
    const big = await api('/api/experts', { body: { ...registration(), bio: 'x'.repeat(70_000) } });
    const typed = await api('/api/experts', {
      rawBody: JSON.stringify(registration()),
      headers: { 'content-type': 'text/plain' },
    });
    const broken = await api('/api/experts', {
      rawBody: '{"fullName": ',
      headers: { 'content-type': 'application/json' },
    });
    const empty = await api('/api/experts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });

    expect([big.status, typed.status, broken.status, empty.status]).toEqual([413, 415, 400, 400]);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(typed.body.error.code).toBe('unsupported_media_type');
    expect(broken.body.error.code).toBe('validation_failed');
  });

  it('does not create a second profile when the same registration is retried', async () => {
    const body = registration({ email: uniqueEmail('retry') });

    const results = await Promise.all([1, 2, 3].map(() => api('/api/experts', { body })));

    expect(results.map((r) => r.status)).toEqual([202, 202, 202]);
    const mails = await mailsTo(body.email, 3);
    expect(mails.filter((m) => m.subject.startsWith('Xác nhận')).length).toBeGreaterThanOrEqual(1);
  });
});
