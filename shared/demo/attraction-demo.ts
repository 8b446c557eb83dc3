/**
 * DEMO DATA for `npm start`: a few attraction policies and demands that look like a province's
 * (Quảng Ngãi's zones and agencies), written through the services so they obey the same rules
 * as real ones. The legal basis says, in both languages, that these are samples: no resolution
 * named here grants anything.
 */
import { createDemand } from '../app/demands.ts';
import { createPolicy } from '../app/policies.ts';
import type { DemandInput } from '../domain/demand.ts';
import type { PolicyInput } from '../domain/policy.ts';
import { getProvince } from '../domain/provinces/index.ts';

const sampleBasis = 'Nghị quyết mẫu (dữ liệu minh họa) / Sample resolution (demo data)';

const demoPolicies: PolicyInput[] = [
  {
    code: 'DEMO-TIEN-SI',
    title: 'Hỗ trợ một lần khi thu hút tiến sĩ / One-time allowance for attracted doctorates',
    legalBasis: sampleBasis,
    benefits: [
      {
        kind: 'one_time_allowance',
        amountVnd: 300_000_000,
        description: 'Chi một lần khi nhận công tác / Paid once on taking up the post',
      },
    ],
    eligibility: { minDegree: 'doctorate' },
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
  },
  {
    code: 'DEMO-NHA-O-DUNG-QUAT',
    title: 'Hỗ trợ nhà ở tại Khu kinh tế Dung Quất / Housing support in the Dung Quat Economic Zone',
    legalBasis: sampleBasis,
    benefits: [
      {
        kind: 'housing',
        amountVnd: 72_000_000,
        description: 'Hỗ trợ thuê nhà năm đầu / First-year rent support',
      },
      { kind: 'relocation', amountVnd: 20_000_000, description: 'Chi phí chuyển đến / Moving costs' },
    ],
    eligibility: { minDegree: 'master', zones: ['dung-quat-ez'] },
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
  },
  {
    code: 'DEMO-MIEN-NUI',
    title: 'Phụ cấp hằng tháng khi công tác tại miền núi / Monthly allowance for mountainous areas',
    legalBasis: sampleBasis,
    benefits: [
      {
        kind: 'monthly_allowance',
        amountVnd: 5_000_000,
        description: 'Trong 5 năm đầu / For the first five years',
      },
    ],
    eligibility: { minDegree: 'bachelor', zones: ['mountainous-areas'] },
    validFrom: '2026-01-01',
    validTo: null,
  },
  {
    code: 'DEMO-KIEU-BAO-NCKH',
    title:
      'Kinh phí nghiên cứu cho trí thức người địa phương ở nước ngoài / Research grant for natives abroad',
    legalBasis: sampleBasis,
    benefits: [
      {
        kind: 'research_grant',
        amountVnd: 500_000_000,
        description: 'Cho một đề tài do tỉnh đặt hàng / For one task ordered by the province',
      },
    ],
    eligibility: { minDegree: 'doctorate', nativesOnly: true },
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
  },
];

const inMonths = (now: Date, months: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 28)).toISOString().slice(0, 10);

function demoDemands(now: Date, policyIds: Map<string, string>): { agency: string; input: DemandInput }[] {
  const ids = (...codes: string[]) => codes.flatMap((c) => policyIds.get(c) ?? []);
  return [
    {
      agency: 'bql-kkt-dung-quat',
      input: {
        title:
          'Tiến sĩ kỹ thuật cơ khí cho nhà máy lọc dầu và cơ khí nặng / Mechanical engineering doctorate',
        description:
          'Dữ liệu minh họa. Chuyên gia thiết kế, bảo trì thiết bị cơ khí cho các dự án tại Khu kinh tế Dung Quất. / Demo data.',
        fieldCodes: ['2.3'],
        minDegree: 'doctorate',
        minYearsExperience: 5,
        languages: [{ code: 'en', minLevel: 'B2' }],
        zone: 'dung-quat-ez',
        engagement: 'full_time',
        headcount: 2,
        priority: 'high',
        policyIds: ids('DEMO-TIEN-SI', 'DEMO-NHA-O-DUNG-QUAT'),
        openUntil: inMonths(now, 6),
        status: 'open',
      },
    },
    {
      agency: 'so-nong-nghiep-moi-truong',
      input: {
        title: 'Kỹ sư nông nghiệp cho các huyện miền núi / Agriculture graduates for mountainous districts',
        description: 'Dữ liệu minh họa. Hướng dẫn trồng dược liệu, cây ăn quả. / Demo data.',
        fieldCodes: ['4.1', '4.4'],
        minDegree: 'bachelor',
        minYearsExperience: 0,
        zone: 'mountainous-areas',
        engagement: 'relocate',
        headcount: 5,
        priority: 'critical',
        policyIds: ids('DEMO-MIEN-NUI'),
        openUntil: inMonths(now, 4),
        status: 'open',
      },
    },
    {
      agency: 'benh-vien-da-khoa-tinh',
      input: {
        title: 'Thạc sĩ, bác sĩ y học lâm sàng / Clinical medicine, master or higher',
        description: 'Dữ liệu minh họa. Tim mạch, hồi sức cấp cứu. / Demo data.',
        fieldCodes: ['3.2'],
        minDegree: 'master',
        minYearsExperience: 3,
        zone: 'provincial-centre',
        engagement: 'full_time',
        headcount: 3,
        priority: 'high',
        policyIds: [],
        openUntil: inMonths(now, 3),
        status: 'open',
      },
    },
  ];
}

/**
 * Seeds the demo policies and demands the province can hold (policies and demands whose zones or
 * agencies the province does not have are left out). Returns what was written.
 */
export async function seedDemoPolicies(
  provinceId: string,
  now = new Date(),
): Promise<{ policies: number; demands: number }> {
  const province = getProvince(provinceId);
  const zones = new Set(province.zones.map((z) => z.id));
  const agencies = new Set(province.agencies.map((a) => a.id));
  const system = { kind: 'system' as const, id: 'demo-seed' };
  const policyIds = new Map<string, string>();
  for (const input of demoPolicies) {
    if (!(input.eligibility?.zones ?? []).every((z) => zones.has(z))) continue;
    policyIds.set(input.code, (await createPolicy(input, system, now)).id);
  }
  let demands = 0;
  for (const { agency, input } of demoDemands(now, policyIds)) {
    if (!agencies.has(agency) || !zones.has(input.zone)) continue;
    await createDemand(
      input,
      { kind: 'staff', sub: 'demo-seed', groups: ['hr'], agency, isAdmin: false },
      now,
    );
    demands++;
  }
  return { policies: policyIds.size, demands };
}
