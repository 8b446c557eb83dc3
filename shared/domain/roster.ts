/**
 * Roster entries: people brought in by a spreadsheet import (a department's staff list, a
 * university's roster). They did not register themselves, so they are counted in statistics but
 * never searched, matched or mailed, except one invitation to claim the entry by registering.
 *
 * This module is the pure part of the import: the template's columns (Vietnamese headers, English
 * accepted), mapping a file's header row to them, reading and validating one row's cells, the
 * entry's identity (the same person in a later file is the same entry: re-importing changes
 * nothing) and the classification a dry run reports for every row.
 */
import { createHash } from 'node:crypto';
import {
  type AcademicTitle,
  academicTitles,
  type Degree,
  degrees,
  emailSchema,
  genders,
  locationKinds,
  sectors,
} from './expert.ts';
import { type RosterColumnField, rosterColumnFields, rosterColumns } from './roster-columns.ts';
import { isFieldCode } from './taxonomy.ts';
import { foldVietnamese, hasUnsafeCharacters } from './text.ts';

export {
  type RosterColumn,
  type RosterColumnField,
  rosterColumnFields,
  rosterColumns,
} from './roster-columns.ts';

export const requiredRosterFields = rosterColumns.filter((c) => c.required).map((c) => c.field);

/** Which column of the file (by index) holds each field; unmapped fields are absent. */
export type ColumnMapping = Partial<Record<RosterColumnField, number>>;

const headerKey = (header: string) => foldVietnamese(header);

/**
 * The mapping a header row implies: a header equal (ignoring case and diacritics) to a
 * template column's Vietnamese or English name, or to its field name. `overrides` (header text →
 * field, chosen in the mapping step) win.
 */
export function mapColumns(
  headers: readonly string[],
  overrides: Readonly<Record<string, RosterColumnField | 'ignore'>> = {},
): ColumnMapping {
  const byKey = new Map<string, RosterColumnField>();
  for (const c of rosterColumns) {
    for (const name of [c.vi, c.en, c.field]) byKey.set(headerKey(name), c.field);
  }
  const overrideByKey = new Map(Object.entries(overrides).map(([h, f]) => [headerKey(h), f]));
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const key = headerKey(header);
    const chosen = overrideByKey.get(key) ?? byKey.get(key);
    if (chosen && chosen !== 'ignore' && mapping[chosen] === undefined) mapping[chosen] = index;
  });
  return mapping;
}

export const missingRequiredColumns = (mapping: ColumnMapping): RosterColumnField[] =>
  requiredRosterFields.filter((f) => mapping[f] === undefined);

/** A reason shown for a row or a file, Vietnamese first with English beside. */
export interface RowReason {
  code: string;
  field?: RosterColumnField;
  vi: string;
  en: string;
}

/** One cell as a spreadsheet reader hands it over. */
export interface Cell {
  text: string;
  /** The spreadsheet stored a formula in the cell (XLSX), not a value. */
  formula?: boolean;
}

export interface RosterPerson {
  fullName: string;
  email?: string;
  phone?: string;
  birthYear?: number;
  gender?: (typeof genders)[number];
  highestDegree: Degree;
  academicTitle?: AcademicTitle;
  fields: { code: string; specialization?: string }[];
  employer?: { name?: string; sector?: (typeof sectors)[number] };
  location?: { kind: (typeof locationKinds)[number]; country: string };
  nativeOfProvince?: boolean;
  hometown?: string;
  yearsExperience?: number;
}

/** No cell of a roster holds more than this; a longer one is refused, not cut. */
export const maxCellLength = 1000;
const maxLengths: Partial<Record<RosterColumnField, number>> = {
  fullName: 120,
  specialization: 200,
  employerName: 200,
  hometown: 100,
};

/** Vocabulary: Vietnamese labels (as the template and the export write them), English codes too. */
const degreeWords: Record<string, Degree> = {
  'tien si': 'doctorate',
  ts: 'doctorate',
  phd: 'doctorate',
  'thac si': 'master',
  ths: 'master',
  'cu nhan': 'bachelor',
  'ky su': 'bachelor',
  'bac si': 'bachelor',
  'dai hoc': 'bachelor',
};
const titleWords: Record<string, AcademicTitle> = {
  'giao su': 'professor',
  gs: 'professor',
  'pho giao su': 'associate_professor',
  pgs: 'associate_professor',
  khong: 'none',
};
const genderWords: Record<string, (typeof genders)[number]> = {
  nam: 'male',
  nu: 'female',
  khac: 'other',
};
const sectorWords: Record<string, (typeof sectors)[number]> = {
  'nha nuoc': 'state',
  'dai hoc': 'university',
  'truong dai hoc': 'university',
  'vien nghien cuu': 'research_institute',
  'doanh nghiep': 'enterprise',
  'doanh nghiep fdi': 'fdi',
  'to chuc phi chinh phu': 'ngo',
  'tu do': 'self_employed',
  khac: 'other',
};
const locationWords: Record<string, (typeof locationKinds)[number]> = {
  'trong tinh': 'in_province',
  'ngoai tinh': 'in_country',
  'trong nuoc': 'in_country',
  'nuoc ngoai': 'overseas',
};
const yesWords = new Set(['co', 'yes', 'x', '1', 'true', 'dung']);
const noWords = new Set(['khong', 'no', '0', 'false', 'sai']);

/** The Vietnamese label the export writes for each code (the first word above that maps to it). */
function labelsOf<T extends string>(words: Record<string, T>, vi: Record<T, string>) {
  return { words, vi };
}
export const vocabularies = {
  highestDegree: labelsOf(degreeWords, { bachelor: 'Cử nhân', master: 'Thạc sĩ', doctorate: 'Tiến sĩ' }),
  academicTitle: labelsOf(titleWords, {
    none: 'Không',
    associate_professor: 'Phó giáo sư',
    professor: 'Giáo sư',
  }),
  gender: labelsOf(genderWords, { male: 'Nam', female: 'Nữ', other: 'Khác', unspecified: '' }),
  sector: labelsOf(sectorWords, {
    state: 'Nhà nước',
    university: 'Trường đại học',
    research_institute: 'Viện nghiên cứu',
    enterprise: 'Doanh nghiệp',
    fdi: 'Doanh nghiệp FDI',
    ngo: 'Tổ chức phi chính phủ',
    self_employed: 'Tự do',
    other: 'Khác',
  }),
  locationKind: labelsOf(locationWords, {
    in_province: 'Trong tỉnh',
    in_country: 'Trong nước',
    overseas: 'Nước ngoài',
  }),
} as const;

function fromVocabulary<T extends string>(
  value: string,
  words: Record<string, T>,
  codes: readonly T[],
): T | undefined {
  const folded = foldVietnamese(value);
  if ((codes as readonly string[]).includes(value.trim())) return value.trim() as T;
  if ((codes as readonly string[]).includes(folded.replace(/ /g, '_'))) return folded.replace(/ /g, '_') as T;
  return words[folded];
}

const formulaStart = /^[=+\-@\t\r]/;

/**
 * A cell's text as data: a quote our own export put before a formula-like start is removed
 * (so an export round-trips); a real formula is refused (null).
 */
export function cellValue(cell: Cell | undefined): string | null {
  if (!cell) return '';
  if (cell.formula) return null;
  const text = cell.text;
  if (text.startsWith('=')) return null;
  if (text.startsWith("'") && formulaStart.test(text.slice(1))) return text.slice(1).trim();
  return text.trim();
}

const reasonTexts = {
  formula: ['Ô chứa công thức; hãy nhập giá trị', 'The cell holds a formula; enter a value'],
  too_long: ['Nội dung quá dài', 'The text is too long'],
  unsafe_text: ['Có ký tự điều khiển hoặc ký tự hỏng', 'It holds control or broken characters'],
  required: ['Thiếu thông tin bắt buộc', 'A required value is missing'],
  email: ['Địa chỉ thư điện tử không hợp lệ', 'Not a valid e-mail address'],
  phone: ['Số điện thoại không hợp lệ', 'Not a valid phone number'],
  birth_year: ['Năm sinh phải từ 1930 đến {max}', 'The birth year must be between 1930 and {max}'],
  degree: ['Học vị không hợp lệ (Cử nhân, Thạc sĩ, Tiến sĩ)', 'Unknown degree (bachelor, master, doctorate)'],
  title: ['Học hàm không hợp lệ (Phó giáo sư, Giáo sư)', 'Unknown academic title'],
  gender: ['Giới tính không hợp lệ (Nam, Nữ, Khác)', 'Unknown gender (male, female, other)'],
  field_code: ['Mã lĩnh vực không có trong danh mục (ví dụ 2.3)', 'Unknown field code (for example 2.3)'],
  too_many_fields: ['Tối đa 5 lĩnh vực', 'At most five fields'],
  sector: ['Khu vực công tác không hợp lệ', 'Unknown sector'],
  location: [
    'Nơi sinh sống không hợp lệ (Trong tỉnh, Trong nước, Nước ngoài)',
    'Unknown location (in province, in country, overseas)',
  ],
  country: ['Mã quốc gia phải gồm 2 chữ cái (ví dụ JP)', 'Use a two-letter country code (such as JP)'],
  yes_no: ['Hãy ghi Có hoặc Không', 'Write yes or no'],
  years: ['Số năm kinh nghiệm phải từ 0 đến 70', 'Years of experience must be between 0 and 70'],
  encoding: [
    'Dòng này được đọc theo bảng mã Windows-1258; hãy kiểm tra dấu tiếng Việt',
    'This row was read as Windows-1258; check its Vietnamese diacritics',
  ],
} as const;
export type ReasonCode = keyof typeof reasonTexts;

export function reason(code: ReasonCode, field?: RosterColumnField, params: Record<string, string> = {}) {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  const [vi, en] = reasonTexts[code];
  return { code, ...(field ? { field } : {}), vi: fill(vi), en: fill(en) } satisfies RowReason;
}

export type RowReading = { ok: true; person: RosterPerson } | { ok: false; reasons: RowReason[] };

/**
 * One row's cells read into a person, or every reason it cannot be (all of them at once, so the
 * administrator fixes the row in one go).
 */
export function readRosterRow(
  cells: readonly (Cell | undefined)[],
  mapping: ColumnMapping,
  now: Date = new Date(),
): RowReading {
  const reasons: RowReason[] = [];
  const values: Partial<Record<RosterColumnField, string>> = {};
  for (const field of rosterColumnFields) {
    const index = mapping[field];
    if (index === undefined) continue;
    const cell = cells[index];
    const raw = cell?.text ?? '';
    if (raw.length > maxCellLength) {
      reasons.push(reason('too_long', field));
      continue;
    }
    const value = cellValue(cell);
    if (value === null) {
      reasons.push(reason('formula', field));
      continue;
    }
    if (hasUnsafeCharacters(value)) {
      reasons.push(reason('unsafe_text', field));
      continue;
    }
    const max = maxLengths[field];
    if (max !== undefined && value.length > max) {
      reasons.push(reason('too_long', field));
      continue;
    }
    if (value !== '') values[field] = value.normalize('NFC');
  }
  const v = values;
  const refused = new Set(reasons.map((r) => r.field));
  for (const field of requiredRosterFields) {
    if (v[field] === undefined && !refused.has(field)) reasons.push(reason('required', field));
  }

  const person: Partial<RosterPerson> = {};
  if (v.fullName) person.fullName = v.fullName.replace(/\s+/g, ' ');
  if (v.email) {
    const parsed = emailSchema.safeParse(v.email);
    if (parsed.success) person.email = parsed.data;
    else reasons.push(reason('email', 'email'));
  }
  if (v.phone) {
    if (/^\+?[0-9 ().-]{6,20}$/.test(v.phone)) person.phone = v.phone;
    else reasons.push(reason('phone', 'phone'));
  }
  if (v.birthYear) {
    const max = now.getUTCFullYear() - 16;
    const year = Number(v.birthYear);
    if (Number.isInteger(year) && year >= 1930 && year <= max) person.birthYear = year;
    else reasons.push(reason('birth_year', 'birthYear', { max: String(max) }));
  }
  if (v.gender) {
    const gender = fromVocabulary(v.gender, genderWords, genders);
    if (gender) person.gender = gender;
    else reasons.push(reason('gender', 'gender'));
  }
  if (v.highestDegree) {
    const degree = fromVocabulary(v.highestDegree, degreeWords, degrees);
    if (degree) person.highestDegree = degree;
    else reasons.push(reason('degree', 'highestDegree'));
  }
  if (v.academicTitle) {
    const title = fromVocabulary(v.academicTitle, titleWords, academicTitles);
    if (title) person.academicTitle = title;
    else reasons.push(reason('title', 'academicTitle'));
  }
  if (v.fieldCodes) {
    const codes = [...new Set(v.fieldCodes.split(/[;,\s]+/).filter(Boolean))];
    if (codes.some((c) => !isFieldCode(c))) reasons.push(reason('field_code', 'fieldCodes'));
    else if (codes.length > 5) reasons.push(reason('too_many_fields', 'fieldCodes'));
    else
      person.fields = codes.map((code, i) =>
        i === 0 && v.specialization ? { code, specialization: v.specialization } : { code },
      );
  }
  let sector: (typeof sectors)[number] | undefined;
  if (v.sector) {
    sector = fromVocabulary(v.sector, sectorWords, sectors);
    if (!sector) reasons.push(reason('sector', 'sector'));
  }
  if (v.employerName || sector) {
    person.employer = {
      ...(v.employerName ? { name: v.employerName } : {}),
      ...(sector ? { sector } : {}),
    };
  }
  if (v.locationKind || v.country) {
    const kind = v.locationKind ? fromVocabulary(v.locationKind, locationWords, locationKinds) : undefined;
    const country = v.country?.toUpperCase();
    if (v.locationKind && !kind) reasons.push(reason('location', 'locationKind'));
    else if (country !== undefined && !/^[A-Z]{2}$/.test(country)) reasons.push(reason('country', 'country'));
    else {
      const k = kind ?? (country && country !== 'VN' ? 'overseas' : 'in_country');
      const fits = k === 'overseas' ? !!country && country !== 'VN' : !country || country === 'VN';
      if (fits) person.location = { kind: k, country: k === 'overseas' ? (country as string) : 'VN' };
      else reasons.push(reason('country', 'country'));
    }
  }
  if (v.nativeOfProvince) {
    const folded = foldVietnamese(v.nativeOfProvince);
    if (yesWords.has(folded)) person.nativeOfProvince = true;
    else if (noWords.has(folded)) person.nativeOfProvince = false;
    else reasons.push(reason('yes_no', 'nativeOfProvince'));
  }
  if (v.hometown) person.hometown = v.hometown;
  if (v.yearsExperience) {
    const years = Number(v.yearsExperience);
    if (Number.isInteger(years) && years >= 0 && years <= 70) person.yearsExperience = years;
    else reasons.push(reason('years', 'yearsExperience'));
  }
  if (reasons.length) return { ok: false, reasons };
  return { ok: true, person: person as RosterPerson };
}

/** The template cells of a person (Vietnamese labels): what the register export writes. */
export function rosterRowCells(person: RosterPerson): string[] {
  const byField: Record<RosterColumnField, string> = {
    fullName: person.fullName,
    email: person.email ?? '',
    phone: person.phone ?? '',
    birthYear: person.birthYear === undefined ? '' : String(person.birthYear),
    gender: person.gender ? vocabularies.gender.vi[person.gender] : '',
    highestDegree: vocabularies.highestDegree.vi[person.highestDegree],
    academicTitle: person.academicTitle ? vocabularies.academicTitle.vi[person.academicTitle] : '',
    fieldCodes: person.fields.map((f) => f.code).join('; '),
    specialization: person.fields[0]?.specialization ?? '',
    employerName: person.employer?.name ?? '',
    sector: person.employer?.sector ? vocabularies.sector.vi[person.employer.sector] : '',
    locationKind: person.location ? vocabularies.locationKind.vi[person.location.kind] : '',
    country: person.location?.country ?? '',
    nativeOfProvince: person.nativeOfProvince === undefined ? '' : person.nativeOfProvince ? 'Có' : 'Không',
    hometown: person.hometown ?? '',
    yearsExperience: person.yearsExperience === undefined ? '' : String(person.yearsExperience),
  };
  return rosterColumns.map((c) => byField[c.field]);
}

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Who a row is, whatever file brings them: the e-mail address if there is one, else the folded
 * name with the birth year and employer. The same person in a later file is the same entry.
 */
export function rosterIdentity(person: RosterPerson): string {
  if (person.email) return `email:${person.email.toLowerCase()}`;
  return `person:${foldVietnamese(person.fullName)}|${person.birthYear ?? ''}|${foldVietnamese(person.employer?.name ?? '')}`;
}

/** The entry's id: a hash of the identity, so no e-mail or name sits in a key. */
export const rosterEntryId = (person: RosterPerson): string => sha(rosterIdentity(person)).slice(0, 32);

/** The id of the entry an address identifies (a registration with it claims that entry). */
export const rosterEntryIdOfEmail = (email: string): string =>
  sha(`email:${email.trim().toLowerCase()}`).slice(0, 32);

/** Keys sorted, so the same data always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What the data says, not where it came from: the same row in another file hashes the same. */
export const rosterContentHash = (person: RosterPerson): string => sha(stableJson(person)).slice(0, 32);

/** The key under which likely duplicates meet: the folded name and the birth year. */
export const nameYearKey = (person: Pick<RosterPerson, 'fullName' | 'birthYear'>): string =>
  `${foldVietnamese(person.fullName)}#${person.birthYear ?? ''}`;

export const rowStatuses = ['create', 'update', 'unchanged', 'duplicate?', 'invalid'] as const;
export type RowStatus = (typeof rowStatuses)[number];

/** What is already known about a row's person when the dry run classifies it. */
export interface RowContext {
  /** The entry with this row's identity, if one exists. */
  existing?: { contentHash: string; claimedBy?: string; mergedInto?: string };
  /** An earlier row of the same file with the same identity. */
  sameIdentityRow?: number;
  /** An earlier row of the same file with the same folded name and birth year, another identity. */
  sameNameYearRow?: number;
  /** Another roster entry with the same folded name and birth year, another identity. */
  sameNameYearEntry?: boolean;
  /** The e-mail belongs to a registered expert. */
  registered?: boolean;
  /** What the likely match above shares: name and birth year (the default), or name, employer and field group. */
  likelyCode?: 'same_name_year' | 'same_name_employer_field';
}

export interface RowClassification {
  status: RowStatus;
  reasons: RowReason[];
}

const dupReason = (code: string, vi: string, en: string): RowReason => ({ code, vi, en });

/**
 * The dry run's verdict on one row. Only `create` and `update` rows are written by the commit;
 * a `duplicate?` row waits for an administrator in the duplicates queue.
 */
export function classifyRow(reading: RowReading, person: RosterPerson | undefined, ctx: RowContext) {
  if (!reading.ok || !person)
    return { status: 'invalid', reasons: reading.ok ? [] : reading.reasons } as const;
  if (ctx.sameIdentityRow !== undefined) {
    const n = String(ctx.sameIdentityRow);
    return {
      status: 'duplicate?',
      reasons: [
        dupReason(
          'same_in_file',
          `Trùng người với dòng ${n} trong tệp (cùng thư điện tử hoặc họ tên, năm sinh, cơ quan)`,
          `The same person as row ${n} of the file (same e-mail, or name, birth year and employer)`,
        ),
      ],
    } as const;
  }
  if (ctx.registered) {
    return {
      status: 'duplicate?',
      reasons: [
        dupReason(
          'registered',
          'Người này đã tự đăng ký với cùng thư điện tử',
          'This person has registered with the same e-mail',
        ),
      ],
    } as const;
  }
  if (ctx.existing?.claimedBy) {
    return {
      status: 'unchanged',
      reasons: [
        dupReason(
          'claimed',
          'Người này đã nhận hồ sơ và tự quản lý thông tin',
          'This person has claimed the entry and keeps it up to date',
        ),
      ],
    } as const;
  }
  if (ctx.existing?.mergedInto) {
    return {
      status: 'unchanged',
      reasons: [
        dupReason(
          'merged',
          'Người này đã được hợp nhất với một hồ sơ khác',
          'This person has been merged into another record',
        ),
      ],
    } as const;
  }
  if (ctx.sameNameYearRow !== undefined || (ctx.sameNameYearEntry && !ctx.existing)) {
    const where = ctx.sameNameYearRow !== undefined ? String(ctx.sameNameYearRow) : undefined;
    if (ctx.likelyCode === 'same_name_employer_field') {
      return {
        status: 'duplicate?',
        reasons: [
          where
            ? dupReason(
                'same_name_employer_in_file',
                `Có thể trùng với dòng ${where} (cùng họ tên, cơ quan công tác và nhóm lĩnh vực)`,
                `Possibly the same person as row ${where} (same name, employer and field group)`,
              )
            : dupReason(
                'same_name_employer',
                'Có thể trùng với một người đã có trong cơ sở dữ liệu (cùng họ tên, cơ quan công tác và nhóm lĩnh vực)',
                'Possibly a person already in the register (same name, employer and field group)',
              ),
        ],
      } as const;
    }
    return {
      status: 'duplicate?',
      reasons: [
        where
          ? dupReason(
              'same_name_year_in_file',
              `Có thể trùng với dòng ${where} (cùng họ tên và năm sinh)`,
              `Possibly the same person as row ${where} (same name and birth year)`,
            )
          : dupReason(
              'same_name_year',
              'Có thể trùng với một người đã có trong cơ sở dữ liệu (cùng họ tên và năm sinh)',
              'Possibly a person already in the register (same name and birth year)',
            ),
      ],
    } as const;
  }
  if (!ctx.existing) return { status: 'create', reasons: [] } as const;
  if (ctx.existing.contentHash === rosterContentHash(person))
    return { status: 'unchanged', reasons: [] } as const;
  return { status: 'update', reasons: [] } as const;
}

/** The rows the commit writes. */
export const isWrittenStatus = (status: RowStatus): boolean => status === 'create' || status === 'update';

/* ---------------------------------------------------------------------------------------------- */
/* Files: what an upload may be                                                                   */

export const maxImportBytes = 20 * 1024 * 1024;
export const maxImportRows = 50_000;
export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The format an upload declares, from its name and content type; undefined if neither fits. */
export function importFormatOf(filename: string, contentType: string): ImportFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (
    ext === 'csv' &&
    ['text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/csv'].includes(type)
  )
    return 'csv';
  if (ext === 'xlsx' && type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    return 'xlsx';
  return undefined;
}

export const fileErrors = {
  wrong_type: ['Chỉ nhận tệp CSV hoặc XLSX', 'Only CSV and XLSX files are accepted'],
  too_big: ['Tệp lớn hơn 20 MB', 'The file is larger than 20 MB'],
  not_uploaded: ['Chưa tải tệp lên', 'The file has not been uploaded'],
  empty: ['Tệp không có dòng dữ liệu nào', 'The file has no data rows'],
  too_many_rows: ['Tệp có hơn 50.000 dòng', 'The file has more than 50,000 rows'],
  unreadable: [
    'Không đọc được tệp (hỏng hoặc sai định dạng)',
    'The file cannot be read (damaged or not that format)',
  ],
  missing_columns: ['Thiếu cột bắt buộc: {columns}', 'Required columns are missing: {columns}'],
} as const;
export type FileErrorCode = keyof typeof fileErrors;

export function fileError(code: FileErrorCode, params: Record<string, string> = {}): RowReason {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  const [vi, en] = fileErrors[code];
  return { code, vi: fill(vi), en: fill(en) };
}

/* ---------------------------------------------------------------------------------------------- */
/* Exports: cells no spreadsheet reads as a formula                                               */

/**
 * A cell that Excel, LibreOffice or Google Sheets would read as a formula (or a DDE command)
 * starts with one of these; a leading apostrophe makes it text (OWASP "CSV injection").
 */
export function neutraliseCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting), every cell neutralised. */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((raw) => {
      const cell = neutraliseCell(raw);
      return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
    })
    .join(',');
}

/** UTF-8 with a byte-order mark, so Excel reads Vietnamese correctly; CRLF line ends. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
}

export const rosterHeaderRow = (): string[] => rosterColumns.map((c) => c.vi);

export type { AcademicTitle, Degree };
