/**
 * Stack frames of a logged error, in the repository's source files, without
 * `NODE_OPTIONS=--enable-source-maps`. With that flag Node reads and parses the source map of
 * every module it loads, at every cold start, for the few requests that fail: 0.07-0.28× the SDK
 * floor on a function's import (docs/cold-start.md). The bundles keep their linked `.map` files
 * (infra/bundling.ts), and this maps the frames of an error being logged, reading a bundle's map
 * on the first error that names it: the price is paid by a failing request, not by every start.
 * Where Node maps stacks itself (the flag, or tsx and vitest locally) the frames already name source
 * files, which have no `.map` beside them, and are left as they are.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/** One parsed map per bundle file, or null where the file has none (kept: the next error reads no disk). */
const maps = new Map<string, SourceMap | null>();

function mapOf(fileUrl: string): SourceMap | null {
  let map = maps.get(fileUrl);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(fileUrl)}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(fileUrl, map);
  }
  return map;
}

/** `../../shared/http/handler.ts` as the map names it → `shared/http/handler.ts`. */
const sourcePath = (source: string) => source.replace(/^(?:\.\.\/)+/, '').replace(/^file:\/\/\/?/, '/');

/** A frame's bundle position (`file:///var/task/index.mjs:1:2345`) → its source position, if its map has one. */
function mappedPosition(whole: string, fileUrl: string, line: string, column: string): string {
  const entry = mapOf(fileUrl)?.findEntry(Number(line) - 1, Number(column) - 1) as
    | { originalSource?: string; originalLine?: number; originalColumn?: number }
    | undefined;
  if (!entry?.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined)
    return whole;
  return `${sourcePath(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
}

/**
 * The first `frames` frames of `stack` (the line with the message left out: it can quote personal
 * data), each bundle position replaced by its source position.
 */
export function sourceMappedFrames(stack: string | undefined, frames = 5): string | undefined {
  if (stack === undefined) return undefined;
  const lines = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, frames);
  return lines.map((line) => line.replace(/(file:\/\/[^\s()]+?):(\d+):(\d+)/, mappedPosition)).join('\n');
}
