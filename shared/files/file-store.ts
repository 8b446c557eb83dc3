/**
 * Where uploaded rosters and finished exports live: a private S3 bucket in AWS (clients upload
 * and download through presigned URLs, so no file passes through API Gateway or Lambda's payload
 * limits), a folder under `.data/` locally, served by the local server under `/dev/files/` with
 * URLs signed the same way in spirit (method, key, expiry, size). One interface, two stores.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { config } from '../config.ts';

export interface FileStore {
  /** A URL the client PUTs exactly `size` bytes of `contentType` to, valid for `expiresInSeconds`. */
  uploadUrl(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<string>;
  /** A URL that downloads the file as `filename`, valid for `expiresInSeconds`. */
  downloadUrl(key: string, filename: string, expiresInSeconds: number): Promise<string>;
  read(key: string): Promise<Buffer | undefined>;
  write(key: string, body: Buffer, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Keys are ours (`imports/<id>`, `exports/<id>.csv`): letters, digits, dashes, dots and slashes. */
export const isFileKey = (key: string): boolean => /^[a-z]+\/[A-Za-z0-9-]+(\.[a-z]{3,4})?$/.test(key);

/* ---------------------------------------------------------------------------------------------- */
/* Local: a folder, and URLs on the local server                                                  */

const localSecret = () => process.env.LOCAL_FILES_SECRET ?? 'local-development-only';

export function localFileSignature(method: 'GET' | 'PUT', key: string, expires: number, extra = ''): string {
  return createHmac('sha256', localSecret())
    .update(`${method}\n${key}\n${expires}\n${extra}`)
    .digest('base64url');
}

/** Whether a /dev/files request carries a valid, unexpired signature for this method and key. */
export function verifyLocalFileUrl(
  method: 'GET' | 'PUT',
  key: string,
  params: URLSearchParams,
  now: Date,
): { ok: true; size?: number; contentType?: string; filename?: string } | { ok: false } {
  const expires = Number(params.get('expires'));
  const signature = params.get('signature') ?? '';
  if (!isFileKey(key) || !Number.isFinite(expires) || expires * 1000 < now.getTime()) return { ok: false };
  const extra =
    method === 'PUT'
      ? `${params.get('size') ?? ''}\n${params.get('type') ?? ''}`
      : (params.get('filename') ?? '');
  const expected = Buffer.from(localFileSignature(method, key, expires, extra));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false };
  return method === 'PUT'
    ? { ok: true, size: Number(params.get('size')), contentType: params.get('type') ?? '' }
    : { ok: true, filename: params.get('filename') ?? 'download' };
}

export class LocalFileStore implements FileStore {
  constructor(
    private readonly dir: string,
    private readonly baseUrl: string,
  ) {}

  path(key: string): string {
    if (!isFileKey(key)) throw new Error('Not a file key');
    return join(this.dir, key);
  }

  async uploadUrl(key: string, contentType: string, size: number, expiresInSeconds: number) {
    const expires = Math.floor(Date.now() / 1000) + expiresInSeconds;
    const signature = localFileSignature('PUT', key, expires, `${size}\n${contentType}`);
    const q = new URLSearchParams({
      expires: String(expires),
      size: String(size),
      type: contentType,
      signature,
    });
    return `${this.baseUrl}/dev/files/${key}?${q}`;
  }

  async downloadUrl(key: string, filename: string, expiresInSeconds: number) {
    const expires = Math.floor(Date.now() / 1000) + expiresInSeconds;
    const signature = localFileSignature('GET', key, expires, filename);
    const q = new URLSearchParams({ expires: String(expires), filename, signature });
    return `${this.baseUrl}/dev/files/${key}?${q}`;
  }

  async read(key: string) {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(key: string, body: Buffer, _contentType?: string) {
    const file = this.path(key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }

  async remove(key: string) {
    await rm(this.path(key), { force: true });
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* AWS: S3 with presigned URLs (loaded only where a bucket is configured)                         */

class S3FileStore implements FileStore {
  constructor(private readonly bucket: string) {}

  private async sdk() {
    const [s3, presigner] = await Promise.all([
      import('@aws-sdk/client-s3'),
      import('@aws-sdk/s3-request-presigner'),
    ]);
    s3Client ??= new s3.S3Client({});
    return { s3, presigner, client: s3Client };
  }

  async uploadUrl(key: string, contentType: string, size: number, expiresInSeconds: number) {
    const { s3, presigner, client } = await this.sdk();
    // Content-Type and Content-Length are signed: S3 refuses any other type or size.
    return presigner.getSignedUrl(
      client,
      new s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: size,
      }),
      { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) },
    );
  }

  async downloadUrl(key: string, filename: string, expiresInSeconds: number) {
    const { s3, presigner, client } = await this.sdk();
    return presigner.getSignedUrl(
      client,
      new s3.GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      }),
      { expiresIn: expiresInSeconds },
    );
  }

  async read(key: string) {
    const { s3, client } = await this.sdk();
    try {
      const result = await client.send(new s3.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return Buffer.from((await result.Body?.transformToByteArray()) ?? []);
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async write(key: string, body: Buffer, contentType: string) {
    const { s3, client } = await this.sdk();
    await client.send(
      new s3.PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async remove(key: string) {
    const { s3, client } = await this.sdk();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

let s3Client: import('@aws-sdk/client-s3').S3Client | undefined;
let store: FileStore | undefined;

/** The store this environment uses: FILES_BUCKET in AWS, else FILES_DIR (default .data/files). */
export function fileStore(): FileStore {
  if (!store) {
    const bucket = process.env.FILES_BUCKET;
    store = bucket
      ? new S3FileStore(bucket)
      : new LocalFileStore(resolve(process.env.FILES_DIR ?? '.data/files'), config().appUrl);
  }
  return store;
}
