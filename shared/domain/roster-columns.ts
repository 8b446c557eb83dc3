/**
 * The import template's columns (Vietnamese headers, English names beside), apart from the rest
 * of roster.ts so the web console's mapping step can show them without the hashing it needs.
 */
export const rosterColumnFields = [
  'fullName',
  'email',
  'phone',
  'birthYear',
  'gender',
  'highestDegree',
  'academicTitle',
  'fieldCodes',
  'specialization',
  'employerName',
  'sector',
  'locationKind',
  'country',
  'nativeOfProvince',
  'hometown',
  'yearsExperience',
] as const;
export type RosterColumnField = (typeof rosterColumnFields)[number];

export interface RosterColumn {
  field: RosterColumnField;
  vi: string;
  en: string;
  required?: boolean;
}

/** The import template, in its column order; the register export writes the same columns. */
export const rosterColumns: readonly RosterColumn[] = [
  { field: 'fullName', vi: 'Họ và tên', en: 'Full name', required: true },
  { field: 'email', vi: 'Thư điện tử', en: 'E-mail' },
  { field: 'phone', vi: 'Số điện thoại', en: 'Phone' },
  { field: 'birthYear', vi: 'Năm sinh', en: 'Birth year' },
  { field: 'gender', vi: 'Giới tính', en: 'Gender' },
  { field: 'highestDegree', vi: 'Học vị cao nhất', en: 'Highest degree', required: true },
  { field: 'academicTitle', vi: 'Học hàm', en: 'Academic title' },
  { field: 'fieldCodes', vi: 'Mã lĩnh vực', en: 'Field codes', required: true },
  { field: 'specialization', vi: 'Chuyên ngành', en: 'Specialization' },
  { field: 'employerName', vi: 'Cơ quan công tác', en: 'Employer' },
  { field: 'sector', vi: 'Khu vực công tác', en: 'Sector' },
  { field: 'locationKind', vi: 'Nơi sinh sống', en: 'Location' },
  { field: 'country', vi: 'Quốc gia', en: 'Country' },
  { field: 'nativeOfProvince', vi: 'Người địa phương', en: 'Native of the province' },
  { field: 'hometown', vi: 'Quê quán', en: 'Hometown' },
  { field: 'yearsExperience', vi: 'Số năm kinh nghiệm', en: 'Years of experience' },
];
