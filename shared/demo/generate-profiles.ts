/**
 * DEMO DATA. Generates fictitious but realistic expert registrations: they seed `npm start` and
 * the benchmarks (50,000 profiles, the province's 2030 size). No generated person is real; the
 * employers are real institutions only to make search and matching look plausible.
 *
 * Deterministic: every profile is drawn from its own PRNG seeded by (seed, index), so the same
 * seed gives the same profiles, and `generateProfiles(n, { startIndex: k })` equals the slice
 * k..k+n of a single larger call (batches can be generated independently). Profile index 0 is
 * always "Nguyễn Văn An" (doctorate, 2.3 "Thiết kế máy", Osaka), the example used in the docs.
 */
import { consentText } from '../domain/consent.ts';
import type { Degree, EngagementMode, LanguageLevel, Registration } from '../domain/expert.ts';
import type { ProvinceConfig } from '../domain/province.ts';
import { quangNgai } from '../domain/provinces/quang-ngai.ts';
import { foldVietnamese } from '../domain/text.ts';

export interface GenerateProfilesOptions {
  /** PRNG seed; the same seed gives the same profiles. Default 2030. */
  seed?: number;
  /** Domain of the generated e-mail addresses. Default "example.vn". */
  emailDomain?: string;
  /** Index of the first profile; e-mails embed the index, so batches never collide. Default 0. */
  startIndex?: number;
  /** Province whose hometowns, agencies and name are used. Default Quảng Ngãi. */
  province?: ProvinceConfig;
}

type Sector = NonNullable<NonNullable<Registration['employer']>['sector']>;
type Gender = NonNullable<Registration['gender']>;
type LocationKind = Registration['location']['kind'];
type Rng = () => number;

/** Ages and experience are computed against this year, so output does not drift with the clock. */
const REFERENCE_YEAR = 2026;

// ---------------------------------------------------------------------------------------------
// Random numbers

/**
 * mulberry32: a tiny, fast 32-bit PRNG; good enough for demo data. Reseeded for every profile
 * rather than re-created (fewer allocations when generating 50,000 profiles).
 */
function createRng(): { next: Rng; reseed: (seed: number) => void } {
  let state = 0;
  return {
    next: () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    reseed: (seed) => {
      state = seed | 0;
    },
  };
}

/** murmur3's finaliser over (seed, index): decorrelates the per-profile seeds. */
function profileSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** A weighted choice, prepared once (cumulative weights; a linear scan, as the lists are short). */
function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = entries.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return (rng) => {
    const r = rng() * total;
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return values[i];
    return values[values.length - 1];
  };
}

// ---------------------------------------------------------------------------------------------
// Names

const familyName = weighted<string>([
  ['Nguyễn', 310],
  ['Trần', 110],
  ['Lê', 95],
  ['Phạm', 70],
  ['Huỳnh', 35],
  ['Hoàng', 25],
  ['Phan', 45],
  ['Võ', 30],
  ['Vũ', 15],
  ['Đặng', 21],
  ['Bùi', 20],
  ['Đỗ', 14],
  ['Hồ', 13],
  ['Ngô', 13],
  ['Dương', 10],
  ['Lý', 5],
  ['Trương', 9],
  ['Đinh', 8],
  ['Đoàn', 6],
  ['Lương', 4],
  ['Mai', 4],
  ['Tạ', 2],
]);

/** Whitespace-separated words of a template, for compact name lists. */
const words = (text: string): string[] => text.trim().split(/\s+/);

const maleMiddle = words(`
  Văn Văn Văn Hữu Đức Minh Quốc Công Thanh Ngọc Xuân Đình Tấn
`);
const femaleMiddle = words(`
  Thị Thị Thị Ngọc Thanh Thu Minh Hoài Kim Bích Mỹ Thùy
`);
const maleGiven = words(`
  An Bình Cường Dũng Đạt Hải Hiếu Hoàng Hùng Huy Khang Khoa Kiên Long Minh Nam Nghĩa Phong
  Phúc Quang Quân Sơn Tài Thắng Thành Tiến Toàn Trung Tuấn Tùng Việt Vinh Bảo Duy Hưng Lâm
  Nhân Tâm
`);
const femaleGiven = words(`
  Anh Châu Chi Diệp Dung Giang Hà Hạnh Hằng Hoa Hương Lan Linh Loan Mai My Nga Ngân Nhung
  Oanh Phương Quyên Tâm Thảo Thủy Trang Trâm Uyên Vân Yến Hiền Ly Nhi Thư
`);

const genderOf = weighted<Gender>([
  ['male', 540],
  ['female', 440],
  ['unspecified', 15],
  ['other', 5],
]);

const foldCache = new Map<string, string>();
function fold(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = foldVietnamese(word).replace(/[^a-z0-9]/g, '');
    foldCache.set(word, folded);
  }
  return folded;
}

// ---------------------------------------------------------------------------------------------
// Fields of expertise: relative frequency and Vietnamese specializations for every field code.

const fieldCatalogue: Record<string, readonly [number, readonly string[]]> = {
  '1.1': [3, ['Giải tích số', 'Thống kê ứng dụng', 'Xác suất thống kê', 'Tối ưu hóa', 'Khoa học dữ liệu']],
  '1.2': [
    7,
    [
      'Trí tuệ nhân tạo',
      'Học máy',
      'An toàn thông tin',
      'Hệ thống thông tin',
      'Xử lý ngôn ngữ tự nhiên',
      'Công nghệ phần mềm',
    ],
  ],
  '1.3': [2, ['Vật lý chất rắn', 'Quang học và quang tử', 'Vật lý hạt nhân', 'Vật lý lý thuyết']],
  '1.4': [2, ['Hóa hữu cơ', 'Hóa phân tích', 'Hóa dầu', 'Hóa học xanh']],
  '1.5': [
    2,
    ['Địa chất công trình', 'Khí tượng thủy văn', 'Hải dương học', 'Biến đổi khí hậu', 'Viễn thám và GIS'],
  ],
  '1.6': [2, ['Vi sinh vật học', 'Sinh học phân tử', 'Sinh thái học', 'Đa dạng sinh học']],
  '1.7': [1, ['Khoa học biển', 'Khoa học liên ngành', 'Khoa học hệ thống']],
  '2.1': [
    5,
    ['Kết cấu công trình', 'Địa kỹ thuật', 'Xây dựng cầu đường', 'Kỹ thuật cảng biển', 'Công trình thủy lợi'],
  ],
  '2.2': [
    6,
    [
      'Hệ thống điện',
      'Năng lượng tái tạo',
      'Tự động hóa',
      'Vi mạch bán dẫn',
      'Kỹ thuật viễn thông',
      'Điện tử công suất',
    ],
  ],
  '2.3': [5, ['Thiết kế máy', 'Chế tạo máy', 'Cơ điện tử', 'Kỹ thuật ô tô', 'Kỹ thuật nhiệt', 'Đóng tàu']],
  '2.4': [3, ['Lọc hóa dầu', 'Công nghệ polyme', 'Kỹ thuật quá trình', 'Công nghệ xúc tác']],
  '2.5': [
    2,
    [
      'Luyện kim đen',
      'Vật liệu composite',
      'Công nghệ hàn',
      'Vật liệu xây dựng',
      'Ăn mòn và bảo vệ kim loại',
    ],
  ],
  '2.6': [1, ['Thiết bị y tế', 'Kỹ thuật y sinh', 'Xử lý ảnh y tế']],
  '2.7': [2, ['Xử lý nước thải', 'Quản lý chất thải rắn', 'Kiểm soát ô nhiễm không khí', 'Cấp thoát nước']],
  '2.8': [1, ['Xử lý sinh học chất thải', 'Phục hồi sinh học đất', 'Vi sinh môi trường']],
  '2.9': [1, ['Công nghệ lên men', 'Công nghệ enzyme', 'Nhiên liệu sinh học']],
  '2.10': [1, ['Vật liệu nano', 'Cảm biến nano', 'Màng mỏng']],
  '2.11': [
    3,
    ['Công nghệ thực phẩm', 'Logistics và chuỗi cung ứng', 'Kỹ thuật công nghiệp', 'Công nghệ dệt may'],
  ],
  '3.1': [1, ['Giải phẫu học', 'Sinh lý học', 'Dược lý học', 'Miễn dịch học']],
  '3.2': [
    8,
    [
      'Tim mạch',
      'Ung bướu',
      'Nhi khoa',
      'Ngoại khoa',
      'Sản phụ khoa',
      'Chẩn đoán hình ảnh',
      'Hồi sức cấp cứu',
      'Nội tiết',
    ],
  ],
  '3.3': [3, ['Y tế công cộng', 'Dịch tễ học', 'Dinh dưỡng', 'Điều dưỡng', 'Quản lý bệnh viện']],
  '3.4': [1, ['Di truyền y học', 'Công nghệ tế bào gốc', 'Sinh học phân tử trong chẩn đoán']],
  '3.5': [2, ['Dược học', 'Y học cổ truyền', 'Dược liệu']],
  '4.1': [
    5,
    [
      'Nuôi trồng thủy sản',
      'Khoa học cây trồng',
      'Lâm sinh',
      'Bảo vệ thực vật',
      'Khoa học đất',
      'Khai thác thủy sản',
    ],
  ],
  '4.2': [1, ['Dinh dưỡng vật nuôi', 'Giống vật nuôi', 'Chăn nuôi bò sữa']],
  '4.3': [1, ['Bệnh truyền nhiễm thú y', 'Dịch tễ thú y', 'Thú y thủy sản']],
  '4.4': [1, ['Chọn tạo giống cây trồng', 'Nuôi cấy mô thực vật', 'Công nghệ gen thực vật']],
  '4.5': [2, ['Kinh tế nông nghiệp', 'Công nghệ sau thu hoạch', 'Nông nghiệp công nghệ cao']],
  '5.1': [1, ['Tâm lý học lâm sàng', 'Tâm lý học giáo dục', 'Tâm lý học tổ chức']],
  '5.2': [
    8,
    [
      'Kinh tế phát triển',
      'Tài chính ngân hàng',
      'Quản trị kinh doanh',
      'Kế toán kiểm toán',
      'Marketing',
      'Kinh tế đầu tư',
    ],
  ],
  '5.3': [5, ['Lý luận và phương pháp dạy học', 'Quản lý giáo dục', 'Giáo dục STEM', 'Giáo dục mầm non']],
  '5.4': [1, ['Xã hội học nông thôn', 'Công tác xã hội', 'Dân số học']],
  '5.5': [3, ['Luật kinh tế', 'Luật hành chính', 'Luật quốc tế', 'Luật đất đai']],
  '5.6': [1, ['Quản lý công', 'Quan hệ quốc tế', 'Chính sách công']],
  '5.7': [1, ['Quy hoạch vùng', 'Địa lý du lịch', 'Quản lý tài nguyên và môi trường']],
  '5.8': [1, ['Báo chí', 'Truyền thông số', 'Quan hệ công chúng']],
  '5.9': [1, ['Nghiên cứu phát triển', 'Nghiên cứu giới', 'Quản lý khoa học và công nghệ']],
  '6.1': [1, ['Khảo cổ học', 'Lịch sử Việt Nam', 'Bảo tồn di sản văn hóa']],
  '6.2': [
    2,
    ['Ngôn ngữ học', 'Văn học Việt Nam', 'Ngôn ngữ Anh', 'Ngôn ngữ Nhật', 'Lý luận và thực hành dịch thuật'],
  ],
  '6.3': [1, ['Triết học', 'Đạo đức học', 'Tôn giáo học']],
  '6.4': [1, ['Thiết kế kiến trúc', 'Mỹ thuật', 'Âm nhạc', 'Thiết kế đồ họa']],
  '6.5': [1, ['Văn hóa học', 'Văn hóa các dân tộc thiểu số', 'Nghiên cứu Đông Nam Á']],
};

/** The codes the generator knows specializations for (every field code of the taxonomy). */
export const demoFieldCodes: readonly string[] = Object.keys(fieldCatalogue);

const fieldCode = weighted(Object.entries(fieldCatalogue).map(([code, [weight]]) => [code, weight] as const));
/** "2.3" → "2", precomputed (no string splitting per profile). */
const groupOfCode = new Map<string, string>();
const codesByGroup = new Map<string, string[]>();
for (const code of demoFieldCodes) {
  const group = code.split('.')[0];
  groupOfCode.set(code, group);
  codesByGroup.set(group, [...(codesByGroup.get(group) ?? []), code]);
}

/** Groups a second field plausibly comes from (an engineer with a natural-science field, ...). */
const relatedGroups: Record<string, readonly string[]> = {
  '1': ['2', '4', '3'],
  '2': ['1', '5'],
  '3': ['1', '2'],
  '4': ['1', '2', '5'],
  '5': ['6', '1'],
  '6': ['5'],
};

const fieldCount = weighted([
  [1, 55],
  [2, 32],
  [3, 13],
]);

function drawFields(rng: Rng): { code: string; specialization: string }[] {
  const count = fieldCount(rng);
  const primary = fieldCode(rng);
  const codes = [primary];
  const primaryGroup = groupOfCode.get(primary) ?? '1';
  const sameGroup = codesByGroup.get(primaryGroup) ?? [];
  for (let attempt = 0; codes.length < count && attempt < 20; attempt++) {
    const group = rng() < 0.8 ? primaryGroup : pick(rng, relatedGroups[primaryGroup]);
    const code = pick(rng, codesByGroup.get(group) ?? sameGroup);
    if (!codes.includes(code)) codes.push(code);
  }
  const fields: { code: string; specialization: string }[] = [];
  for (const code of codes) fields.push({ code, specialization: pick(rng, fieldCatalogue[code][1]) });
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Employers and places

interface Employer {
  name: string;
  sector: Sector;
  /** Field groups ("1".."6") this employer hires in; absent: any. */
  groups?: readonly string[];
}

interface Place {
  country: string;
  city: string;
  /** Vietnamese name of the country, for the bio. */
  countryVi?: string;
  /** The local language other than English, if any. */
  language?: string;
  englishSpeaking?: boolean;
  employers: readonly Employer[];
}

const ENG = ['1', '2'];
const MED = ['3'];
const AGRI = ['4'];
const SOC = ['5', '6'];

const domesticPlaces = weighted<Place>([
  [
    {
      country: 'VN',
      city: 'Hà Nội',
      employers: [
        { name: 'Đại học Quốc gia Hà Nội', sector: 'university' },
        { name: 'Đại học Bách khoa Hà Nội', sector: 'university', groups: ENG },
        { name: 'Trường Đại học Y Hà Nội', sector: 'university', groups: MED },
        { name: 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', sector: 'research_institute', groups: ENG },
        { name: 'Viện Hàn lâm Khoa học xã hội Việt Nam', sector: 'research_institute', groups: SOC },
        { name: 'Viện Khoa học Nông nghiệp Việt Nam', sector: 'research_institute', groups: AGRI },
        { name: 'Bệnh viện Bạch Mai', sector: 'state', groups: MED },
        { name: 'Bộ Khoa học và Công nghệ', sector: 'state' },
        { name: 'Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)', sector: 'enterprise', groups: ENG },
        { name: 'Công ty TNHH Phần mềm FPT', sector: 'enterprise', groups: ENG },
        { name: 'Ngân hàng TMCP Ngoại thương Việt Nam', sector: 'enterprise', groups: ['5'] },
        { name: 'Trung tâm Con người và Thiên nhiên (PanNature)', sector: 'ngo', groups: ['1', '4'] },
      ],
    },
    30,
  ],
  [
    {
      country: 'VN',
      city: 'TP. Hồ Chí Minh',
      employers: [
        { name: 'Đại học Quốc gia TP. Hồ Chí Minh', sector: 'university' },
        { name: 'Trường Đại học Bách khoa - ĐHQG TP. Hồ Chí Minh', sector: 'university', groups: ENG },
        { name: 'Đại học Kinh tế TP. Hồ Chí Minh', sector: 'university', groups: ['5'] },
        { name: 'Đại học Y Dược TP. Hồ Chí Minh', sector: 'university', groups: MED },
        { name: 'Bệnh viện Chợ Rẫy', sector: 'state', groups: MED },
        { name: 'Viện Pasteur TP. Hồ Chí Minh', sector: 'research_institute', groups: MED },
        { name: 'Công ty TNHH Intel Products Việt Nam', sector: 'fdi', groups: ENG },
        { name: 'Công ty TNHH Điện tử Samsung HCMC CE Complex', sector: 'fdi', groups: ENG },
        { name: 'Công ty Cổ phần Sữa Việt Nam (Vinamilk)', sector: 'enterprise', groups: ['2', '4', '5'] },
        { name: 'Sở Khoa học và Công nghệ TP. Hồ Chí Minh', sector: 'state' },
      ],
    },
    30,
  ],
  [
    {
      country: 'VN',
      city: 'Đà Nẵng',
      employers: [
        { name: 'Đại học Đà Nẵng', sector: 'university' },
        { name: 'Trường Đại học Bách khoa - Đại học Đà Nẵng', sector: 'university', groups: ENG },
        { name: 'Trường Đại học Kinh tế - Đại học Đà Nẵng', sector: 'university', groups: ['5'] },
        { name: 'Bệnh viện Đà Nẵng', sector: 'state', groups: MED },
        { name: 'Công ty TNHH Phần mềm FPT (chi nhánh Đà Nẵng)', sector: 'enterprise', groups: ENG },
        { name: 'Công ty TNHH Mabuchi Motor Đà Nẵng', sector: 'fdi', groups: ['2'] },
        { name: 'Sở Khoa học và Công nghệ thành phố Đà Nẵng', sector: 'state' },
      ],
    },
    20,
  ],
  [
    {
      country: 'VN',
      city: 'Huế',
      employers: [
        { name: 'Đại học Huế', sector: 'university' },
        { name: 'Trường Đại học Y - Dược, Đại học Huế', sector: 'university', groups: MED },
        { name: 'Bệnh viện Trung ương Huế', sector: 'state', groups: MED },
      ],
    },
    6,
  ],
  [
    {
      country: 'VN',
      city: 'Quy Nhơn',
      employers: [
        { name: 'Trường Đại học Quy Nhơn', sector: 'university' },
        {
          name: 'Trung tâm Quốc tế Khoa học và Giáo dục liên ngành (ICISE)',
          sector: 'research_institute',
          groups: ['1'],
        },
      ],
    },
    5,
  ],
  [
    {
      country: 'VN',
      city: 'Nha Trang',
      employers: [
        { name: 'Trường Đại học Nha Trang', sector: 'university', groups: ['2', '4', '5'] },
        { name: 'Viện Hải dương học', sector: 'research_institute', groups: ['1', '4'] },
        { name: 'Viện Pasteur Nha Trang', sector: 'research_institute', groups: MED },
      ],
    },
    4,
  ],
  [
    {
      country: 'VN',
      city: 'Cần Thơ',
      employers: [
        { name: 'Trường Đại học Cần Thơ', sector: 'university' },
        { name: 'Viện Lúa đồng bằng sông Cửu Long', sector: 'research_institute', groups: AGRI },
        { name: 'Bệnh viện Đa khoa Trung ương Cần Thơ', sector: 'state', groups: MED },
      ],
    },
    4,
  ],
  [
    {
      country: 'VN',
      city: 'Hải Phòng',
      employers: [
        { name: 'Trường Đại học Hàng hải Việt Nam', sector: 'university', groups: ['2', '5'] },
        { name: 'Công ty TNHH LG Electronics Việt Nam Hải Phòng', sector: 'fdi', groups: ENG },
      ],
    },
    4,
  ],
  [
    {
      country: 'VN',
      city: 'Buôn Ma Thuột',
      employers: [
        { name: 'Trường Đại học Tây Nguyên', sector: 'university' },
        {
          name: 'Viện Khoa học Kỹ thuật Nông Lâm nghiệp Tây Nguyên',
          sector: 'research_institute',
          groups: AGRI,
        },
      ],
    },
    3,
  ],
]);

const overseasPlaces = weighted<Place>([
  [
    {
      country: 'JP',
      city: 'Tokyo',
      countryVi: 'Nhật Bản',
      language: 'ja',
      employers: [
        { name: 'The University of Tokyo', sector: 'university' },
        { name: 'RIKEN', sector: 'research_institute', groups: ['1', '2', '3'] },
        { name: 'Hitachi, Ltd.', sector: 'enterprise', groups: ENG },
      ],
    },
    9,
  ],
  [
    {
      country: 'JP',
      city: 'Osaka',
      countryVi: 'Nhật Bản',
      language: 'ja',
      employers: [
        { name: 'Osaka University', sector: 'university' },
        { name: 'Panasonic Holdings Corporation', sector: 'enterprise', groups: ENG },
      ],
    },
    5,
  ],
  [
    {
      country: 'JP',
      city: 'Nagoya',
      countryVi: 'Nhật Bản',
      language: 'ja',
      employers: [
        { name: 'Nagoya University', sector: 'university' },
        { name: 'Nagoya University Hospital', sector: 'university', groups: MED },
      ],
    },
    3,
  ],
  [
    {
      country: 'JP',
      city: 'Fukuoka',
      countryVi: 'Nhật Bản',
      language: 'ja',
      employers: [{ name: 'Kyushu University', sector: 'university' }],
    },
    3,
  ],
  [
    {
      country: 'JP',
      city: 'Kyoto',
      countryVi: 'Nhật Bản',
      language: 'ja',
      employers: [{ name: 'Kyoto University', sector: 'university' }],
    },
    2,
  ],
  [
    {
      country: 'KR',
      city: 'Seoul',
      countryVi: 'Hàn Quốc',
      language: 'ko',
      employers: [
        { name: 'Seoul National University', sector: 'university' },
        {
          name: 'Korea Institute of Science and Technology (KIST)',
          sector: 'research_institute',
          groups: ENG,
        },
        { name: 'Seoul National University Hospital', sector: 'university', groups: MED },
      ],
    },
    5,
  ],
  [
    {
      country: 'KR',
      city: 'Daejeon',
      countryVi: 'Hàn Quốc',
      language: 'ko',
      employers: [
        { name: 'KAIST', sector: 'university', groups: ['1', '2', '5'] },
        { name: 'Korea Atomic Energy Research Institute', sector: 'research_institute', groups: ENG },
      ],
    },
    3,
  ],
  [
    {
      country: 'KR',
      city: 'Suwon',
      countryVi: 'Hàn Quốc',
      language: 'ko',
      employers: [{ name: 'Samsung Electronics', sector: 'enterprise', groups: ENG }],
    },
    2,
  ],
  [
    {
      country: 'KR',
      city: 'Ulsan',
      countryVi: 'Hàn Quốc',
      language: 'ko',
      employers: [
        { name: 'HD Hyundai Heavy Industries', sector: 'enterprise', groups: ['2'] },
        { name: 'Ulsan National Institute of Science and Technology (UNIST)', sector: 'university' },
      ],
    },
    2,
  ],
  [
    {
      country: 'US',
      city: 'Boston',
      countryVi: 'Hoa Kỳ',
      englishSpeaking: true,
      employers: [
        { name: 'Harvard Medical School', sector: 'university', groups: MED },
        { name: 'Massachusetts General Hospital', sector: 'other', groups: MED },
        { name: 'Boston University', sector: 'university' },
      ],
    },
    3,
  ],
  [
    {
      country: 'US',
      city: 'Cambridge',
      countryVi: 'Hoa Kỳ',
      englishSpeaking: true,
      employers: [{ name: 'Massachusetts Institute of Technology', sector: 'university' }],
    },
    2,
  ],
  [
    {
      country: 'US',
      city: 'Houston',
      countryVi: 'Hoa Kỳ',
      englishSpeaking: true,
      employers: [
        { name: 'Rice University', sector: 'university' },
        { name: 'The University of Texas MD Anderson Cancer Center', sector: 'university', groups: MED },
      ],
    },
    3,
  ],
  [
    {
      country: 'US',
      city: 'Seattle',
      countryVi: 'Hoa Kỳ',
      englishSpeaking: true,
      employers: [
        { name: 'University of Washington', sector: 'university' },
        { name: 'Amazon', sector: 'enterprise', groups: ['1', '2', '5'] },
      ],
    },
    3,
  ],
  [
    {
      country: 'US',
      city: 'Santa Clara',
      countryVi: 'Hoa Kỳ',
      englishSpeaking: true,
      employers: [
        { name: 'Intel Corporation', sector: 'enterprise', groups: ENG },
        { name: 'NVIDIA', sector: 'enterprise', groups: ENG },
      ],
    },
    2,
  ],
  [
    {
      country: 'US',
      city: 'Los Angeles',
      countryVi: 'Hoa Kỳ',
      englishSpeaking: true,
      employers: [{ name: 'University of California, Los Angeles', sector: 'university' }],
    },
    2,
  ],
  [
    {
      country: 'AU',
      city: 'Sydney',
      countryVi: 'Úc',
      englishSpeaking: true,
      employers: [
        { name: 'UNSW Sydney', sector: 'university' },
        { name: 'The University of Sydney', sector: 'university' },
      ],
    },
    4,
  ],
  [
    {
      country: 'AU',
      city: 'Melbourne',
      countryVi: 'Úc',
      englishSpeaking: true,
      employers: [
        { name: 'The University of Melbourne', sector: 'university' },
        { name: 'Monash University', sector: 'university' },
      ],
    },
    3,
  ],
  [
    {
      country: 'AU',
      city: 'Brisbane',
      countryVi: 'Úc',
      englishSpeaking: true,
      employers: [{ name: 'The University of Queensland', sector: 'university' }],
    },
    2,
  ],
  [
    {
      country: 'AU',
      city: 'Canberra',
      countryVi: 'Úc',
      englishSpeaking: true,
      employers: [
        { name: 'Australian National University', sector: 'university' },
        { name: 'CSIRO', sector: 'research_institute', groups: ['1', '2', '4'] },
      ],
    },
    1,
  ],
  [
    {
      country: 'DE',
      city: 'Munich',
      countryVi: 'Đức',
      language: 'de',
      employers: [
        { name: 'Technical University of Munich', sector: 'university' },
        { name: 'Siemens AG', sector: 'enterprise', groups: ENG },
      ],
    },
    3,
  ],
  [
    {
      country: 'DE',
      city: 'Berlin',
      countryVi: 'Đức',
      language: 'de',
      employers: [
        { name: 'Technische Universität Berlin', sector: 'university' },
        { name: 'Charité – Universitätsmedizin Berlin', sector: 'university', groups: MED },
      ],
    },
    2,
  ],
  [
    {
      country: 'DE',
      city: 'Aachen',
      countryVi: 'Đức',
      language: 'de',
      employers: [{ name: 'RWTH Aachen University', sector: 'university' }],
    },
    2,
  ],
  [
    {
      country: 'DE',
      city: 'Stuttgart',
      countryVi: 'Đức',
      language: 'de',
      employers: [
        { name: 'University of Stuttgart', sector: 'university' },
        { name: 'Robert Bosch GmbH', sector: 'enterprise', groups: ENG },
      ],
    },
    1,
  ],
  [
    {
      country: 'FR',
      city: 'Paris',
      countryVi: 'Pháp',
      language: 'fr',
      employers: [
        { name: 'Sorbonne Université', sector: 'university' },
        { name: 'Institut Pasteur', sector: 'research_institute', groups: ['1', '3'] },
        { name: 'CNRS', sector: 'research_institute' },
      ],
    },
    4,
  ],
  [
    {
      country: 'FR',
      city: 'Toulouse',
      countryVi: 'Pháp',
      language: 'fr',
      employers: [
        { name: 'Université de Toulouse', sector: 'university' },
        { name: 'Airbus', sector: 'enterprise', groups: ENG },
      ],
    },
    2,
  ],
  [
    {
      country: 'FR',
      city: 'Grenoble',
      countryVi: 'Pháp',
      language: 'fr',
      employers: [
        { name: 'Université Grenoble Alpes', sector: 'university' },
        { name: 'CEA-Leti', sector: 'research_institute', groups: ENG },
      ],
    },
    1,
  ],
  [
    {
      country: 'SG',
      city: 'Singapore',
      countryVi: 'Singapore',
      englishSpeaking: true,
      employers: [
        { name: 'National University of Singapore', sector: 'university' },
        { name: 'Nanyang Technological University', sector: 'university' },
        { name: 'Agency for Science, Technology and Research (A*STAR)', sector: 'research_institute' },
        { name: 'Singapore General Hospital', sector: 'other', groups: MED },
        { name: 'Sea Limited', sector: 'enterprise', groups: ['1', '5'] },
      ],
    },
    8,
  ],
  [
    {
      country: 'TW',
      city: 'Taipei',
      countryVi: 'Đài Loan (Trung Quốc)',
      language: 'zh',
      employers: [
        { name: 'National Taiwan University', sector: 'university' },
        { name: 'Academia Sinica', sector: 'research_institute' },
      ],
    },
    3,
  ],
  [
    {
      country: 'TW',
      city: 'Hsinchu',
      countryVi: 'Đài Loan (Trung Quốc)',
      language: 'zh',
      employers: [
        { name: 'Taiwan Semiconductor Manufacturing Company (TSMC)', sector: 'enterprise', groups: ENG },
        { name: 'National Tsing Hua University', sector: 'university' },
      ],
    },
    2,
  ],
  [
    {
      country: 'TW',
      city: 'Tainan',
      countryVi: 'Đài Loan (Trung Quốc)',
      language: 'zh',
      employers: [{ name: 'National Cheng Kung University', sector: 'university' }],
    },
    2,
  ],
  [
    {
      country: 'CA',
      city: 'Toronto',
      countryVi: 'Canada',
      englishSpeaking: true,
      employers: [{ name: 'University of Toronto', sector: 'university' }],
    },
    2,
  ],
  [
    {
      country: 'CA',
      city: 'Vancouver',
      countryVi: 'Canada',
      englishSpeaking: true,
      employers: [{ name: 'The University of British Columbia', sector: 'university' }],
    },
    2,
  ],
  [
    {
      country: 'CA',
      city: 'Montreal',
      countryVi: 'Canada',
      englishSpeaking: true,
      language: 'fr',
      employers: [{ name: 'McGill University', sector: 'university' }],
    },
    1,
  ],
  [
    {
      country: 'CA',
      city: 'Waterloo',
      countryVi: 'Canada',
      englishSpeaking: true,
      employers: [{ name: 'University of Waterloo', sector: 'university', groups: ['1', '2', '5'] }],
    },
    1,
  ],
  [
    {
      country: 'GB',
      city: 'London',
      countryVi: 'Vương quốc Anh',
      englishSpeaking: true,
      employers: [
        { name: 'Imperial College London', sector: 'university' },
        { name: 'University College London', sector: 'university' },
      ],
    },
    2,
  ],
  [
    {
      country: 'GB',
      city: 'Cambridge',
      countryVi: 'Vương quốc Anh',
      englishSpeaking: true,
      employers: [{ name: 'University of Cambridge', sector: 'university' }],
    },
    1,
  ],
  [
    {
      country: 'GB',
      city: 'Manchester',
      countryVi: 'Vương quốc Anh',
      englishSpeaking: true,
      employers: [{ name: 'The University of Manchester', sector: 'university' }],
    },
    1,
  ],
  [
    {
      country: 'GB',
      city: 'Edinburgh',
      countryVi: 'Vương quốc Anh',
      englishSpeaking: true,
      employers: [{ name: 'The University of Edinburgh', sector: 'university' }],
    },
    1,
  ],
]);

/** Employers in the province besides its agencies, by province id (with the town they are in). */
const localEmployers: Record<string, readonly (Employer & { city: string })[]> = {
  'quang-ngai': [
    { name: 'Công ty Cổ phần Lọc hóa dầu Bình Sơn', sector: 'enterprise', groups: ENG, city: 'Bình Sơn' },
    {
      name: 'Công ty Cổ phần Thép Hòa Phát Dung Quất',
      sector: 'enterprise',
      groups: ['2'],
      city: 'Bình Sơn',
    },
    { name: 'Công ty TNHH Doosan Enerbility Việt Nam', sector: 'fdi', groups: ['2'], city: 'Bình Sơn' },
    {
      name: 'Công ty Cổ phần Đường Quảng Ngãi',
      sector: 'enterprise',
      groups: ['2', '4', '5'],
      city: 'Quảng Ngãi',
    },
    { name: 'Trường THPT chuyên Lê Khiết', sector: 'state', groups: ['1', '5', '6'], city: 'Quảng Ngãi' },
  ],
  'kon-tum': [
    { name: 'Công ty Cổ phần Cao su Kon Tum', sector: 'enterprise', groups: ['4', '5'], city: 'Kon Tum' },
    {
      name: 'Trường THPT chuyên Nguyễn Tất Thành',
      sector: 'state',
      groups: ['1', '5', '6'],
      city: 'Kon Tum',
    },
  ],
  'son-la': [
    {
      name: 'Công ty Cổ phần Giống bò sữa Mộc Châu',
      sector: 'enterprise',
      groups: ['2', '4'],
      city: 'Mộc Châu',
    },
    { name: 'Công ty Thủy điện Sơn La', sector: 'enterprise', groups: ['2'], city: 'Mường La' },
    { name: 'Trường THPT chuyên Sơn La', sector: 'state', groups: ['1', '5', '6'], city: 'Sơn La' },
  ],
};

/** The province's own agencies as employers; their offices are in the provincial city. */
function agencyEmployers(province: ProvinceConfig): (Employer & { city: string })[] {
  return province.agencies.map((agency) => {
    const id = agency.id;
    let groups: string[] | undefined;
    if (agency.kind === 'hospital' || id.includes('y-te')) groups = MED;
    else if (id.includes('giao-duc')) groups = ['1', '5', '6'];
    else if (id.includes('nong-nghiep')) groups = ['1', '2', '4'];
    else if (id.includes('noi-vu') || id.includes('van-hoa')) groups = SOC;
    else if (agency.kind === 'management_board') groups = ['2', '5'];
    const sector: Sector = agency.kind === 'university' || agency.kind === 'school' ? 'university' : 'state';
    return { name: agency.vi, sector, groups, city: province.name.vi };
  });
}

const sectorPreference: Record<Degree, Record<Sector, number>> = {
  doctorate: {
    university: 6,
    research_institute: 4,
    state: 2,
    enterprise: 1.5,
    fdi: 1,
    ngo: 0.5,
    self_employed: 0,
    other: 1,
  },
  master: {
    university: 3,
    research_institute: 1.5,
    state: 4,
    enterprise: 3,
    fdi: 2,
    ngo: 0.5,
    self_employed: 0,
    other: 1,
  },
  bachelor: {
    university: 1,
    research_institute: 0.5,
    state: 4,
    enterprise: 5,
    fdi: 4,
    ngo: 0.5,
    self_employed: 0,
    other: 1,
  },
};

const fitsGroup = (e: Employer, group: string): boolean => !e.groups || e.groups.includes(group);

function chooseEmployer<E extends Employer>(
  rng: Rng,
  employers: readonly E[],
  group: string,
  degree: Degree,
): E {
  const prefs = sectorPreference[degree];
  let total = 0;
  for (const e of employers) if (fitsGroup(e, group)) total += prefs[e.sector];
  // No employer of the field's groups (or none with a preferred sector): any employer will do.
  const anyFits = total > 0;
  if (!anyFits) for (const e of employers) total += prefs[e.sector];
  if (total <= 0) return pick(rng, employers);
  let r = rng() * total;
  for (const e of employers) {
    if (anyFits && !fitsGroup(e, group)) continue;
    r -= prefs[e.sector];
    if (r < 0) return e;
  }
  return employers[employers.length - 1];
}

// ---------------------------------------------------------------------------------------------
// Profile parts

const degreeOf = weighted<Degree>([
  ['bachelor', 45],
  ['master', 40],
  ['doctorate', 15],
]);
const locationKindOf = weighted<LocationKind>([
  ['in_province', 50],
  ['in_country', 30],
  ['overseas', 20],
]);

/** Age range by degree, and the age at which a career typically starts. */
const ageRange: Record<Degree, readonly [number, number, number]> = {
  bachelor: [22, 60, 22],
  master: [25, 64, 23],
  doctorate: [29, 70, 26],
};

const phonePrefixes = ['90', '91', '93', '94', '96', '97', '98', '86', '88', '35', '36', '77', '70'];

const levelsAbroad = weighted<LanguageLevel>([
  ['B2', 3],
  ['C1', 5],
  ['C2', 2],
]);
const levelsEnglishSpeaking = weighted<LanguageLevel>([
  ['C1', 6],
  ['C2', 4],
]);
const levelsLocalLanguage = weighted<LanguageLevel>([
  ['B1', 2],
  ['B2', 4],
  ['C1', 3],
  ['C2', 1],
]);
const levelsEnglishAtHome: Record<Degree, (rng: Rng) => LanguageLevel> = {
  bachelor: weighted([
    ['A2', 3],
    ['B1', 5],
    ['B2', 3],
    ['C1', 1],
  ]),
  master: weighted([
    ['B1', 4],
    ['B2', 5],
    ['C1', 2],
  ]),
  doctorate: weighted([
    ['B2', 4],
    ['C1', 5],
    ['C2', 1],
  ]),
};
const secondLanguageAtHome = weighted([
  ['ja', 4],
  ['ko', 3],
  ['fr', 2],
  ['zh', 2],
  ['de', 1],
]);
const levelsSecondLanguage = weighted<LanguageLevel>([
  ['A2', 2],
  ['B1', 4],
  ['B2', 3],
  ['C1', 1],
]);

function drawLanguages(
  rng: Rng,
  kind: LocationKind,
  place: Place | undefined,
  degree: Degree,
  birthYear: number,
): { code: string; level: LanguageLevel }[] {
  const languages: { code: string; level: LanguageLevel }[] = [];
  if (kind === 'overseas' && place) {
    languages.push({
      code: 'en',
      level: place.englishSpeaking ? levelsEnglishSpeaking(rng) : levelsAbroad(rng),
    });
    if (place.language) languages.push({ code: place.language, level: levelsLocalLanguage(rng) });
    else if (place.country === 'SG' && rng() < 0.25)
      languages.push({ code: 'zh', level: levelsSecondLanguage(rng) });
    return languages;
  }
  if (rng() < 0.9) languages.push({ code: 'en', level: levelsEnglishAtHome[degree](rng) });
  if (degree === 'doctorate' && birthYear < 1968 && rng() < 0.5) {
    languages.push({ code: 'ru', level: levelsLocalLanguage(rng) });
  } else if (rng() < 0.15) {
    languages.push({ code: secondLanguageAtHome(rng), level: levelsSecondLanguage(rng) });
  }
  return languages;
}

const engagementPools: Record<LocationKind, (rng: Rng) => EngagementMode> = {
  overseas: weighted<EngagementMode>([
    ['remote_advisory', 5],
    ['short_visit', 4],
    ['project_based', 3],
    ['relocate', 1],
    ['part_time', 1],
  ]),
  in_country: weighted<EngagementMode>([
    ['remote_advisory', 3],
    ['project_based', 3],
    ['short_visit', 2],
    ['part_time', 2],
    ['relocate', 2],
    ['full_time', 1],
  ]),
  in_province: weighted<EngagementMode>([
    ['full_time', 3],
    ['part_time', 3],
    ['project_based', 3],
    ['remote_advisory', 1],
    ['short_visit', 1],
  ]),
};
const engagementCount = weighted([
  [1, 40],
  [2, 40],
  [3, 20],
]);

function drawEngagement(rng: Rng, kind: LocationKind): EngagementMode[] {
  const count = engagementCount(rng);
  const modes: EngagementMode[] = [];
  for (let attempt = 0; modes.length < count && attempt < 20; attempt++) {
    const mode = engagementPools[kind](rng);
    if (!modes.includes(mode)) modes.push(mode);
  }
  return modes;
}

function degreeLabel(degree: Degree, title: Registration['academicTitle'], code: string): string {
  if (degree === 'doctorate') {
    if (title === 'professor') return 'Giáo sư, Tiến sĩ';
    if (title === 'associate_professor') return 'Phó Giáo sư, Tiến sĩ';
    return 'Tiến sĩ';
  }
  if (degree === 'master') return 'Thạc sĩ';
  if (code === '3.2' || code === '3.1') return 'Bác sĩ';
  if (code === '3.5') return 'Dược sĩ';
  if (code.startsWith('2.') || code === '4.4') return 'Kỹ sư';
  return 'Cử nhân';
}

const loweredCache = new Map<string, string>();
/** "Thiết kế máy" → "thiết kế máy", for use inside a sentence. */
function lowerFirst(text: string): string {
  let lowered = loweredCache.get(text);
  if (lowered === undefined) {
    lowered = text.charAt(0).toLowerCase() + text.slice(1);
    loweredCache.set(text, lowered);
  }
  return lowered;
}

const closingNative = [
  'Mong muốn kết nối và đóng góp cho quê hương {province}.',
  'Sẵn sàng tham gia các nhiệm vụ tư vấn, nghiên cứu do tỉnh {province} đặt hàng.',
  'Quan tâm đến các chương trình thu hút trí thức về quê hương {province}.',
];
const closingOther = [
  'Quan tâm đến cơ hội hợp tác với tỉnh {province}.',
  'Sẵn sàng chia sẻ kinh nghiệm chuyên môn với các cơ quan, doanh nghiệp của tỉnh {province}.',
];

/** What every profile of one call shares, prepared once. */
interface Context {
  province: ProvinceConfig;
  domain: string;
  inProvinceEmployers: readonly (Employer & { city: string })[];
  closingNative: readonly string[];
  closingOther: readonly string[];
}

function drawBio(
  rng: Rng,
  ctx: Context,
  label: string,
  specialization: string,
  years: number,
  /** Absent for the self-employed. */
  employer: string | undefined,
  where: string,
  native: boolean,
): string {
  const experience = years === 0 ? 'mới tốt nghiệp' : `${years} năm kinh nghiệm`;
  const closing = pick(rng, native ? ctx.closingNative : ctx.closingOther);
  const work =
    employer === undefined ? `hiện tư vấn độc lập (${where})` : `hiện làm việc tại ${employer} (${where})`;
  return `${label} chuyên ngành ${lowerFirst(specialization)}, ${experience}, ${work}. ${closing}`;
}

// ---------------------------------------------------------------------------------------------
// Profiles

function emailFor(given: string, family: string, index: number, domain: string): string {
  return `${fold(given)}.${fold(family)}.${String(index).padStart(6, '0')}@${domain}`;
}

/** Profile 0: the example of the API docs and demos ("nguyen van an" finds it). */
function exampleProfile(province: ProvinceConfig, domain: string): Registration {
  const hometown = province.hometowns.includes('Bình Sơn') ? 'Bình Sơn' : province.hometowns[0];
  return {
    fullName: 'Nguyễn Văn An',
    email: emailFor('An', 'Nguyễn', 0, domain),
    phone: '+84905123456',
    birthYear: 1985,
    gender: 'male',
    highestDegree: 'doctorate',
    academicTitle: 'none',
    fields: [{ code: '2.3', specialization: 'Thiết kế máy' }],
    location: { kind: 'overseas', country: 'JP', city: 'Osaka' },
    nativeOfProvince: true,
    hometown,
    employer: { name: 'Osaka University', sector: 'university' },
    yearsExperience: 12,
    languages: [
      { code: 'en', level: 'C1' },
      { code: 'ja', level: 'B2' },
    ],
    publications: 25,
    patents: 1,
    engagement: ['remote_advisory', 'short_visit'],
    bio: `Tiến sĩ chuyên ngành thiết kế máy, 12 năm kinh nghiệm, hiện làm việc tại Osaka University (Osaka, Nhật Bản). Mong muốn kết nối và đóng góp cho quê hương ${province.name.vi}.`,
    consent: {
      registry: true,
      shareWithAgencies: true,
      collaborationCalls: true,
      publicDirectory: true,
      textVersion: consentText.version,
    },
  };
}

function generateOne(rng: Rng, index: number, ctx: Context): Registration {
  const { province, domain } = ctx;
  const gender = genderOf(rng);
  const asMale = gender === 'male' || (gender !== 'female' && rng() < 0.5);
  const family = familyName(rng);
  const middle = pick(rng, asMale ? maleMiddle : femaleMiddle);
  const given = pick(rng, asMale ? maleGiven : femaleGiven);

  const degree = degreeOf(rng);
  const [minAge, maxAge, careerStart] = ageRange[degree];
  // Triangular-ish: most people in the middle of the range.
  const age = minAge + Math.floor(((rng() + rng()) / 2) * (maxAge - minAge + 1));
  const birthYear = REFERENCE_YEAR - age;
  const career = Math.max(0, age - careerStart);
  const yearsExperience = Math.min(45, Math.max(0, Math.round(career * (0.75 + rng() * 0.25))));

  let academicTitle: Registration['academicTitle'] = 'none';
  if (degree === 'doctorate') {
    const r = rng();
    if (age >= 50 && r < 0.04) academicTitle = 'professor';
    else if (age >= 38 && r < 0.16) academicTitle = 'associate_professor';
  }

  const fields = drawFields(rng);
  const group = groupOfCode.get(fields[0].code) ?? '';

  const kind = locationKindOf(rng);
  const selfEmployed = degree !== 'doctorate' && rng() < 0.03;
  let location: Registration['location'];
  let employer: Employer;
  let where: string;
  let place: Place | undefined;
  if (kind === 'in_province') {
    const local = chooseEmployer(rng, ctx.inProvinceEmployers, group, degree);
    employer = local;
    location = { kind, country: 'VN', city: local.city };
    where =
      local.city === province.name.vi ? `thành phố ${local.city}` : `${local.city}, ${province.name.vi}`;
  } else {
    place = kind === 'overseas' ? overseasPlaces(rng) : domesticPlaces(rng);
    employer = chooseEmployer(rng, place.employers, group, degree);
    location = { kind, country: place.country, city: place.city };
    where = place.countryVi ? `${place.city}, ${place.countryVi}` : place.city;
  }
  if (selfEmployed) {
    employer = {
      name: kind === 'overseas' ? 'Independent consultant' : 'Tư vấn độc lập',
      sector: 'self_employed',
    };
  }

  const nativeOfProvince = kind === 'overseas' || rng() < (kind === 'in_province' ? 0.85 : 0.75);

  let publications: number;
  let patents: number;
  if (degree === 'doctorate') {
    publications = 3 + Math.floor(rng() * rng() * 60) + (academicTitle === 'none' ? 0 : int(rng, 15, 60));
    patents = rng() < (group === '2' ? 0.35 : 0.15) ? int(rng, 1, 6) : 0;
  } else if (degree === 'master') {
    publications = Math.floor(rng() * rng() * 12);
    patents = rng() < 0.05 ? int(rng, 1, 2) : 0;
  } else {
    publications = rng() < 0.2 ? int(rng, 1, 3) : 0;
    patents = rng() < 0.02 ? 1 : 0;
  }

  const shareWithAgencies = rng() < 0.85;
  const collaborationCalls = rng() < 0.7;
  const publicDirectory = rng() < 0.3;

  const profile: Registration = {
    fullName: `${family} ${middle} ${given}`,
    email: emailFor(given, family, index, domain),
    phone: `+84${pick(rng, phonePrefixes)}${String(Math.floor(rng() * 10_000_000)).padStart(7, '0')}`,
    birthYear,
    gender,
    highestDegree: degree,
    academicTitle,
    fields,
    location,
    nativeOfProvince,
    employer: { name: employer.name, sector: employer.sector },
    yearsExperience,
    languages: drawLanguages(rng, kind, place, degree, birthYear),
    publications,
    patents,
    engagement: drawEngagement(rng, kind),
    bio: drawBio(
      rng,
      ctx,
      degreeLabel(degree, academicTitle, fields[0].code),
      fields[0].specialization,
      yearsExperience,
      employer.sector === 'self_employed' ? undefined : employer.name,
      where,
      nativeOfProvince,
    ),
    consent: {
      registry: true,
      shareWithAgencies,
      collaborationCalls,
      publicDirectory,
      textVersion: consentText.version,
    },
  };
  if (nativeOfProvince) profile.hometown = pick(rng, province.hometowns);
  return profile;
}

/**
 * `count` demo registrations, each valid for `registrationSchema`. Profile i (counting from
 * `startIndex`) depends only on the seed, the province and i.
 */
export function generateProfiles(count: number, options: GenerateProfilesOptions = {}): Registration[] {
  const seed = options.seed ?? 2030;
  const domain = options.emailDomain ?? 'example.vn';
  const startIndex = options.startIndex ?? 0;
  const province = options.province ?? quangNgai;
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`count must be a non-negative integer, not ${count}`);
  }
  if (!Number.isInteger(startIndex) || startIndex < 0) {
    throw new Error(`startIndex must be a non-negative integer, not ${startIndex}`);
  }
  if (province.hometowns.length === 0) throw new Error(`Province "${province.id}" has no hometowns`);

  const withProvince = (text: string): string => text.replace('{province}', province.name.vi);
  const ctx: Context = {
    province,
    domain,
    inProvinceEmployers: [...agencyEmployers(province), ...(localEmployers[province.id] ?? [])],
    closingNative: closingNative.map(withProvince),
    closingOther: closingOther.map(withProvince),
  };
  const random = createRng();
  const profiles: Registration[] = [];
  for (let index = startIndex; index < startIndex + count; index++) {
    if (index === 0) {
      profiles.push(exampleProfile(province, domain));
      continue;
    }
    random.reseed(profileSeed(seed, index));
    profiles.push(generateOne(random.next, index, ctx));
  }
  return profiles;
}
