import type { Lang } from './i18n.tsx';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(locales[lang], { dateStyle: 'medium', timeStyle: 'short' });
}

export const formatNumber = (n: number, lang: Lang): string => n.toLocaleString(locales[lang]);
