import { describe, expect, it } from 'vitest';
import { devMailboxPage } from '../../infra/local/dev-mailbox-page.ts';

const mail = {
  id: 'm1',
  to: 'an@example.org',
  subject: 'Liên kết đăng nhập / Your login link',
  text: 'Dòng một\nMở: http://127.0.0.1:3000/#login=abc.def\n<script>alert(1)</script>',
  createdAt: '2026-11-30T01:00:00.000Z',
};

describe('the dev mailbox page', () => {
  it('shows each mail with its links clickable and its lines kept', () => {
    const page = devMailboxPage([mail], 'an@example.org');
    expect(page).toContain('<a href="http://127.0.0.1:3000/#login=abc.def">');
    expect(page).toContain('<pre>Dòng một\n');
    expect(page).toContain('Liên kết đăng nhập / Your login link');
    expect(page).toContain('08:00:00 30/11/2026 (giờ Việt Nam)');
    // In a main landmark, as axe-core asks of every page the browser tests visit.
    expect(page).toMatch(/<main>[\s\S]*<h1>[\s\S]*<\/main>/);
  });

  it('escapes everything taken from a mail', () => {
    const page = devMailboxPage([{ ...mail, subject: '<b>x</b>' }], '"><img src=x>');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<b>x</b>');
    expect(page).not.toContain('"><img');
  });

  it('says so when there is no mail yet', () => {
    expect(devMailboxPage([], undefined)).toContain('No mail yet');
  });
});
