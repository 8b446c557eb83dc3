/**
 * The consent text experts agree to. Its version is published by GET /api/meta and must be sent
 * back on registration; its SHA-256 is stored with every consent record so the exact wording
 * agreed to can be proved later (Law 91/2025/QH15 on personal data protection).
 */
export const consentText = {
  version: '2026-01-01',
  vi: [
    'Tôi đồng ý để Sở Nội vụ tỉnh lưu trữ và xử lý dữ liệu cá nhân trong hồ sơ này cho mục đích cơ sở dữ liệu đội ngũ trí thức của tỉnh (bắt buộc).',
    'Cho phép cán bộ nhân sự của các cơ quan, đơn vị của tỉnh xem hồ sơ và liên hệ với tôi (tùy chọn).',
    'Nhận thông báo về các đề nghị hợp tác, đặt hàng nhiệm vụ (tùy chọn).',
    'Hiển thị tên, học vị, học hàm, lĩnh vực và quốc gia của tôi trong danh bạ công khai (tùy chọn).',
  ],
  en: [
    "I agree that the provincial Department of Home Affairs (Sở Nội vụ) keeps and processes the personal data in this profile for the province's register of intellectuals (required).",
    "Let HR officers of the province's agencies view my profile and contact me (optional).",
    'Receive collaboration calls and task requests (optional).',
    'Show my name, degree, title, fields and country in the public directory (optional).',
  ],
} as const;
