import { describe, expect, it } from 'vitest';
import { api, loginTokenIn, mailsTo, registeredExpert, type Session } from '../support/api.ts';

/** A second session for the same expert, as from another browser: a login link, then its token. */
async function anotherSession(email: string, mailsBefore: number): Promise<string> {
  await api('/api/me/login-link', { body: { email } });
  const mails = await mailsTo(email, mailsBefore + 1);
  const res = await api<Session>('/api/me/session', { body: { token: loginTokenIn(mails[0]) } });
  expect(res.status).toBe(200);
  return res.body.sessionToken;
}

describe('DELETE /api/me/session', () => {
  it('ends the current session only', async () => {
    const { sessionToken, email } = await registeredExpert();
    const other = await anotherSession(email, 1);

    const res = await api('/api/me/session', { method: 'DELETE', token: sessionToken });

    expect(res.status).toBe(204);
    expect((await api('/api/me', { token: sessionToken })).status).toBe(401);
    expect((await api('/api/me', { token: other })).status).toBe(200);
  });

  it('with all=true ends every session of the expert, and no one else’s', async () => {
    const { sessionToken, email } = await registeredExpert();
    const other = await anotherSession(email, 1);
    const stranger = await registeredExpert();

    const res = await api('/api/me/session?all=true', { method: 'DELETE', token: sessionToken });

    expect(res.status).toBe(204);
    expect((await api('/api/me', { token: sessionToken })).status).toBe(401);
    expect((await api('/api/me', { token: other })).status).toBe(401);
    expect((await api('/api/me', { token: stranger.sessionToken })).status).toBe(200);
  });

  it('needs a live session (401), and refuses a bad query (400)', async () => {
    const { sessionToken } = await registeredExpert();
    await api('/api/me/session', { method: 'DELETE', token: sessionToken });

    const again = await api('/api/me/session', { method: 'DELETE', token: sessionToken });
    const none = await api('/api/me/session', { method: 'DELETE' });
    const live = await registeredExpert();
    const bad = await api('/api/me/session?all=yes', { method: 'DELETE', token: live.sessionToken });
    const unknown = await api('/api/me/session?everyone=true', {
      method: 'DELETE',
      token: live.sessionToken,
    });

    expect(again.status).toBe(401);
    expect(none.status).toBe(401);
    expect(bad.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect((await api('/api/me', { token: live.sessionToken })).status).toBe(200);
  });
});

describe('a new login link', () => {
  it('makes the older unused links invalid', async () => {
    const { email } = await registeredExpert();
    await api('/api/me/login-link', { body: { email } });
    const [first] = await mailsTo(email, 2);
    await api('/api/me/login-link', { body: { email } });
    const [second] = await mailsTo(email, 3);

    const old = await api('/api/me/session', { body: { token: loginTokenIn(first) } });
    const newest = await api('/api/me/session', { body: { token: loginTokenIn(second) } });

    expect(old.status).toBe(401);
    expect(newest.status).toBe(200);
  });

  it('leaves sessions opened from older links alone', async () => {
    const { sessionToken, email } = await registeredExpert();

    await anotherSession(email, 1);

    expect((await api('/api/me', { token: sessionToken })).status).toBe(200);
  });
});
