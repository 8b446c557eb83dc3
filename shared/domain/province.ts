/**
 * Province configuration: the province the registry serves, its zones (fields of need are tied to
 * them), its agencies (HR officers belong to one) and its 2030 targets. Quảng Ngãi is the default.
 */
export interface LocalizedName {
  vi: string;
  en: string;
}

export interface Zone extends LocalizedName {
  id: string;
}

/** The kinds of provincial agency an HR officer can belong to. */
export const agencyKinds = [
  'department',
  'management_board',
  'hospital',
  'university',
  'school',
  'people_committee',
  'other',
] as const;

export interface Agency extends LocalizedName {
  id: string;
  kind: (typeof agencyKinds)[number];
}

/** What a target measures; the statistics (shared/domain/statistics.ts) compute each one. */
export const targetMetrics = [
  'intellectuals',
  'doctorates',
  'masters_or_higher',
  'leaders_under_40_share',
  'provincial_leaders_international_share',
] as const;
export type TargetMetric = (typeof targetMetrics)[number];

/** The document that sets a target: its number and title, and the date it was signed. */
export interface TargetSource {
  document: string;
  /** ISO date; null when the configuration does not record it (the document still names it). */
  date: string | null;
}

/**
 * A target of the province's programme, as data: a count to reach (`at least`) or a share in
 * percent (`min`-`max`). Shown only with the document that sets it.
 */
export interface ProvinceTarget {
  id: TargetMetric;
  label: LocalizedName;
  year: number;
  /** A count to reach, or the lower end of a share in percent. */
  min: number;
  /** The upper end of a share's range in percent. */
  max?: number;
  unit: 'people' | 'percent';
  /** The figure the programme started from, if the document gives one. */
  baseline: { value: number; date: string } | null;
  source?: TargetSource;
}

/** The targets that may be shown: those with a source document. */
export const sourcedTargets = (province: Pick<ProvinceConfig, 'targets'>): ProvinceTarget[] =>
  province.targets.filter((t) => !!t.source?.document);

export interface ProvinceConfig {
  id: string;
  name: LocalizedName;
  /** Ward or district names used as hometowns in generated demo data. */
  hometowns: string[];
  zones: Zone[];
  agencies: Agency[];
  /** Targets with the document that sets each; a target without one is never shown. */
  targets: ProvinceTarget[];
  /** A province merged into another (the 2025 reorganisation): which, and since when. */
  mergedInto?: { provinceId: string; date: string; note: LocalizedName };
  /** Programme emphases, shown on the landing page. */
  priorities: LocalizedName[];
}
