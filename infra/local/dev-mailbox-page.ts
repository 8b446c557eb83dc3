/**
 * The dev mailbox as a page a person reads (GET /dev/outbox from a browser): newest mail first,
 * line breaks kept, links clickable. Tests and scripts get the JSON (`Accept: application/json`,
 * or `?format=json`). Everything from a mail is escaped before it is put in the page.
 */
export interface DevMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Escaped text with its http(s) links made clickable (links are escaped too). */
function linkified(text: string): string {
  return text
    .split(/(https?:\/\/\S+)/g)
    .map((part, i) =>
      i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join('');
}

const vietnamTime = (iso: string): string =>
  `${new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} (giờ Việt Nam)`;

export function devMailboxPage(mails: readonly DevMail[], to: string | undefined): string {
  const title = to ? `Hộp thư thử · Dev mailbox — ${to}` : 'Hộp thư thử · Dev mailbox';
  const items = mails.map(
    (mail) => `<article>
  <h2>${escapeHtml(mail.subject)}</h2>
  <p class="meta">Gửi tới / To: ${escapeHtml(mail.to)} · ${escapeHtml(vietnamTime(mail.createdAt))}</p>
  <pre>${linkified(mail.text)}</pre>
</article>`,
  );
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
article { border: 1px solid #ccc; border-radius: 6px; padding: 0 1rem 1rem; margin: 1rem 0; }
.meta { color: #555; margin: 0; }
pre { white-space: pre-wrap; font: inherit; }
a { color: #0b57d0; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Thư do hộp thư ngoài (outbox) gửi khi chạy cục bộ, mới nhất trước. / Mail the outbox delivered locally, newest first.
JSON: <a href="?${to ? `to=${encodeURIComponent(to)}&amp;` : ''}format=json">?format=json</a></p>
${items.length ? items.join('\n') : '<p>Chưa có thư nào. / No mail yet.</p>'}
</main>
</body>
</html>
`;
}
