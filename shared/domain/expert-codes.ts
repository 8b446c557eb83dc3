/**
 * The profile's code lists, apart from its schemas (expert.ts re-exports them): a console page
 * that fills a filter with the degrees or the engagement modes loads these lists, not the zod
 * schemas of the whole profile.
 */
export const degrees = ['bachelor', 'master', 'doctorate'] as const;
export const academicTitles = ['none', 'associate_professor', 'professor'] as const;
export const genders = ['female', 'male', 'other', 'unspecified'] as const;
export const locationKinds = ['in_province', 'in_country', 'overseas'] as const;
export const sectors = [
  'state',
  'university',
  'research_institute',
  'enterprise',
  'fdi',
  'ngo',
  'self_employed',
  'other',
] as const;
export const languageLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const engagementModes = [
  'relocate',
  'full_time',
  'part_time',
  'remote_advisory',
  'short_visit',
  'project_based',
] as const;
export const expertStatuses = ['pending_verification', 'active', 'withdrawn'] as const;
/**
 * Self-declared and optional (Quảng Ngãi's leadership targets): the level of the leadership or
 * management post the expert holds, `none` for none.
 */
export const leadershipPosts = ['none', 'provincial', 'department', 'commune', 'unit'] as const;
