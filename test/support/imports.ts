/** Uploading a roster the way the console does: declare it, PUT it to the upload URL, dry-run it. */
import { api, streamSettled } from './api.ts';

export const csvType = 'text/csv';
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const templateHeader =
  'Họ và tên,Thư điện tử,Số điện thoại,Năm sinh,Giới tính,Học vị cao nhất,Học hàm,Mã lĩnh vực,Chuyên ngành,Cơ quan công tác,Khu vực công tác,Nơi sinh sống,Quốc gia,Người địa phương,Quê quán,Số năm kinh nghiệm';

export const csvBytes = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

export async function uploadRoster(
  admin: string,
  bytes: Buffer,
  options: { filename?: string; contentType?: string; source?: string } = {},
): Promise<string> {
  const contentType = options.contentType ?? csvType;
  const created = await api('/api/imports', {
    token: admin,
    body: {
      filename: options.filename ?? 'danh-sach.csv',
      contentType,
      size: bytes.length,
      ...(options.source ? { source: options.source } : {}),
    },
  });
  if (created.status !== 201) throw new Error(`import not created: ${created.status} ${created.text}`);
  const put = await fetch(created.body.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body: new Uint8Array(bytes),
  });
  if (put.status !== 200) throw new Error(`upload failed: ${put.status} ${await put.text()}`);
  return created.body.id as string;
}

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies field by field
export async function settledImport(admin: string, id: string): Promise<any> {
  await streamSettled();
  return (await api(`/api/imports/${id}`, { token: admin })).body;
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function dryRun(admin: string, id: string, mapping?: Record<string, string>): Promise<any> {
  const res = await api(`/api/imports/${id}/dry-run`, { token: admin, body: mapping ? { mapping } : {} });
  if (res.status !== 202) throw new Error(`dry run refused: ${res.status} ${res.text}`);
  return settledImport(admin, id);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function allRows(admin: string, id: string, status?: string): Promise<any[]> {
  const rows: unknown[] = [];
  let cursor: string | null = null;
  do {
    const q: URLSearchParams = new URLSearchParams({
      limit: '100',
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const res: { status: number; text: string; body: { items: unknown[]; nextCursor: string | null } } =
      await api(`/api/imports/${id}/rows?${q}`, { token: admin });
    if (res.status !== 200) throw new Error(`rows: ${res.status} ${res.text}`);
    rows.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return rows;
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function commitImport(admin: string, id: string): Promise<any> {
  const res = await api(`/api/imports/${id}/commit`, { token: admin, method: 'POST' });
  if (res.status !== 202) throw new Error(`commit refused: ${res.status} ${res.text}`);
  return settledImport(admin, id);
}
