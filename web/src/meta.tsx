/**
 * The province, agencies, taxonomy and the consent text version: from the JSON block the server
 * embeds in index.html (infra/app-shell.ts), so the first page renders without a round trip; from
 * GET /api/meta when the shell has none (the Vite dev server). Everything below the provider can
 * rely on it being there.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, api, type Meta } from './api.ts';
import { PageLoading } from './components/Notice.tsx';
import { type Lang, useI18n } from './i18n.tsx';

interface MetaState {
  meta: Meta | null;
  failure: ApiError | null;
  reload: () => void;
}

const MetaContext = createContext<MetaState | null>(null);

/** Must match infra/app-shell.ts (embeddedMetaId). */
const embeddedMetaId = 'registry-meta';

function embeddedMeta(): Meta | null {
  const text = document.getElementById(embeddedMetaId)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as Meta;
  } catch {
    return null;
  }
}

export function MetaProvider({ children }: { children: ReactNode }) {
  const [meta, setMeta] = useState<Meta | null>(embeddedMeta);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const reload = useCallback(() => {
    setFailure(null);
    api
      .meta()
      .then(setMeta)
      .catch((error: unknown) =>
        setFailure(error instanceof ApiError ? error : new ApiError(0, 'network', String(error))),
      );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fetched only when the shell had none
  useEffect(() => {
    if (!meta) reload();
  }, [reload]);

  return <MetaContext.Provider value={{ meta, failure, reload }}>{children}</MetaContext.Provider>;
}

function useMetaState(): MetaState {
  const state = useContext(MetaContext);
  if (!state) throw new Error('meta used outside MetaProvider');
  return state;
}

/** The province configuration if it has loaded (the header renders before it has). */
export const useOptionalMeta = (): Meta | null => useMetaState().meta;

/** Renders its children only once the province configuration has loaded. */
export function MetaGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { meta, failure, reload } = useMetaState();
  if (failure) {
    return (
      <div role="alert" className="notice notice-error">
        <p>
          {t.metaError} {failure.status === 0 ? t.networkError : ''}
        </p>
        <button type="button" onClick={reload}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (!meta) return <PageLoading label={t.loading} />;
  return children;
}

export function useMeta(): Meta {
  const { meta } = useMetaState();
  if (!meta) throw new Error('useMeta outside MetaGate');
  return meta;
}

/** "2.3 Mechanical engineering" in the current language; the bare code if unknown. */
export function useFieldLabel(): (code: string) => string {
  const meta = useMeta();
  const { lang } = useI18n();
  return (code: string) => {
    const field = meta.taxonomy.find((f) => f.code === code);
    return field ? `${field.code} ${field[lang]}` : code;
  };
}

export interface FieldGroup {
  code: string;
  label: string;
  fields: { code: string; label: string }[];
}

/** The six groups of the taxonomy with their fields, for <optgroup>s. */
export function fieldGroups(meta: Meta, lang: Lang): FieldGroup[] {
  return meta.taxonomy
    .filter((f) => f.parent === null)
    .map((group) => ({
      code: group.code,
      label: `${group.code} ${group[lang]}`,
      fields: meta.taxonomy
        .filter((f) => f.parent === group.code)
        .map((f) => ({ code: f.code, label: `${f.code} ${f[lang]}` })),
    }));
}

/** An agency or zone id of the province in the current language; the bare id if unknown. */
export function usePlaceNames(): { agency: (id: string | null) => string; zone: (id: string) => string } {
  const meta = useMeta();
  const { lang } = useI18n();
  return {
    agency: (id) => {
      const agency = meta.province.agencies.find((a) => a.id === id);
      return agency ? agency[lang] : (id ?? '');
    },
    zone: (id) => {
      const zone = meta.province.zones.find((z) => z.id === id);
      return zone ? zone[lang] : id;
    },
  };
}
