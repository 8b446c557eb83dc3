/**
 * Kon Tum, an example province. Its programmes stress partnership with the University of Đà Nẵng's
 * Kon Tum campus, start-ups (Ngọc Linh ginseng, medicinal plants, high-tech agriculture, Măng Đen
 * tourism), and the annual honouring of and dialogue with intellectuals; they set no numeric targets, so none are
 * configured. Kon Tum was merged into Quảng Ngãi in 2025 (mergedInto).
 * Hometowns are the city and districts as they were before the 2025 reorganisation.
 */
import type { ProvinceConfig } from '../province.ts';

export const konTum: ProvinceConfig = {
  id: 'kon-tum',
  name: { vi: 'Kon Tum', en: 'Kon Tum' },
  hometowns: [
    'Thành phố Kon Tum',
    'Đăk Hà',
    'Đăk Tô',
    'Ngọc Hồi',
    'Đăk Glei',
    'Tu Mơ Rông',
    'Kon Plông',
    'Kon Rẫy',
    'Sa Thầy',
    "Ia H'Drai",
  ],
  zones: [
    {
      id: 'bo-y-border-gate-ez',
      vi: 'Khu kinh tế cửa khẩu quốc tế Bờ Y (Ngọc Hồi)',
      en: 'Bo Y International Border-Gate Economic Zone (Ngoc Hoi)',
    },
    {
      id: 'mang-den-tourism',
      vi: 'Khu du lịch Măng Đen (Kon Plông)',
      en: 'Mang Den tourism area (Kon Plong)',
    },
    {
      id: 'ngoc-linh-ginseng',
      vi: 'Vùng trồng sâm Ngọc Linh và dược liệu',
      en: 'Ngoc Linh ginseng and medicinal plant growing area',
    },
    { id: 'industrial-parks', vi: 'Các khu công nghiệp (Hòa Bình)', en: 'Industrial parks (Hoa Binh)' },
    {
      id: 'mountainous-areas',
      vi: 'Vùng đồng bào dân tộc thiểu số và miền núi',
      en: 'Ethnic-minority and mountainous areas',
    },
    { id: 'provincial-centre', vi: 'Thành phố Kon Tum', en: 'Kon Tum city' },
  ],
  agencies: [
    {
      id: 'so-noi-vu',
      kind: 'department',
      vi: 'Sở Nội vụ tỉnh Kon Tum',
      en: 'Kon Tum Department of Home Affairs',
    },
    {
      id: 'so-khoa-hoc-cong-nghe',
      kind: 'department',
      vi: 'Sở Khoa học và Công nghệ tỉnh Kon Tum',
      en: 'Kon Tum Department of Science and Technology',
    },
    { id: 'so-y-te', kind: 'department', vi: 'Sở Y tế tỉnh Kon Tum', en: 'Kon Tum Department of Health' },
    {
      id: 'so-giao-duc-dao-tao',
      kind: 'department',
      vi: 'Sở Giáo dục và Đào tạo tỉnh Kon Tum',
      en: 'Kon Tum Department of Education and Training',
    },
    {
      id: 'so-nong-nghiep-moi-truong',
      kind: 'department',
      vi: 'Sở Nông nghiệp và Môi trường tỉnh Kon Tum',
      en: 'Kon Tum Department of Agriculture and Environment',
    },
    {
      id: 'bql-kkt-tinh',
      kind: 'management_board',
      vi: 'Ban Quản lý Khu kinh tế tỉnh Kon Tum',
      en: 'Kon Tum Economic Zone Management Board',
    },
    {
      id: 'benh-vien-da-khoa-tinh',
      kind: 'hospital',
      vi: 'Bệnh viện Đa khoa tỉnh Kon Tum',
      en: 'Kon Tum Provincial General Hospital',
    },
    {
      id: 'phan-hieu-dai-hoc-da-nang',
      kind: 'university',
      vi: 'Phân hiệu Đại học Đà Nẵng tại Kon Tum',
      en: 'University of Da Nang – Kon Tum Campus',
    },
    { id: 'truong-cao-dang-kon-tum', kind: 'school', vi: 'Trường Cao đẳng Kon Tum', en: 'Kon Tum College' },
  ],
  // Its programme for Resolution 45-NQ/TW sets no numeric targets, so none are configured.
  targets: [],
  mergedInto: {
    provinceId: 'quang-ngai',
    date: '2025-07-01',
    note: {
      vi: 'Tỉnh Kon Tum đã hợp nhất vào tỉnh Quảng Ngãi năm 2025; cấu hình này chỉ là ví dụ.',
      en: 'Kon Tum was merged into Quảng Ngãi in 2025; this configuration is only an example.',
    },
  },
  priorities: [
    {
      vi: 'Hợp tác với Phân hiệu Đại học Đà Nẵng tại Kon Tum và các trường đại học, viện nghiên cứu trong đào tạo, nghiên cứu và chuyển giao công nghệ theo đặt hàng của tỉnh.',
      en: 'Partner with the University of Da Nang – Kon Tum Campus and other universities and institutes on training, research and technology transfer ordered by the province.',
    },
    {
      vi: 'Hỗ trợ trí thức trẻ khởi nghiệp đổi mới sáng tạo, nhất là về sâm Ngọc Linh, dược liệu, nông nghiệp công nghệ cao và du lịch Măng Đen.',
      en: 'Support young intellectuals in innovative start-ups, especially in Ngoc Linh ginseng, medicinal plants, high-tech agriculture and Mang Den tourism.',
    },
    {
      vi: 'Hằng năm tổ chức tôn vinh và đối thoại với đội ngũ trí thức của tỉnh.',
      en: "Honour the province's intellectuals and hold a dialogue with them every year.",
    },
    {
      vi: 'Thu hút chuyên gia, nhà khoa học về làm việc tại Khu kinh tế cửa khẩu quốc tế Bờ Y và vùng đồng bào dân tộc thiểu số.',
      en: 'Attract experts and scientists to the Bo Y border-gate economic zone and the ethnic-minority areas.',
    },
    {
      vi: 'Kết nối trí thức là người Kon Tum đang làm việc ở trong nước và nước ngoài.',
      en: 'Connect with intellectuals from Kon Tum working elsewhere in Vietnam and abroad.',
    },
  ],
};
