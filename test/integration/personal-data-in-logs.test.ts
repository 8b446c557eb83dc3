/**
 * No personal data in logs: a person goes through every route of the walking skeleton, then the
 * server's log (handlers, outbox, local server) is searched for their name, e-mail and phone,
 * and for any e-mail address at all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { foldVietnamese } from '#shared/domain/text';
import { api, registeredExpert, registration, staffToken, streamSettled } from '../support/api.ts';

describe('the server log', () => {
  it('holds no name, e-mail or phone of an expert who used every route', async () => {
    const person = {
      fullName: 'Hoàng Thị Bảo Mật',
      email: `bao.mat.${Date.now()}@example.org`,
      phone: '+84 912 345 678',
    };
    const me = await registeredExpert({ ...person });
    const hr = await staffToken();
    await api('/api/experts', { body: registration({ ...person }) });
    await api('/api/me/login-link', { body: { email: person.email } });
    await api('/api/me', { token: me.sessionToken });
    await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': '"2"' },
      body: { bio: 'x' },
    });
    await api('/api/me', {
      method: 'PATCH',
      token: me.sessionToken,
      headers: { 'if-match': '"1"' },
      body: { bio: 'y' },
    });
    await api('/api/me/consent', {
      method: 'PUT',
      token: me.sessionToken,
      body: { shareWithAgencies: true, collaborationCalls: true, publicDirectory: true },
    });
    await api(`/api/experts?q=${encodeURIComponent(person.fullName)}`, { token: hr });
    await api(`/api/experts/${me.expert.id}`, { token: hr });
    await api(`/api/directory?q=${encodeURIComponent(person.fullName)}`);
    await api('/api/me/export', { token: me.sessionToken });
    await api('/api/experts', { body: { ...registration({ ...person }), phone: 'bad phone' } });
    await api('/api/me', { method: 'DELETE', token: me.sessionToken });
    await streamSettled(); // let the outbox deliver and log

    const log = readFileSync(inject('serverLogPath'), 'utf8');

    expect(log).toContain('request served');
    expect(log).not.toContain(person.email);
    expect(log).not.toContain(person.fullName);
    expect(foldVietnamese(log)).not.toContain(foldVietnamese(person.fullName));
    expect(log).not.toContain(person.phone);
    expect(log).not.toContain('912345678');
    // The only addresses: the local provider's demo staff accounts, printed at start on purpose.
    const demoStaff = ['hr@example.gov.vn', 'admin@example.gov.vn'];
    const addresses = log.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g) ?? [];
    expect(addresses.filter((address) => !demoStaff.includes(address))).toEqual([]);
  });
});
