/**
 * `npm run import -- <file.csv|file.xlsx> [options]`: the console's import from a terminal, with a
 * progress bar. Against the local stack (`npm start`) it gets an administrator's token from
 * /dev/token; against a deployed API pass `--api https://<site>` and `--token <admin JWT>` (or
 * REGISTRY_TOKEN).
 *
 *   --api URL        the registry (default http://127.0.0.1:3000)
 *   --token JWT      an administrator's token (default: a local dev token)
 *   --source TEXT    whose list it is (default: the file name)
 *   --commit         write the rows after the dry run (default: dry run only)
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    api: { type: 'string', default: process.env.REGISTRY_API ?? 'http://127.0.0.1:3000' },
    token: { type: 'string', default: process.env.REGISTRY_TOKEN },
    source: { type: 'string' },
    commit: { type: 'boolean', default: false },
  },
});

const file = positionals[0];
if (!file) {
  console.error(
    'Usage: npm run import -- <file.csv|file.xlsx> [--api URL] [--token JWT] [--source TEXT] [--commit]',
  );
  process.exit(2);
}
const base = (args.api ?? '').replace(/\/$/, '');
const contentType = file.toLowerCase().endsWith('.xlsx')
  ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  : 'text/csv';

async function call(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = body?.error?.message ?? response.statusText;
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${message}`);
  }
  return body;
}

function bar(done: number, total: number, label: string) {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : 0;
  process.stdout.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}   `);
}

// biome-ignore lint/suspicious/noExplicitAny: the import view as the API returns it
async function waitFor(id: string, token: string, busy: string, label: string): Promise<any> {
  for (;;) {
    const view = await call(`/api/imports/${id}`, token);
    bar(view.status === 'analysing' ? 0 : view.done, view.total, label);
    if (view.status !== busy) {
      process.stdout.write('\n');
      return view;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main() {
  const token =
    args.token ??
    (
      await (
        await fetch(`${base}/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sub: 'import-cli', email: 'admin@example.gov.vn', groups: ['admin'] }),
        })
      ).json()
    ).token;
  const bytes = readFileSync(file as string);
  const created = await call('/api/imports', token, {
    body: {
      filename: basename(file as string),
      contentType,
      size: bytes.length,
      ...(args.source ? { source: args.source } : {}),
    },
  });
  const put = await fetch(created.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body: new Uint8Array(bytes),
  });
  if (!put.ok) throw new Error(`Upload refused: ${put.status}`);
  console.log(`Import ${created.id}: ${bytes.length} bytes uploaded`);

  await call(`/api/imports/${created.id}/dry-run`, token, { body: {} });
  const analysed = await waitFor(created.id, token, 'analysing', 'Dry run / Chạy thử');
  if (analysed.status === 'failed') {
    console.error(`Refused / Bị từ chối: ${analysed.error.vi} / ${analysed.error.en}`);
    process.exit(1);
  }
  console.log(`Rows / Dòng: ${analysed.total}`, analysed.counts);
  const invalid = await call(`/api/imports/${created.id}/rows?status=invalid&limit=10`, token);
  for (const row of invalid.items) {
    console.log(`  line ${row.line}: ${row.reasons.map((r: { en: string }) => r.en).join('; ')}`);
  }
  if (!args.commit) {
    console.log('Dry run only; add --commit to write the create and update rows.');
    return;
  }
  await call(`/api/imports/${created.id}/commit`, token, { method: 'POST' });
  const done = await waitFor(created.id, token, 'committing', 'Import / Nhập');
  console.log(`${done.status}: ${done.written} entries written, ${done.invited} invitations queued`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
