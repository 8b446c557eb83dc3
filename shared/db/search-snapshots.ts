/**
 * Where the search read model's snapshot lives, behind one small interface: an S3 object in AWS
 * (SEARCH_SNAPSHOT_BUCKET), a file in a local folder in the local stack (SEARCH_SNAPSHOT_DIR),
 * or nowhere (neither set: every cold instance reads the listings from the table instead).
 * The snapshot is gzipped JSON; its metadata (when it was built, as of when) travels inside it.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface SnapshotStore {
  /** The stored snapshot, or undefined if there is none yet. */
  read(): Promise<Buffer | undefined>;
  write(body: Buffer): Promise<void>;
  /** When the stored snapshot was written, or undefined if there is none. */
  writtenAt(): Promise<Date | undefined>;
  readonly description: string;
}

const objectKey = 'search/expert-index.json.gz';

function folderStore(dir: string): SnapshotStore {
  const file = join(dir, 'expert-index.json.gz');
  return {
    description: `folder ${dir}`,
    async read() {
      try {
        return await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async writtenAt() {
      try {
        return (await stat(file)).mtime;
      } catch {
        return undefined;
      }
    },
    async write(body) {
      await mkdir(dir, { recursive: true });
      // Rename is atomic: a reader sees the old snapshot or the new one, never half of one.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, body);
      await rename(partial, file);
    },
  };
}

function s3Store(bucket: string): SnapshotStore {
  // Loaded only where a bucket is configured: the local stack never loads the S3 client.
  const client = import('@aws-sdk/client-s3').then((s3) => ({ s3, client: new s3.S3Client({}) }));
  return {
    description: `s3://${bucket}/${objectKey}`,
    async read() {
      const { s3, client: c } = await client;
      try {
        const object = await c.send(new s3.GetObjectCommand({ Bucket: bucket, Key: objectKey }));
        return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
      } catch (error) {
        if ((error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async writtenAt() {
      const { s3, client: c } = await client;
      try {
        const head = await c.send(new s3.HeadObjectCommand({ Bucket: bucket, Key: objectKey }));
        return head.LastModified;
      } catch (error) {
        if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async write(body) {
      const { s3, client: c } = await client;
      await c.send(
        new s3.PutObjectCommand({
          Bucket: bucket,
          Key: objectKey,
          Body: body,
          ContentType: 'application/json',
          ContentEncoding: 'gzip',
        }),
      );
    },
  };
}

let store: SnapshotStore | null | undefined;

/** The configured store, or null if none is. */
export function snapshotStore(): SnapshotStore | null {
  if (store === undefined) {
    const bucket = process.env.SEARCH_SNAPSHOT_BUCKET;
    const dir = process.env.SEARCH_SNAPSHOT_DIR;
    store = bucket ? s3Store(bucket) : dir ? folderStore(dir) : null;
  }
  return store;
}

export const packSnapshot = (value: unknown): Buffer => gzipSync(JSON.stringify(value));
export const unpackSnapshot = <T>(body: Buffer): T => JSON.parse(gunzipSync(body).toString('utf8')) as T;
