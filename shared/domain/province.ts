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

export interface ProvinceTargets {
  year: number;
  intellectuals: number;
  doctorates: number;
  mastersOrHigher: number;
}

export interface ProvinceConfig {
  id: string;
  name: LocalizedName;
  /** Ward or district names used as hometowns in generated demo data. */
  hometowns: string[];
  zones: Zone[];
  agencies: Agency[];
  targets: ProvinceTargets;
  /** Programme emphases, shown on the landing page. */
  priorities: LocalizedName[];
}
