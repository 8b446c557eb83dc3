/**
 * Quảng Ngãi, the default province. Zones and priorities follow the province's action programmes
 * for Resolution 45-NQ/TW (24 November 2023, on building and promoting the intellectual workforce)
 * and Conclusion 52-KL/TW (30 May 2019): attract graduates and scientists to the Dung Quất Economic
 * Zone, the industrial parks and the mountainous and disadvantaged areas; cooperate with natives
 * abroad; order research and advisory tasks from experts; attraction and reward policies.
 * Hometowns are the city, town and districts as they were before the 2025 reorganisation (they are
 * still how people name where they come from).
 */
import type { ProvinceConfig, TargetSource } from '../province.ts';

const qnProgramme: TargetSource = {
  document:
    'Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh Quảng Ngãi thực hiện Nghị quyết số 45-NQ/TW ' +
    'ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức',
  date: null,
};

export const quangNgai: ProvinceConfig = {
  id: 'quang-ngai',
  name: { vi: 'Quảng Ngãi', en: 'Quang Ngai' },
  hometowns: [
    'Bình Sơn',
    'Thành phố Quảng Ngãi',
    'Sơn Tịnh',
    'Tư Nghĩa',
    'Nghĩa Hành',
    'Mộ Đức',
    'Đức Phổ',
    'Ba Tơ',
    'Minh Long',
    'Sơn Hà',
    'Sơn Tây',
    'Trà Bồng',
    'Lý Sơn',
  ],
  zones: [
    { id: 'dung-quat-ez', vi: 'Khu kinh tế Dung Quất', en: 'Dung Quat Economic Zone' },
    {
      id: 'industrial-parks',
      vi: 'Các khu công nghiệp (VSIP Quảng Ngãi, Tịnh Phong, Quảng Phú, Phổ Phong)',
      en: 'Industrial parks (VSIP Quang Ngai, Tinh Phong, Quang Phu, Pho Phong)',
    },
    { id: 'mountainous-areas', vi: 'Miền núi và vùng khó khăn', en: 'Mountainous and disadvantaged areas' },
    { id: 'provincial-centre', vi: 'Trung tâm tỉnh', en: 'Provincial centre' },
  ],
  agencies: [
    {
      id: 'so-noi-vu',
      kind: 'department',
      vi: 'Sở Nội vụ tỉnh Quảng Ngãi',
      en: 'Quang Ngai Department of Home Affairs',
    },
    {
      id: 'so-khoa-hoc-cong-nghe',
      kind: 'department',
      vi: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
      en: 'Quang Ngai Department of Science and Technology',
    },
    {
      id: 'so-y-te',
      kind: 'department',
      vi: 'Sở Y tế tỉnh Quảng Ngãi',
      en: 'Quang Ngai Department of Health',
    },
    {
      id: 'so-giao-duc-dao-tao',
      kind: 'department',
      vi: 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi',
      en: 'Quang Ngai Department of Education and Training',
    },
    {
      id: 'so-nong-nghiep-moi-truong',
      kind: 'department',
      vi: 'Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi',
      en: 'Quang Ngai Department of Agriculture and Environment',
    },
    {
      id: 'bql-kkt-dung-quat',
      kind: 'management_board',
      vi: 'Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi',
      en: 'Management Board of Dung Quat Economic Zone and Quang Ngai Industrial Parks',
    },
    {
      id: 'benh-vien-da-khoa-tinh',
      kind: 'hospital',
      vi: 'Bệnh viện Đa khoa tỉnh Quảng Ngãi',
      en: 'Quang Ngai Provincial General Hospital',
    },
    {
      id: 'dai-hoc-pham-van-dong',
      kind: 'university',
      vi: 'Trường Đại học Phạm Văn Đồng',
      en: 'Pham Van Dong University',
    },
  ],
  // The programme of the Provincial Party Committee for Resolution 45-NQ/TW sets these for 2030.
  // Its number and signing date are not recorded here (date: null): fill them in from the
  // document itself; the dashboard prints the source next to every target. (Searched again on
  // 2026-11-30 for the programme's số and ngày: the pages found were Kon Tum's own programme,
  // kontum.gov.vn/VanBan/Details/13710, and Quảng Ngãi congress resolutions; nothing citable for
  // Quảng Ngãi's programme, so nothing is filled in.)
  targets: [
    {
      id: 'intellectuals',
      label: { vi: 'Trên 50.000 trí thức', en: 'More than 50,000 intellectuals' },
      year: 2030,
      min: 50000,
      unit: 'people',
      baseline: null,
      source: qnProgramme,
    },
    {
      id: 'doctorates',
      label: { vi: '120 tiến sĩ', en: '120 doctorates' },
      year: 2030,
      min: 120,
      unit: 'people',
      baseline: null,
      source: qnProgramme,
    },
    {
      id: 'masters_or_higher',
      label: { vi: '3.000 thạc sĩ trở lên', en: '3,000 masters or higher' },
      year: 2030,
      min: 3000,
      unit: 'people',
      baseline: null,
      source: qnProgramme,
    },
    {
      id: 'leaders_under_40_share',
      label: {
        vi: '15-20 % cán bộ lãnh đạo, quản lý dưới 40 tuổi',
        en: '15-20 % of leaders and managers under 40',
      },
      year: 2030,
      min: 15,
      max: 20,
      unit: 'percent',
      baseline: null,
      source: qnProgramme,
    },
    {
      id: 'provincial_leaders_international_share',
      label: {
        vi: '25-35 % lãnh đạo cấp tỉnh có khả năng làm việc trong môi trường quốc tế',
        en: '25-35 % of provincial-level leaders able to work in an international environment',
      },
      year: 2030,
      min: 25,
      max: 35,
      unit: 'percent',
      baseline: null,
      source: qnProgramme,
    },
  ],
  priorities: [
    {
      vi: 'Thu hút sinh viên tốt nghiệp xuất sắc, nhà khoa học trẻ và chuyên gia về làm việc trong các lĩnh vực tỉnh cần: Khu kinh tế Dung Quất, các khu công nghiệp, miền núi và vùng khó khăn.',
      en: 'Attract excellent graduates, young scientists and experts to work in the fields the province needs: the Dung Quat Economic Zone, the industrial parks, and the mountainous and disadvantaged areas.',
    },
    {
      vi: 'Xây dựng cơ sở dữ liệu về đội ngũ trí thức; dự báo, quy hoạch nhu cầu chuyên gia của từng ngành, từng địa phương.',
      en: 'Build the database of the intellectual workforce; forecast and plan the experts each sector and locality needs.',
    },
    {
      vi: 'Tăng cường hợp tác với trí thức là người Quảng Ngãi đang sinh sống, làm việc ở trong nước và nước ngoài.',
      en: 'Strengthen cooperation with intellectuals from Quang Ngai who live and work elsewhere in Vietnam and abroad.',
    },
    {
      vi: 'Đặt hàng các chuyên gia, nhà khoa học thực hiện nhiệm vụ nghiên cứu, tư vấn, phản biện phục vụ phát triển kinh tế - xã hội của tỉnh.',
      en: "Order research, advisory and review tasks from experts and scientists for the province's socio-economic development.",
    },
    {
      vi: 'Thực hiện chính sách thu hút, đãi ngộ, tôn vinh và khen thưởng trí thức có đóng góp cho tỉnh.',
      en: 'Apply attraction, remuneration, honouring and reward policies for intellectuals who contribute to the province.',
    },
  ],
};
