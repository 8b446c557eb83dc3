/**
 * Compression as CloudFront does it in AWS: brotli or gzip, chosen by the request's
 * Accept-Encoding, for text bodies worth compressing. Static files use the .br/.gz siblings the
 * web build writes (web/vite.config.ts); API bodies are compressed as they are sent.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** CloudFront's own threshold: it compresses bodies from 1,000 bytes on. */
export const minCompressedBytes = 1_000;

const compressibleTypes = /^(text\/|application\/(json|javascript|xml|problem\+json)|image\/svg\+xml)/;

/** The encoding to answer with: brotli if the client takes it, else gzip, else none (q=0 refuses). */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const accepted = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

export const isCompressible = (contentType: string | undefined, bytes: number): boolean =>
  bytes >= minCompressedBytes && compressibleTypes.test(contentType ?? '');

export function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(body);
}

/** The file extension of a precompressed sibling written by the build. */
export const precompressedSuffix: Record<Encoding, string> = { br: '.br', gzip: '.gz' };
