import type { Lang } from './i18n.tsx';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(locales[lang], { dateStyle: 'medium', timeStyle: 'short' });
}

export const formatNumber = (n: number, lang: Lang): string => n.toLocaleString(locales[lang]);

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

/** Amounts are in VND whatever the language, written as Vietnamese write them: 5.000.000 ₫. */
export const formatVnd = (amount: number): string => vnd.format(amount);

/** A calendar day (YYYY-MM-DD) as a date, without shifting it through the browser's time zone. */
export function formatDay(day: string, lang: Lang): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : date.toLocaleDateString(locales[lang], { dateStyle: 'medium', timeZone: 'UTC' });
}

/** The day an instant falls on in the province (Vietnam, UTC+7), as YYYY-MM-DD. */
export const provinceDayOf = (iso: string): string => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso.slice(0, 10) : new Date(time + 7 * 3_600_000).toISOString().slice(0, 10);
};
