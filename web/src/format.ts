import { formatVietnamDay, formatVietnamTime, vietnamDayOf } from '#shared/domain/vietnam-time';
import type { Lang } from './i18n.tsx';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** An instant in Vietnam time, labelled, as in the mails: "31/12/2026 23:59 (giờ Việt Nam)". */
export const formatTime = (iso: string, lang: Lang): string => formatVietnamTime(iso, lang);

export const formatNumber = (n: number, lang: Lang): string => n.toLocaleString(locales[lang]);

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

/** Amounts are in VND whatever the language, written as Vietnamese write them: 5.000.000 ₫. */
export const formatVnd = (amount: number): string => vnd.format(amount);

/** A calendar day of the province (YYYY-MM-DD) as "31/12/2026" · "31 Dec 2026", never shifted. */
export const formatDay = (day: string, lang: Lang): string => formatVietnamDay(day, lang);

/** The day an instant falls on in the province (Vietnam, UTC+7), as YYYY-MM-DD. */
export const provinceDayOf = vietnamDayOf;
