/**
 * Examples of the main request bodies and responses in the OpenAPI document. Responses are built
 * with the domain's own functions (defaults, package values, match scores), so they read as the
 * API would answer; test/unit/openapi.test.ts parses each with its schema.
 */
import { openUntilInstant } from '../domain/call.ts';
import { consentText } from '../domain/consent.ts';
import { newDemand } from '../domain/demand.ts';
import { toSummary } from '../domain/expert.ts';
import { scoreMatch } from '../domain/matching.ts';
import { toOfferedPolicy } from '../domain/offer.ts';
import { newPolicy, packageValueVnd } from '../domain/policy.ts';
import { sha256 } from '../domain/secret-token.ts';

const ids = {
  expert: '6f1c2a4e-8b1d-4f7a-9c3e-2d5b7a9e0c41',
  demand: '0b7e4d2c-5a61-4c9e-8f3a-71d2e6b9a804',
  policy: 'c3a9e5f1-2b7d-4e8a-9d6c-5f0a1b2c3d4e',
  offer: '9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  call: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
};
const created = '2026-03-02T02:15:00.000Z';
const updated = '2026-05-11T08:40:00.000Z';
/** As shared/db/experts.ts stores it with every consent record. */
const consentTextHash = sha256(JSON.stringify(consentText));
const officer = { kind: 'staff' as const, id: 'f2a4c6e8-hr-officer-sub', agency: 'bql-kkt-dung-quat' };

export const registrationExample = {
  fullName: 'Nguyễn Văn An',
  email: 'an.nguyen@example.com',
  phone: '+84905123456',
  birthYear: 1985,
  gender: 'male' as const,
  highestDegree: 'doctorate' as const,
  academicTitle: 'none' as const,
  fields: [{ code: '2.3', specialization: 'Thiết kế máy' }],
  location: { kind: 'overseas' as const, country: 'JP', city: 'Osaka' },
  nativeOfProvince: true,
  hometown: 'Bình Sơn',
  employer: { name: 'Osaka University', sector: 'university' as const },
  yearsExperience: 12,
  languages: [{ code: 'en', level: 'C1' as const }],
  publications: 25,
  patents: 1,
  engagement: ['remote_advisory' as const, 'short_visit' as const],
  bio: 'Kỹ sư cơ khí, nghiên cứu thiết kế máy tại Nhật Bản.',
  consent: {
    registry: true as const,
    shareWithAgencies: true,
    collaborationCalls: true,
    publicDirectory: false,
    textVersion: consentText.version,
  },
};

const { consent: givenConsent, ...registeredProfile } = registrationExample;

export const expertProfileExample = {
  id: ids.expert,
  ...registeredProfile,
  status: 'active' as const,
  consent: { ...givenConsent, textHash: consentTextHash, at: created },
  createdAt: created,
  updatedAt: updated,
  version: 3,
};

export const expertSummaryExample = toSummary(expertProfileExample);

export const expertSearchExample = {
  items: [expertSummaryExample],
  nextCursor: null,
  total: 1,
  facets: {
    fieldGroup: { '2': 1 },
    degree: { doctorate: 1 },
    locationKind: { overseas: 1 },
    country: { JP: 1 },
  },
};

export const profilePatchExample = {
  location: { kind: 'in_province', country: 'VN', city: 'Quảng Ngãi' },
  employer: { name: 'Trường Đại học Phạm Văn Đồng', sector: 'university' },
  phone: null,
};

export const consentChoicesExample = {
  shareWithAgencies: true,
  collaborationCalls: true,
  publicDirectory: true,
};

export const policyInputExample = {
  code: 'QN-TS-2026',
  title: 'Hỗ trợ thu hút tiến sĩ về làm việc tại Khu kinh tế Dung Quất',
  legalBasis: 'Nghị quyết mẫu (dữ liệu minh họa) / Sample resolution (demo data)',
  benefits: [
    { kind: 'one_time_allowance' as const, amountVnd: 300_000_000, description: 'Trợ cấp ban đầu' },
    { kind: 'monthly_allowance' as const, amountVnd: 5_000_000, description: 'Phụ cấp hằng tháng, 5 năm' },
  ],
  eligibility: { minDegree: 'doctorate' as const, fieldCodes: ['2'], zones: ['dung-quat-ez'] },
  validFrom: '2026-01-01',
  validTo: '2030-12-31',
};

export const policyExample = newPolicy(policyInputExample, ids.policy, created);

export const demandInputExample = {
  title: 'Tiến sĩ cơ khí cho nhà máy lọc dầu Dung Quất',
  description: 'Thiết kế và bảo trì thiết bị quay; hướng dẫn kỹ sư trẻ.',
  fieldCodes: ['2.3'],
  minDegree: 'doctorate' as const,
  minYearsExperience: 5,
  languages: [{ code: 'en', minLevel: 'B2' as const }],
  zone: 'dung-quat-ez',
  engagement: 'full_time' as const,
  headcount: 2,
  priority: 'high' as const,
  policyIds: [ids.policy],
  openUntil: '2027-06-30',
  status: 'open' as const,
};

export const demandExample = newDemand(demandInputExample, {
  id: ids.demand,
  agency: officer.agency,
  at: created,
});

export const demandMatchesExample = {
  items: [
    {
      expert: expertSummaryExample,
      ...scoreMatch(demandExample, expertSummaryExample, new Date(updated)),
    },
  ],
  total: 1,
  candidates: 1,
  nextCursor: null,
};

export const offerInputExample = {
  expertId: ids.expert,
  demandId: ids.demand,
  policyIds: [ids.policy],
  terms: 'Hợp đồng 3 năm tại Dung Quất; lương theo thỏa thuận; nhà ở công vụ.',
  expiresAt: '2026-06-30T17:00:00+07:00',
};

const sentAt = '2026-05-12T03:00:00.000Z';

export const offerViewExample = {
  id: ids.offer,
  agency: officer.agency,
  demandId: ids.demand,
  demand: { title: demandExample.title, zone: demandExample.zone, engagement: demandExample.engagement },
  expertId: ids.expert,
  policyIds: [ids.policy],
  policies: [toOfferedPolicy(policyExample)],
  packageValueVnd: packageValueVnd([policyExample]),
  terms: offerInputExample.terms,
  expiresAt: new Date(offerInputExample.expiresAt).toISOString(),
  status: 'sent' as const,
  history: [
    { from: null, to: 'draft' as const, at: updated, actor: officer },
    { from: 'draft' as const, to: 'sent' as const, at: sentAt, actor: officer },
  ],
  sentAt,
  createdAt: updated,
  updatedAt: sentAt,
  version: 2,
  expert: expertSummaryExample,
  expertState: 'shared' as const,
};

export const offerTransitionExample = { to: 'sent', note: 'Đã thống nhất với ứng viên qua điện thoại.' };

export const offerDecisionExample = { decision: 'accept', note: 'Tôi có thể bắt đầu từ tháng 9.' };

export const callInputExample = {
  title: 'Tư vấn quy hoạch cảng biển Dung Quất',
  description: 'Tư vấn từ xa cho đề án mở rộng cảng; 3 buổi trao đổi trực tuyến.',
  fieldCodes: ['2.1', '5.7'],
  engagement: 'remote_advisory' as const,
  audience: 'overseas_natives' as const,
  openUntil: '2026-09-30',
};

export const createdCallExample = {
  id: ids.call,
  ...callInputExample,
  openUntil: openUntilInstant(callInputExample.openUntil),
  status: 'draft' as const,
  agency: 'so-khoa-hoc-cong-nghe',
  createdBy: 'b1d3f5a7-hr-officer-sub',
  createdAt: created,
  updatedAt: created,
  version: 1,
};

export const staffCallExample = {
  ...createdCallExample,
  status: 'open' as const,
  updatedAt: updated,
  openedAt: updated,
  version: 2,
  notification: { queued: 37, done: true },
};

export const openCallsExample = {
  items: [
    {
      id: ids.call,
      ...callInputExample,
      openUntil: staffCallExample.openUntil,
      status: 'open' as const,
      openedAt: updated,
    },
  ],
  nextCursor: null,
};
