import { describe, expect, it } from 'vitest';
import { parseServerTiming, ServerTiming } from '#shared/app/server-timing';

describe('ServerTiming', () => {
  it('writes the parts timed in the order they run, in ms with one decimal', () => {
    const timing = new ServerTiming();
    timing.add('confirm', 2.06);
    timing.add('changes', 1);
    timing.add('index', 3.44);
    expect(timing.header()).toBe('changes;dur=1.0, index;dur=3.4, confirm;dur=2.1');
    expect(timing.headers()).toEqual({ 'server-timing': 'changes;dur=1.0, index;dur=3.4, confirm;dur=2.1' });
  });

  it('adds up a part timed twice, and sends no header when nothing was timed', () => {
    const timing = new ServerTiming();
    expect(timing.headers()).toEqual({});
    timing.add('index', 1.5);
    timing.add('index', 1);
    expect(timing.header()).toBe('index;dur=2.5');
  });

  it('times async and sync work, also when it throws', async () => {
    const timing = new ServerTiming();
    expect(await timing.time('confirm', async () => 7)).toBe(7);
    expect(timing.timeSync('index', () => 'x')).toBe('x');
    await expect(
      timing.time('changes', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(Object.keys(parseServerTiming(timing.header()))).toEqual(['changes', 'index', 'confirm']);
  });

  it('parses a header back, ignoring parts without a duration', () => {
    expect(parseServerTiming('changes;dur=1.2, index;desc="x";dur=3, miss, confirm;dur=0.5')).toEqual({
      changes: 1.2,
      index: 3,
      confirm: 0.5,
    });
    expect(parseServerTiming(null)).toEqual({});
  });
});
