import { localized, useI18n } from '../i18n.tsx';
import { useOptionalMeta } from '../meta.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

/** The full privacy notice, linked from every page's footer and from every mail (issue #13, item 9). */
export function PrivacyPage() {
  const { t, lang } = useI18n();
  usePageTitle(t.privacyTitle);
  const meta = useOptionalMeta();
  const province = meta ? localized(meta.province.name, lang) : '';
  return (
    <>
      <h1 tabIndex={-1}>{t.privacyTitle}</h1>
      <p className="lead">{t.privacyIntro(province)}</p>
      <h2>{t.privacyWhatTitle}</h2>
      <p>{t.privacyWhat}</p>
      <h2>{t.privacyPurposesTitle}</h2>
      {meta ? (
        <ul>
          {meta.consentText[lang].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <h2>{t.privacyWhoTitle}</h2>
      <p>{t.privacyWho}</p>
      <h2>{t.privacyRightsTitle}</h2>
      <p>
        {t.privacyRights} <Link to="/me/data">{t.privacyMyData}</Link>
      </p>
    </>
  );
}
