/**
 * Times as people in the province read them: in Vietnam's time zone (UTC+7, no daylight saving),
 * always labelled, in one format for pages and mails alike. Readers abroad see the same time as
 * the officers who set it, with the zone named, rather than a time silently moved to their own.
 */

export type DisplayLang = 'vi' | 'en';

export const vietnamTimeZone = 'Asia/Ho_Chi_Minh';

export const vietnamTimeLabel: Record<DisplayLang, string> = { vi: 'giờ Việt Nam', en: 'Vietnam time' };

const partsOptions: Record<DisplayLang, [locale: string, options: Intl.DateTimeFormatOptions]> = {
  vi: [
    'vi-VN',
    {
      timeZone: vietnamTimeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
  ],
  en: [
    'en-GB',
    {
      timeZone: vietnamTimeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
  ],
};

/**
 * Built on first use, not at import: the first Intl.DateTimeFormat of a process loads ICU's
 * locale and time-zone data (15-45 ms of CPU measured), which every cold start of a module that
 * imports this would pay, though only the mails that name a time need it.
 */
const partsFormat: Partial<Record<DisplayLang, Intl.DateTimeFormat>> = {};

function parts(date: Date, lang: DisplayLang): Record<string, string> {
  partsFormat[lang] ??= new Intl.DateTimeFormat(...partsOptions[lang]);
  return Object.fromEntries(
    partsFormat[lang]
      .formatToParts(date)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, p.value]),
  );
}

/** "31/12/2026 23:59 (giờ Việt Nam)" · "31 Dec 2026, 23:59 (Vietnam time)"; unparseable input as is. */
export function formatVietnamTime(iso: string, lang: DisplayLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = parts(date, lang);
  const time = `${p.hour}:${p.minute}`;
  const text =
    lang === 'vi' ? `${p.day}/${p.month}/${p.year} ${time}` : `${p.day} ${p.month} ${p.year}, ${time}`;
  return `${text} (${vietnamTimeLabel[lang]})`;
}

/** A calendar day (YYYY-MM-DD, a day in the province) as "31/12/2026" · "31 Dec 2026". */
export function formatVietnamDay(day: string, lang: DisplayLang): string {
  // 05:00 UTC is 12:00 the same day in Vietnam, so the day never shifts.
  const date = new Date(`${day}T05:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  const p = parts(date, lang);
  return lang === 'vi' ? `${p.day}/${p.month}/${p.year}` : `${p.day} ${p.month} ${p.year}`;
}

/** Today's (or `now`'s) date in the province, UTC+7 without daylight saving, as YYYY-MM-DD. */
export const vietnamDay = (now: Date): string =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The day an instant falls on in the province, as YYYY-MM-DD; unreadable: its first ten characters. */
export function vietnamDayOf(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso.slice(0, 10) : vietnamDay(new Date(time));
}
