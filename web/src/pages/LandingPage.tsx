import { localized, useI18n } from '../i18n.tsx';
import { useMeta } from '../meta.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function LandingPage() {
  const { t, lang } = useI18n();
  const { province } = useMeta();
  const provinceName = localized(province.name, lang);
  usePageTitle(t.landingTitle(provinceName));

  return (
    <>
      <section className="hero">
        <h1 tabIndex={-1}>{t.landingTitle(provinceName)}</h1>
        <p className="lead">{t.landingIntro}</p>
        <p>{t.landingWho}</p>
        <div className="actions">
          <Link to="/register" className="button primary">
            {t.actionRegister}
          </Link>
          <Link to="/login" className="button">
            {t.actionLogin}
          </Link>
          <Link to="/staff/login" className="button secondary">
            {t.actionStaff}
          </Link>
        </div>
        <ul className="plain landing-links">
          <li>
            <Link to="/calls">{t.actionCalls}</Link>
          </li>
          <li>
            <Link to="/directory">{t.actionDirectory}</Link>
          </li>
        </ul>
      </section>

      {province.priorities.length > 0 ? (
        <section aria-labelledby="priorities-heading">
          <h2 id="priorities-heading">{t.prioritiesHeading}</h2>
          <ul className="priorities">
            {province.priorities.map((priority) => (
              <li key={priority.en}>{localized(priority, lang)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {province.mergedInto ? <p className="notice">{localized(province.mergedInto.note, lang)}</p> : null}

      {/* Targets come from the configuration (GET /api/meta), each with its source; none without one. */}
      {province.targets.length > 0 ? (
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">{t.targetsHeading(province.targets[0].year)}</h2>
          <ul className="targets">
            {province.targets.map((target) => (
              <li key={target.id}>
                {localized(target.label, lang)}
                {target.source ? <small className="target-source"> — {target.source.document}</small> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
