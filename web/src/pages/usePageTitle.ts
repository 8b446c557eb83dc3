import { useEffect } from 'react';
import { useI18n } from '../i18n.tsx';

/** The tab title names the page first, then the app. */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t.appName}`;
  }, [title, t.appName]);
}
