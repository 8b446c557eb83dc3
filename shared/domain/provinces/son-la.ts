/**
 * Sơn La, an example province. Its programmes stress partnership with Tây Bắc University and
 * national universities and institutes, start-ups on the province's farm produce (fruit, coffee,
 * Mộc Châu tea and dairy), and the annual honouring of and dialogue with intellectuals. They set no
 * numeric targets. Hometowns are the city and districts as they were before the 2025 reorganisation.
 */
import type { ProvinceConfig } from '../province.ts';

export const sonLa: ProvinceConfig = {
  id: 'son-la',
  name: { vi: 'Sơn La', en: 'Son La' },
  hometowns: [
    'Thành phố Sơn La',
    'Mộc Châu',
    'Vân Hồ',
    'Yên Châu',
    'Mai Sơn',
    'Thuận Châu',
    'Mường La',
    'Quỳnh Nhai',
    'Bắc Yên',
    'Phù Yên',
    'Sông Mã',
    'Sốp Cộp',
  ],
  zones: [
    { id: 'moc-chau-tourism', vi: 'Khu du lịch quốc gia Mộc Châu', en: 'Moc Chau National Tourism Area' },
    { id: 'son-la-city', vi: 'Thành phố Sơn La', en: 'Son La city' },
    {
      id: 'hydropower-reservoirs',
      vi: 'Vùng lòng hồ thủy điện Sơn La và Hòa Bình',
      en: 'Son La and Hoa Binh hydropower reservoir areas',
    },
    {
      id: 'high-tech-agriculture',
      vi: 'Vùng nông nghiệp ứng dụng công nghệ cao (cây ăn quả, cà phê, chè)',
      en: 'High-tech agriculture areas (fruit, coffee, tea)',
    },
    { id: 'mai-son-industrial-park', vi: 'Khu công nghiệp Mai Sơn', en: 'Mai Son Industrial Park' },
    {
      id: 'border-areas',
      vi: 'Vùng biên giới và vùng đặc biệt khó khăn',
      en: 'Border and extremely disadvantaged areas',
    },
  ],
  agencies: [
    {
      id: 'so-noi-vu',
      kind: 'department',
      vi: 'Sở Nội vụ tỉnh Sơn La',
      en: 'Son La Department of Home Affairs',
    },
    {
      id: 'so-khoa-hoc-cong-nghe',
      kind: 'department',
      vi: 'Sở Khoa học và Công nghệ tỉnh Sơn La',
      en: 'Son La Department of Science and Technology',
    },
    { id: 'so-y-te', kind: 'department', vi: 'Sở Y tế tỉnh Sơn La', en: 'Son La Department of Health' },
    {
      id: 'so-giao-duc-dao-tao',
      kind: 'department',
      vi: 'Sở Giáo dục và Đào tạo tỉnh Sơn La',
      en: 'Son La Department of Education and Training',
    },
    {
      id: 'so-nong-nghiep-moi-truong',
      kind: 'department',
      vi: 'Sở Nông nghiệp và Môi trường tỉnh Sơn La',
      en: 'Son La Department of Agriculture and Environment',
    },
    {
      id: 'so-van-hoa-the-thao-du-lich',
      kind: 'department',
      vi: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La',
      en: 'Son La Department of Culture, Sports and Tourism',
    },
    {
      id: 'bql-khu-du-lich-moc-chau',
      kind: 'management_board',
      vi: 'Ban Quản lý Khu du lịch quốc gia Mộc Châu',
      en: 'Moc Chau National Tourism Area Management Board',
    },
    {
      id: 'benh-vien-da-khoa-tinh',
      kind: 'hospital',
      vi: 'Bệnh viện Đa khoa tỉnh Sơn La',
      en: 'Son La Provincial General Hospital',
    },
    { id: 'dai-hoc-tay-bac', kind: 'university', vi: 'Trường Đại học Tây Bắc', en: 'Tay Bac University' },
    { id: 'truong-cao-dang-son-la', kind: 'school', vi: 'Trường Cao đẳng Sơn La', en: 'Son La College' },
  ],
  // Its programmes set no numeric targets, so none are configured (a target needs its document).
  targets: [],
  priorities: [
    {
      vi: 'Hợp tác với Trường Đại học Tây Bắc, các đại học và viện nghiên cứu trung ương trong đào tạo, nghiên cứu và chuyển giao công nghệ cho nông nghiệp, du lịch và năng lượng.',
      en: 'Partner with Tay Bac University and national universities and research institutes on training, research and technology transfer for agriculture, tourism and energy.',
    },
    {
      vi: 'Hỗ trợ trí thức trẻ khởi nghiệp đổi mới sáng tạo từ nông sản chủ lực của tỉnh: cây ăn quả, cà phê, chè và sữa Mộc Châu.',
      en: "Support young intellectuals' innovative start-ups built on the province's key farm produce: fruit, coffee, Moc Chau tea and dairy.",
    },
    {
      vi: 'Hằng năm tổ chức tôn vinh và đối thoại với đội ngũ trí thức của tỉnh.',
      en: "Honour the province's intellectuals and hold a dialogue with them every year.",
    },
    {
      vi: 'Thu hút chuyên gia về Khu du lịch quốc gia Mộc Châu, vùng nông nghiệp công nghệ cao và vùng biên giới, vùng đặc biệt khó khăn.',
      en: 'Attract experts to the Moc Chau National Tourism Area, the high-tech agriculture areas and the border and extremely disadvantaged areas.',
    },
    {
      vi: 'Đặt hàng nhiệm vụ nghiên cứu, tư vấn và phản biện từ các nhà khoa học, kể cả trí thức người Sơn La ở nước ngoài.',
      en: 'Order research, advisory and review tasks from scientists, including intellectuals from Son La living abroad.',
    },
  ],
};
