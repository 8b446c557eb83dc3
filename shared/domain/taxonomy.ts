/**
 * OECD Fields of Science and Technology (Frascati Manual 2007), which Vietnam's classification of
 * S&T fields (Decision 12/2008/QĐ-BKHCN) follows. Codes "1".."6" are the six groups; "2.3" is a
 * field inside group "2".
 */
export interface FieldOfScience {
  code: string;
  vi: string;
  en: string;
  parent: string | null;
}

// Stryker disable all: the table is data, not rules (the taxonomy unit test checks its codes).
const groups: [string, string, string, [string, string][]][] = [
  [
    '1',
    'Khoa học tự nhiên',
    'Natural sciences',
    [
      ['Toán học và thống kê', 'Mathematics'],
      ['Khoa học máy tính và thông tin', 'Computer and information sciences'],
      ['Vật lý', 'Physical sciences'],
      ['Hóa học', 'Chemical sciences'],
      ['Khoa học trái đất và môi trường liên quan', 'Earth and related environmental sciences'],
      ['Sinh học', 'Biological sciences'],
      ['Khoa học tự nhiên khác', 'Other natural sciences'],
    ],
  ],
  [
    '2',
    'Kỹ thuật và công nghệ',
    'Engineering and technology',
    [
      ['Kỹ thuật dân dụng', 'Civil engineering'],
      [
        'Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin',
        'Electrical engineering, electronic engineering, information engineering',
      ],
      ['Kỹ thuật cơ khí', 'Mechanical engineering'],
      ['Kỹ thuật hóa học', 'Chemical engineering'],
      ['Kỹ thuật vật liệu và luyện kim', 'Materials engineering'],
      ['Kỹ thuật y học', 'Medical engineering'],
      ['Kỹ thuật môi trường', 'Environmental engineering'],
      ['Công nghệ sinh học môi trường', 'Environmental biotechnology'],
      ['Công nghệ sinh học công nghiệp', 'Industrial biotechnology'],
      ['Công nghệ nano', 'Nano-technology'],
      ['Kỹ thuật và công nghệ khác', 'Other engineering and technologies'],
    ],
  ],
  [
    '3',
    'Khoa học y, dược',
    'Medical and health sciences',
    [
      ['Y học cơ sở', 'Basic medicine'],
      ['Y học lâm sàng', 'Clinical medicine'],
      ['Khoa học sức khỏe', 'Health sciences'],
      ['Công nghệ sinh học trong y học', 'Medical biotechnology'],
      ['Khoa học y, dược khác', 'Other medical sciences'],
    ],
  ],
  [
    '4',
    'Khoa học nông nghiệp',
    'Agricultural sciences',
    [
      ['Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fisheries'],
      ['Chăn nuôi', 'Animal and dairy science'],
      ['Thú y', 'Veterinary science'],
      ['Công nghệ sinh học nông nghiệp', 'Agricultural biotechnology'],
      ['Khoa học nông nghiệp khác', 'Other agricultural sciences'],
    ],
  ],
  [
    '5',
    'Khoa học xã hội',
    'Social sciences',
    [
      ['Tâm lý học', 'Psychology'],
      ['Kinh tế và kinh doanh', 'Economics and business'],
      ['Khoa học giáo dục', 'Educational sciences'],
      ['Xã hội học', 'Sociology'],
      ['Pháp luật', 'Law'],
      ['Khoa học chính trị', 'Political science'],
      ['Địa lý kinh tế và xã hội', 'Social and economic geography'],
      ['Thông tin đại chúng và truyền thông', 'Media and communications'],
      ['Khoa học xã hội khác', 'Other social sciences'],
    ],
  ],
  [
    '6',
    'Khoa học nhân văn',
    'Humanities',
    [
      ['Lịch sử và khảo cổ học', 'History and archaeology'],
      ['Ngôn ngữ học và văn học', 'Languages and literature'],
      ['Triết học, đạo đức học và tôn giáo', 'Philosophy, ethics and religion'],
      ['Nghệ thuật', 'Arts'],
      ['Khoa học nhân văn khác', 'Other humanities'],
    ],
  ],
];
// Stryker restore all

export const fieldsOfScience: readonly FieldOfScience[] = groups.flatMap(([code, vi, en, children]) => [
  { code, vi, en, parent: null },
  ...children.map(([childVi, childEn], i) => ({
    code: `${code}.${i + 1}`,
    vi: childVi,
    en: childEn,
    parent: code,
  })),
]);

const byCode = new Map(fieldsOfScience.map((f) => [f.code, f]));

export const fieldGroupCodes: readonly string[] = groups.map(([code]) => code);

/** A field an expert can declare: a sub-field such as "2.3" (not a group). */
export function isFieldCode(code: string): boolean {
  return byCode.get(code)?.parent != null;
}

/** A code usable as a search filter: a group ("2") or a field ("2.3"). */
export function isFieldOrGroupCode(code: string): boolean {
  return byCode.has(code);
}

/** The part before the first dot, without the array split() makes. */
function beforeDot(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}

/**
 * Each known code's group, the same string for every code of a group: a demand's ranking looks
 * up a group per field of every candidate, and a new string per lookup had to be hashed again.
 */
const groupOfCode: ReadonlyMap<string, string> = new Map(
  fieldsOfScience.map((f) => [f.code, byCode.get(beforeDot(f.code))?.code ?? beforeDot(f.code)]),
);

/** The group a code belongs to: "2.3" → "2", "2" → "2". */
export function fieldGroupOf(code: string): string {
  return groupOfCode.get(code) ?? beforeDot(code);
}

export function fieldLabel(code: string): FieldOfScience | undefined {
  return byCode.get(code);
}
