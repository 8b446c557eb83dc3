import { describe, expect, it, vi } from 'vitest';
import { formatVietnamDay, formatVietnamTime, vietnamDayOf } from '#shared/domain/vietnam-time';

describe('times as the province reads them (Vietnam, UTC+7), labelled, one format', () => {
  it.each([
    [
      'late evening UTC is the next morning',
      '2026-12-31T17:30:00.000Z',
      '01/01/2027 00:30 (giờ Việt Nam)',
      '1 Jan 2027, 00:30 (Vietnam time)',
    ],
    [
      'the last minute of a day',
      '2026-12-31T16:59:59.999Z',
      '31/12/2026 23:59 (giờ Việt Nam)',
      '31 Dec 2026, 23:59 (Vietnam time)',
    ],
    [
      'an offset given by the writer',
      '2026-03-05T08:05:00+07:00',
      '05/03/2026 08:05 (giờ Việt Nam)',
      '5 Mar 2026, 08:05 (Vietnam time)',
    ],
  ])('%s', (_, iso, vi, en) => {
    expect(formatVietnamTime(iso, 'vi')).toBe(vi);
    expect(formatVietnamTime(iso, 'en')).toBe(en);
  });

  it('shows a calendar day as itself, whatever the reader’s time zone', () => {
    expect(formatVietnamDay('2027-01-01', 'vi')).toBe('01/01/2027');
    expect(formatVietnamDay('2027-01-01', 'en')).toBe('1 Jan 2027');
    expect(formatVietnamDay('2026-12-31', 'vi')).toBe('31/12/2026');
  });

  it('gives back what it cannot read, rather than "Invalid Date"', () => {
    expect(formatVietnamTime('not a time', 'vi')).toBe('not a time');
    expect(formatVietnamDay('31/12/2026', 'en')).toBe('31/12/2026');
    expect(formatVietnamDay('2026-13-45', 'en')).toBe('2026-13-45');
  });

  it.each([
    ['16:59:59 UTC is still the same day', '2026-11-20T16:59:59.999Z', '2026-11-20'],
    ['17:00 UTC is the next day', '2026-11-20T17:00:00.000Z', '2026-11-21'],
    ['unreadable: its first ten characters', '2026-11-20 sometime', '2026-11-20'],
  ])('finds the day of an instant in the province: %s', (_, iso, day) => {
    expect(vietnamDayOf(iso)).toBe(day);
  });
});

describe('loading the module', () => {
  it('builds no Intl formatter until a time is formatted (the first one loads ICU data: a cold start cost)', async () => {
    vi.resetModules();
    const original = Intl.DateTimeFormat;
    let constructed = 0;
    Intl.DateTimeFormat = new Proxy(original, {
      construct(target, args) {
        constructed++;
        return Reflect.construct(target, args);
      },
    });
    try {
      const fresh = await import('#shared/domain/vietnam-time');
      expect(constructed).toBe(0);
      expect(fresh.formatVietnamTime('2026-12-31T17:30:00.000Z', 'en')).toBe(
        '1 Jan 2027, 00:30 (Vietnam time)',
      );
      expect(fresh.formatVietnamTime('2026-12-31T18:30:00.000Z', 'en')).toBe(
        '1 Jan 2027, 01:30 (Vietnam time)',
      );
      expect(constructed).toBe(1);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });
});
