/**
 * The deployed functions run without `--enable-source-maps` (its cost is paid at every cold start,
 * docs/cold-start.md); a logged error's frames are mapped through the bundle's linked map instead
 * (shared/source-mapped-stack.ts). A module bundled as the stack bundles it throws from a known
 * line, in a fresh Node without the flag, and with it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, repoRoot } from '../../infra/bundling.ts';

const dir = join(repoRoot, '.build', 'test-source-mapped-stack');

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'thrower.ts'),
    [
      "import { sourceMappedFrames } from '../../shared/source-mapped-stack.ts';",
      'export function failingStep(input: { value: string }): never {',
      // A message over two lines: the second quotes personal data and does not start with "at".
      "  throw new Error('No such record:\\n' + input.value);",
      '}',
      'try {',
      "  failingStep({ value: 'nguyen.van.an@example.vn' });",
      '} catch (error) {',
      '  const { stack } = error as Error;',
      '  process.stdout.write(JSON.stringify({ raw: stack, mapped: sourceMappedFrames(stack) }));',
      '}',
      '',
    ].join('\n'),
  );
  await bundleEntry(join(dir, 'thrower.ts'), join(dir, 'out'), 'thrower');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(flags: string[]): { raw: string; mapped: string } {
  const child = spawnSync(process.execPath, [...flags, join(dir, 'out', 'index.mjs')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe('stack frames of a logged error', () => {
  it('name the source file and line, not the minified bundle, when Node does not map them', () => {
    const { raw, mapped } = run([]);
    expect(raw).toMatch(/index\.mjs:\d+:\d+/);
    expect(raw).not.toContain('thrower.ts');
    const [first, second] = mapped.split('\n');
    // The map names sources relative to itself (`../thrower.ts`; a route's `../../…/shared/x.ts`).
    expect(first).toMatch(/^\s+at \S+ \(thrower\.ts:3:9\)$/);
    expect(second).toMatch(/[ (]thrower\.ts:6:3\)?$/);
  });

  it('leave out the message (it may quote personal data) and keep at most five frames', () => {
    const { raw, mapped } = run([]);
    expect(raw).toContain('nguyen.van.an@example.vn');
    expect(mapped).not.toContain('nguyen.van.an');
    expect(mapped).not.toContain('No such record');
    expect(mapped.split('\n').length).toBeLessThanOrEqual(5);
    expect(mapped.split('\n').every((line) => /^\s+at /.test(line))).toBe(true);
  });

  it('are left as Node gives them where Node maps stacks itself', () => {
    const { raw, mapped } = run(['--enable-source-maps']);
    expect(raw).toContain('thrower.ts:3:');
    const frames = raw.split('\n').filter((line) => /^\s+at /.test(line));
    expect(mapped).toBe(frames.slice(0, 5).join('\n'));
  });
});
