/**
 * Every visible string of the app, in Vietnamese (the default) and English. One dictionary per
 * language with the same shape, so a missing translation is a type error.
 */

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { CallAudience } from '#shared/domain/call';
import type {
  AcademicTitle,
  Degree,
  EngagementMode,
  ExpertStatus,
  LanguageLevel,
  LeadershipPost,
} from '#shared/domain/expert';
import type { OfferStatus } from '#shared/domain/offer-states';
import type { BenefitKind } from '#shared/domain/policy';
import { formatVietnamTime } from '#shared/domain/vietnam-time';
import type { ReasonMessages } from './reason-text.ts';

export type Lang = 'vi' | 'en';
type LocationKind = 'in_province' | 'in_country' | 'overseas';
type Gender = 'female' | 'male' | 'other' | 'unspecified';
type Sector =
  | 'state'
  | 'university'
  | 'research_institute'
  | 'enterprise'
  | 'fdi'
  | 'ngo'
  | 'self_employed'
  | 'other';

const maxBirthYear = new Date().getUTCFullYear() - 16;

const vi = {
  appName: 'Cơ sở dữ liệu đội ngũ trí thức',
  skipToContent: 'Chuyển đến nội dung chính',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  mainNav: 'Điều hướng chính',
  navRegister: 'Đăng ký',
  navDirectory: 'Danh bạ',
  navPublicSite: 'Trang công khai',
  navMyProfile: 'Hồ sơ của tôi',
  navStaff: 'Cán bộ',
  logout: 'Đăng xuất',
  logoutEverywhere: 'Đăng xuất trên mọi thiết bị',
  loading: 'Đang tải…',
  retry: 'Thử lại',
  close: 'Đóng',
  yes: 'Có',
  no: 'Không',
  any: 'Tất cả',
  optional: '(không bắt buộc)',
  lengthCounter: (n: number, max: number) => `${n}/${max} ký tự`,
  required: '(bắt buộc)',
  notFoundTitle: 'Không tìm thấy trang',
  notFoundBody: 'Địa chỉ này không có trong ứng dụng.',
  backHome: 'Về trang chủ',
  networkError: 'Không kết nối được máy chủ. Hãy kiểm tra mạng và thử lại.',
  genericError: 'Đã có lỗi xảy ra. Hãy thử lại sau.',
  rateLimited: 'Bạn thao tác quá nhanh. Hãy đợi một lát rồi thử lại.',
  rateLimitedUntil: (at: string, seconds: number) =>
    seconds < 120
      ? `Bạn đã gửi quá nhiều yêu cầu. Hãy thử lại sau ${seconds} giây.`
      : `Bạn đã gửi quá nhiều yêu cầu. Có thể thử lại từ ${formatVietnamTime(at, 'vi')}.`,
  metaError: 'Không tải được cấu hình của tỉnh.',

  // Landing
  landingTitle: (province: string) => `Cơ sở dữ liệu đội ngũ trí thức tỉnh ${province}`,
  landingIntro:
    'Tỉnh xây dựng cơ sở dữ liệu về đội ngũ trí thức để dự báo, quy hoạch nhu cầu chuyên gia, thu hút người tài vào các lĩnh vực tỉnh cần, đặt hàng nhiệm vụ nghiên cứu, tư vấn và hợp tác với trí thức người địa phương đang sống và làm việc ở trong nước cũng như ở nước ngoài.',
  landingWho:
    'Nếu bạn là nhà khoa học, chuyên gia hoặc người có trình độ đại học trở lên — ở trong tỉnh, nơi khác trong nước hay ở nước ngoài — hãy đăng ký hồ sơ. Bạn tự quyết định ai được xem hồ sơ và có thể sửa, tải về hoặc xóa dữ liệu bất cứ lúc nào.',
  prioritiesHeading: 'Định hướng của tỉnh',
  targetsHeading: (year: number) => `Mục tiêu đến năm ${year}`,
  actionRegister: 'Đăng ký',
  actionLogin: 'Đăng nhập bằng e-mail',
  actionStaff: 'Cán bộ',
  actionDirectory: 'Xem danh bạ công khai',
  actionCalls: 'Lời mời hợp tác đang mở: nhiệm vụ nghiên cứu, tư vấn, chuyến làm việc',

  // Registration
  registerTitle: 'Đăng ký hồ sơ trí thức',
  registerIntro: 'Các trường đánh dấu (bắt buộc) phải điền. Sau khi gửi, bạn sẽ nhận e-mail để xác nhận.',
  sectionPersonal: 'Thông tin cá nhân',
  sectionExpertise: 'Trình độ và lĩnh vực',
  sectionLocation: 'Nơi sinh sống và làm việc',
  sectionWork: 'Công việc và kinh nghiệm',
  sectionLanguages: 'Ngoại ngữ',
  sectionEngagement: 'Hình thức hợp tác',
  sectionConsent: 'Đồng ý xử lý dữ liệu cá nhân',
  consentIntro: (version: string) =>
    `Theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15), mỗi mục đích cần sự đồng ý riêng. Nội dung đồng ý phiên bản ${version}.`,
  fullName: 'Họ và tên',
  email: 'E-mail',
  phone: 'Số điện thoại',
  birthYear: 'Năm sinh',
  gender: 'Giới tính',
  highestDegree: 'Học vị cao nhất',
  academicTitle: 'Học hàm',
  fieldsLegend: 'Lĩnh vực chuyên môn (1–5)',
  fieldCode: (n: number) => `Lĩnh vực ${n}`,
  fieldSpecialization: (n: number) => `Chuyên ngành hẹp ${n}`,
  addField: 'Thêm lĩnh vực',
  removeField: (n: number) => `Bỏ lĩnh vực ${n}`,
  chooseField: '— Chọn lĩnh vực —',
  choose: '— Chọn —',
  locationKind: 'Hiện đang ở',
  country: 'Quốc gia',
  city: 'Thành phố',
  vietnam: 'Việt Nam',
  nativeOfProvince: (province: string) => `Người gốc tỉnh ${province}?`,
  hometown: 'Quê quán (huyện/xã)',
  employerName: 'Cơ quan, đơn vị công tác',
  employerSector: 'Khu vực',
  leadershipPost: 'Chức vụ lãnh đạo, quản lý (tự khai, không bắt buộc)',
  leadershipPostName: {
    none: 'Không giữ chức vụ',
    provincial: 'Cấp tỉnh',
    department: 'Cấp sở, ngành',
    commune: 'Cấp xã',
    unit: 'Cấp đơn vị',
  } satisfies Record<LeadershipPost, string>,
  abroadSixMonths: 'Đã làm việc hoặc học tập ở nước ngoài từ 6 tháng trở lên',
  notSaid: 'Không khai',
  yearsExperience: 'Số năm kinh nghiệm',
  publications: 'Số công trình công bố',
  patents: 'Số bằng sáng chế',
  languageCode: (n: number) => `Ngôn ngữ ${n}`,
  languageLevel: (n: number) => `Trình độ ngôn ngữ ${n}`,
  addLanguage: 'Thêm ngoại ngữ',
  removeLanguage: (n: number) => `Bỏ ngôn ngữ ${n}`,
  noLanguages: 'Chưa có ngoại ngữ nào.',
  engagementLegend: 'Bạn sẵn sàng hợp tác theo hình thức nào? (chọn ít nhất một)',
  bio: 'Giới thiệu ngắn',
  bioHint: 'Tối đa 2.000 ký tự.',
  submitRegistration: 'Gửi đăng ký',
  sending: 'Đang gửi…',
  errorSummary: (n: number) => `Có ${n} chỗ cần sửa (chọn một mục để đến trường đó):`,

  // Check e-mail / login
  checkEmailTitle: 'Hãy kiểm tra hộp thư',
  checkEmailBody:
    'Nếu địa chỉ e-mail hợp lệ, chúng tôi đã gửi cho bạn một đường liên kết. Hãy mở e-mail và nhấn vào liên kết để xác nhận và vào trang hồ sơ của bạn. Liên kết dùng được một lần và hết hạn sau 24 giờ.',
  checkEmailSpam: 'Không thấy e-mail? Hãy xem thư mục thư rác, hoặc yêu cầu gửi lại liên kết.',
  checkEmailSentTo: 'Địa chỉ bạn đã nhập:',
  checkEmailWrongAddress: 'Nhập nhầm địa chỉ?',
  unsubscribeTitle: 'Ngừng nhận lời mời hợp tác',
  unsubscribeBody:
    'Bạn sẽ không nhận thư về các lời mời hợp tác mới nữa. Hồ sơ và các lựa chọn đồng ý khác của bạn giữ nguyên.',
  unsubscribeButton: 'Ngừng nhận lời mời hợp tác',
  unsubscribeWorking: 'Đang xử lý…',
  unsubscribeDone: 'Đã xong: bạn sẽ không nhận lời mời hợp tác nữa.',
  unsubscribeAlready: 'Bạn đã ngừng nhận lời mời hợp tác từ trước; không có gì thay đổi.',
  unsubscribeChangeLater: 'Muốn nhận lại? Bật lại trong phần đồng ý của hồ sơ.',
  unsubscribeInvalid:
    'Liên kết này không hợp lệ hoặc đã hết hạn. Bạn có thể thay đổi lựa chọn nhận lời mời trong hồ sơ của mình.',
  footerPrivacy: 'Thông báo về xử lý dữ liệu cá nhân',
  privacyTitle: 'Thông báo về xử lý dữ liệu cá nhân',
  privacyIntro: (province: string) =>
    `Cơ sở dữ liệu đội ngũ trí thức của ${province} do Sở Nội vụ tỉnh quản lý, theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15. Thông báo này cho biết dữ liệu nào được lưu, để làm gì, ai được xem và bạn có những quyền gì.`,
  privacyWhatTitle: 'Dữ liệu được lưu',
  privacyWhat:
    'Những gì bạn khai trong hồ sơ: họ tên, e-mail, điện thoại (nếu có), năm sinh và giới tính (nếu có), học vị, học hàm, lĩnh vực, nơi ở và làm việc, ngoại ngữ, hình thức hợp tác; cùng lịch sử các lựa chọn đồng ý của bạn.',
  privacyPurposesTitle: 'Mục đích và sự đồng ý của bạn',
  privacyWhoTitle: 'Ai được xem',
  privacyWho:
    'Cán bộ nhân sự của các cơ quan của tỉnh chỉ thấy hồ sơ khi bạn cho phép; mỗi lần họ xem toàn bộ hồ sơ hoặc xuất dữ liệu đều được ghi nhật ký. Danh bạ công khai chỉ hiện tên, học vị, học hàm, lĩnh vực và quốc gia, và chỉ khi bạn chọn.',
  privacyRightsTitle: 'Quyền của bạn',
  privacyRights:
    'Xem và tải toàn bộ dữ liệu của mình, sửa hồ sơ, rút lại từng sự đồng ý bất cứ lúc nào (có hiệu lực ngay), và xóa hồ sơ: dữ liệu được xóa ngay khỏi cơ sở dữ liệu; bản sao lưu tự hết hạn sau 35 ngày.',
  privacyMyData: 'Dữ liệu của tôi',
  loginTitle: 'Đăng nhập bằng e-mail',
  loginIntro: 'Nhập e-mail bạn đã đăng ký. Chúng tôi sẽ gửi một đường liên kết đăng nhập.',
  sendLoginLink: 'Gửi liên kết đăng nhập',
  signingIn: 'Đang đăng nhập…',
  linkInvalid: 'Liên kết đăng nhập đã được dùng hoặc đã hết hạn.',
  requestNewLink: 'Yêu cầu liên kết mới',
  linkExpiredTitle: 'Liên kết đã hết hạn',
  linkExpiredBody:
    'Liên kết trong thư đã hết hạn. Chúng tôi có thể gửi một liên kết mới tới đúng địa chỉ e-mail đã nhận thư, mở đúng trang này.',
  renewLink: 'Gửi liên kết mới tới cùng địa chỉ',
  linkRenewed:
    'Nếu liên kết này còn gia hạn được, một liên kết mới đã được gửi tới địa chỉ e-mail đã nhận thư. Hãy kiểm tra hộp thư.',
  linkExpiredOther: 'Hoặc đăng nhập bằng địa chỉ e-mail khác:',
  myOfferTitle: 'Đề nghị gửi tới tôi',
  offerNotFound: 'Không tìm thấy đề nghị này trong các đề nghị gửi tới bạn.',
  allMyOffers: 'Tất cả đề nghị và hồ sơ của tôi',
  emailChangeTitle: 'Đổi địa chỉ e-mail',
  emailChangeIntro:
    'Chúng tôi gửi một liên kết xác nhận tới địa chỉ mới, và một thông báo tới địa chỉ hiện tại. Địa chỉ chỉ đổi khi liên kết trong thư tới địa chỉ mới được mở.',
  newEmail: 'Địa chỉ e-mail mới',
  emailChangeSubmit: 'Gửi liên kết xác nhận',
  emailChangeSent: (email: string) =>
    `Đã gửi liên kết xác nhận tới ${email} (hiệu lực 24 giờ). Địa chỉ của hồ sơ chưa đổi cho tới khi liên kết được mở.`,
  emailChangeSame: 'Đây đã là địa chỉ e-mail của hồ sơ.',
  emailConfirmTitle: 'Xác nhận địa chỉ e-mail mới',
  emailConfirmBody: 'Bấm nút dưới đây để dùng địa chỉ e-mail này cho hồ sơ của bạn.',
  emailConfirmButton: 'Xác nhận địa chỉ mới',
  emailConfirmWorking: 'Đang xác nhận…',
  emailConfirmDone: (email: string) => `Đã đổi: từ nay thư của cơ sở dữ liệu gửi tới ${email}.`,
  emailConfirmInvalid:
    'Liên kết xác nhận không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy yêu cầu đổi lại từ hồ sơ.',
  emailConfirmTaken: 'Địa chỉ này đã thuộc về một hồ sơ khác; địa chỉ của bạn không đổi.',
  sessionExpired: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.',
  needLogin: 'Bạn cần đăng nhập để xem trang này.',

  // Self-service
  meTitle: 'Hồ sơ của tôi',
  statusLabel: 'Trạng thái',
  status: {
    pending_verification: 'Chờ xác nhận e-mail',
    active: 'Đang hoạt động',
    withdrawn: 'Đã rút',
  } satisfies Record<ExpertStatus, string>,
  lastUpdated: 'Cập nhật lần cuối',
  editProfile: 'Sửa hồ sơ',
  editProfileTitle: 'Sửa hồ sơ',
  saveChanges: 'Lưu thay đổi',
  cancel: 'Hủy',
  saved: 'Đã lưu thay đổi.',
  nothingChanged: 'Bạn chưa thay đổi gì.',
  cannotClear: 'Trường này không thể để trống sau khi đã điền.',
  versionMismatch: 'Hồ sơ đã được thay đổi ở nơi khác. Hãy tải lại hồ sơ rồi sửa lại.',
  reloadProfile: 'Tải lại hồ sơ',
  consentTitle: 'Quyền riêng tư và sự đồng ý',
  consentRegistryGiven: (at: string) =>
    `Bạn đã đồng ý với mục đích của cơ sở dữ liệu khi đăng ký, lúc ${at}.`,
  consentChoicesChanged: (at: string) => `Các lựa chọn dưới đây được thay đổi lần gần nhất lúc ${at}.`,
  consentSaved: 'Đã cập nhật sự đồng ý.',
  myDataTitle: 'Dữ liệu của tôi',
  myDataPageTitle: 'Dữ liệu cơ sở dữ liệu lưu về tôi',
  myDataPageIntro: (at: string) =>
    `Toàn bộ dữ liệu cơ sở dữ liệu đang lưu về bạn, lập lúc ${at}. Bạn có thể in trang này hoặc lưu thành PDF.`,
  print: 'In / Lưu PDF',
  backToProfile: 'Quay lại hồ sơ',
  myDataReadable: 'Xem bản dễ đọc (in được)',
  myDataProfile: 'Hồ sơ',
  myDataConsentHistory: 'Lịch sử đồng ý',
  myDataWhen: 'Thời điểm',
  myDataTextVersion: 'Phiên bản văn bản',
  myDataProfileViews: 'Cơ quan đã xem hồ sơ đầy đủ của bạn',
  myDataAdministrator: 'Quản trị viên của tỉnh',
  myDataOffers: 'Đề nghị gửi cho bạn',
  myDataOfferUntil: (at: string) => `hiệu lực đến ${at}`,
  myDataCallResponses: 'Phản hồi của bạn với lời mời hợp tác',
  myDataCall: 'Lời mời',
  myDataNone: 'Không có.',
  consentPurposeName: {
    registry: 'Mục đích của cơ sở dữ liệu',
    shareWithAgencies: 'Chia sẻ với cơ quan',
    collaborationCalls: 'Nhận lời mời hợp tác',
    publicDirectory: 'Hiện trong danh bạ công khai',
  },
  myDataIntro:
    'Bạn có thể tải về toàn bộ dữ liệu chúng tôi lưu về bạn (hồ sơ, lịch sử đồng ý, đề nghị, và cơ quan nào đã xem hồ sơ), hoặc xóa hồ sơ.',
  exportData: 'Tải dữ liệu của tôi (JSON)',
  exported: 'Đã tải dữ liệu.',
  deleteProfile: 'Xóa hồ sơ của tôi',
  deleteDialogTitle: 'Xóa hồ sơ vĩnh viễn?',
  deleteDialogBody:
    'Dữ liệu cá nhân của bạn sẽ bị xóa ngay và không thể khôi phục. Các đề nghị và nhật ký chỉ giữ lại một bản ghi không có dữ liệu cá nhân.',
  deleteConfirmWord: 'XÓA',
  deleteConfirmLabel: (word: string) => `Gõ ${word} để xác nhận`,
  deleteConfirmButton: 'Xóa vĩnh viễn',
  profileDeleted: 'Hồ sơ của bạn đã được xóa.',
  loggedOut: 'Bạn đã đăng xuất.',

  // Directory
  directoryTitle: 'Danh bạ trí thức',
  directoryIntro: 'Những người đã đồng ý hiển thị tên, học vị, học hàm, lĩnh vực và quốc gia.',
  searchText: 'Tìm theo tên hoặc chuyên ngành',
  field: 'Lĩnh vực',
  allFieldsOf: (group: string) => `${group} (tất cả)`,
  search: 'Tìm kiếm',
  clearFilters: 'Xóa bộ lọc',
  noFilterResults: 'Không có kết quả nào khớp với bộ lọc này. Hãy nới bộ lọc hoặc xóa bộ lọc.',
  directoryEmpty: 'Danh bạ chưa có ai.',
  directoryTotal: (n: number) => `${n.toLocaleString('vi')} người phù hợp`,
  nextPage: 'Trang sau',
  previousPage: 'Trang trước',
  pageNumber: (n: number) => `Trang ${n}`,

  // Staff
  staffLoginTitle: 'Đăng nhập cán bộ',
  staffLoginIntro:
    'Cán bộ đăng nhập tại trang đăng nhập của tỉnh (OpenID Connect); ứng dụng này không bao giờ hỏi mật khẩu.',
  staffSigningIn: 'Đang chuyển tới trang đăng nhập…',
  staffCallbackTitle: 'Đang hoàn tất đăng nhập…',
  staffCallbackFailed: 'Không đăng nhập được: yêu cầu đăng nhập không hợp lệ hoặc đã hết hạn. Hãy thử lại.',
  staffSignInUnavailable: 'Hệ thống chưa cấu hình đăng nhập cho cán bộ.',
  staffSignedOutTitle: 'Đã đăng xuất',
  staffSignInAgain: 'Đăng nhập lại',
  role: 'Vai trò',
  roleHr: 'Cán bộ nhân sự (hr)',
  roleAdmin: 'Quản trị (admin)',
  agency: 'Cơ quan',
  staffEmail: 'E-mail cán bộ',
  staffSignIn: 'Đăng nhập',
  staffNeedLogin: 'Bạn cần đăng nhập với vai trò cán bộ.',
  minDegree: 'Học vị tối thiểu',
  title: 'Học hàm',
  native: 'Người gốc tỉnh',
  language: 'Ngoại ngữ',
  engagement: 'Hình thức hợp tác',

  // Navigation between the staff console's pages
  navCalls: 'Lời mời hợp tác',

  // Shared by the new forms and lists
  reload: 'Tải lại',
  filter: 'Lọc',

  // Demands
  description: 'Mô tả',
  languageMinLevel: (n: number) => `Trình độ tối thiểu của ngôn ngữ ${n}`,
  zone: 'Địa bàn',
  headcount: 'Số người cần',
  priority: 'Mức ưu tiên',
  openUntil: 'Hạn nhận hồ sơ',
  createDemand: 'Tạo nhu cầu',
  demandCreated: 'Đã tạo nhu cầu.',

  // Matches of a demand
  rank: (n: number) => `#${n}`,
  scoreOf: (score: number) => `${score}/100 điểm`,
  reasonsCaption: (name: string) => `Vì sao ${name} phù hợp: điểm từng yếu tố`,
  colFactor: 'Yếu tố',
  colPoints: 'Điểm',
  colDetail: 'Diễn giải',
  factorName: {
    field_exact: 'Đúng lĩnh vực cần',
    field_group: 'Cùng nhóm lĩnh vực',
    degree: 'Học vị',
    title: 'Học hàm',
    experience: 'Kinh nghiệm',
    languages: 'Ngoại ngữ',
    engagement: 'Hình thức làm việc',
    native: 'Người gốc tỉnh',
    recency: 'Hồ sơ cập nhật gần đây',
  } as Record<string, string>,
  reason: {
    field_exact: (p, n) => `Làm việc trong lĩnh vực nhu cầu cần: ${n.list(p.fields.map(n.field))}`,
    field_group: (p, n) =>
      `Làm việc trong ${n.list(p.fields.map(n.field))}: cùng nhóm ${n.list(p.groups.map(n.field))}, không đúng lĩnh vực cần`,
    degree_meets: (p, n) => `${n.degree(p.degree)}: đạt học vị tối thiểu (${n.degree(p.minDegree)})`,
    degree_above: (p, n) =>
      `${n.degree(p.degree)}: cao hơn học vị tối thiểu (${n.degree(p.minDegree)}) ${p.levels} bậc`,
    title: (p, n) => (p.title === 'none' ? 'Chưa có học hàm' : `Học hàm ${n.title(p.title)}`),
    experience_no_minimum: (p) => `${p.years} năm kinh nghiệm (không yêu cầu tối thiểu)`,
    experience_meets: (p) => `${p.years} năm kinh nghiệm, đạt mức ${p.minYears} năm yêu cầu`,
    experience_short: (p) => `${p.years} năm kinh nghiệm, ít hơn ${p.minYears} năm yêu cầu`,
    languages_none_required: () => 'Không yêu cầu ngoại ngữ',
    languages_assessed: (p, n) =>
      `Ngoại ngữ: ${n.list(
        p.languages.map((l) =>
          l.level === null
            ? `chưa có ${n.language(l.code)} (yêu cầu ${n.level(l.minLevel)})`
            : l.standing === 'meets'
              ? `${n.language(l.code)} ${n.level(l.level)}, đạt yêu cầu ${n.level(l.minLevel)}`
              : l.standing === 'one_below'
                ? `${n.language(l.code)} ${n.level(l.level)}, thấp hơn yêu cầu ${n.level(l.minLevel)} một bậc`
                : `${n.language(l.code)} ${n.level(l.level)}, thấp hơn yêu cầu ${n.level(l.minLevel)}`,
        ),
      )}`,
    engagement_as_asked: (p, n) => `Sẵn sàng “${n.mode(p.wanted)}”, đúng hình thức cần`,
    engagement_partly: (p, n) =>
      `Sẵn sàng ${n.list(p.modes.map((m) => `“${n.mode(m)}”`))}, phù hợp một phần với “${n.mode(p.wanted)}”`,
    engagement_not_open: (p, n) =>
      `Chưa sẵn sàng “${n.mode(p.wanted)}”${p.modes.length ? ` (sẵn sàng: ${n.list(p.modes.map(n.mode))})` : ''}`,
    native_overseas: (p, n) =>
      `Người gốc tỉnh đang ở nước ngoài (${n.country(p.country)}): đối tượng tỉnh ưu tiên`,
    native_province: () => 'Người gốc tỉnh',
    native_not: () => 'Không phải người gốc tỉnh',
    recency_days: (p) => (p.days === 0 ? 'Hồ sơ cập nhật hôm nay' : `Hồ sơ cập nhật ${p.days} ngày trước`),
    recency_unknown: () => 'Không rõ thời điểm hồ sơ được cập nhật',
    call_fields: (p, n) =>
      p.covered.length
        ? `Đúng ${p.covered.length}/${p.of} lĩnh vực của lời mời: ${n.list(p.covered.map(n.field))}`
        : `Không đúng lĩnh vực nào trong ${p.of} lĩnh vực của lời mời`,
    call_field_groups: (p, n) =>
      `Cùng ${p.shared.length}/${p.of} nhóm lĩnh vực: ${n.list(p.shared.map(n.field))}`,
  } satisfies ReasonMessages,

  // Drafting an offer
  offerPolicies: 'Gói chính sách',
  terms: 'Vị trí, nhiệm vụ và điều khoản',
  expiresAt: 'Đề nghị có hiệu lực đến',
  packageValue: 'Giá trị gói năm đầu',
  packageValueHint: 'Trợ cấp hằng tháng được tính 12 tháng; các khoản khác tính một lần.',
  offerDrafted: 'Đã lưu bản nháp đề nghị. Kiểm tra lại rồi gửi cho chuyên gia.',

  // Offers
  offerStatusName: {
    draft: 'Nháp',
    sent: 'Đã gửi',
    accepted: 'Đã chấp nhận',
    declined: 'Đã từ chối',
    expired: 'Đã hết hạn',
    withdrawn: 'Đã rút',
  } satisfies Record<OfferStatus, string>,
  expertErased: 'Hồ sơ đã bị xóa',
  expertNotShared: 'Chuyên gia không còn chia sẻ hồ sơ',
  offerHistory: 'Lịch sử đề nghị',
  actorStaff: (agency: string, id: string) => `Cán bộ ${agency} (${id})`,
  actorStaffForExpert: (agency: string) => `Cán bộ ${agency}`,
  actorExpert: 'Chuyên gia',
  actorSystem: 'Hệ thống (tự động)',
  offerCreatedStep: (to: string) => `Tạo: ${to}`,
  legalBasis: 'Căn cứ pháp lý',
  benefits: 'Quyền lợi',

  // Policies
  createPolicy: 'Thêm chính sách',
  policyCreated: 'Đã thêm chính sách.',
  benefitKindName: {
    one_time_allowance: 'Trợ cấp một lần',
    monthly_allowance: 'Phụ cấp hằng tháng',
    housing: 'Hỗ trợ nhà ở',
    research_grant: 'Kinh phí nghiên cứu',
    relocation: 'Hỗ trợ chuyển đến',
    other: 'Khác',
  } satisfies Record<BenefitKind, string>,

  // Calls, staff side
  audience: 'Đối tượng',
  audienceName: {
    all: 'Mọi chuyên gia',
    overseas_natives: 'Trí thức người gốc tỉnh ở nước ngoài',
  } satisfies Record<CallAudience, string>,
  createCall: 'Tạo lời mời',
  callCreated: 'Đã tạo lời mời (bản nháp). Mở lời mời để gửi e-mail cho chuyên gia.',
  openCall: 'Mở lời mời',
  respondedAt: 'Phản hồi lúc',

  // Calls, public and expert side
  publicCallsTitle: 'Lời mời hợp tác của tỉnh',
  publicCallsIntro:
    'Tỉnh đặt hàng nhiệm vụ nghiên cứu, tư vấn và mời chuyên gia trong và ngoài nước đến làm việc. Bạn có thể bày tỏ quan tâm với từng lời mời đang mở.',
  noOpenCalls: 'Hiện chưa có lời mời nào đang mở.',
  callDeadline: (day: string) => `Hạn phản hồi: ${day}`,
  callNotOpen: 'Lời mời này không tồn tại hoặc đã đóng.',
  allCalls: 'Xem tất cả lời mời đang mở',
  respondTitle: 'Bày tỏ quan tâm',
  respond: 'Phản hồi lời mời',
  respondLoginIntro:
    'Để phản hồi, hãy đăng nhập bằng e-mail đã đăng ký hồ sơ. Sau khi mở liên kết trong thư, bạn sẽ quay lại lời mời này.',
  respondRegisterHint: 'Chưa có hồ sơ?',
  responseMessage: 'Lời nhắn gửi cơ quan',
  responseMessageHint: 'Tối đa 2.000 ký tự: kinh nghiệm liên quan, thời gian bạn có thể tham gia…',
  sendResponse: 'Gửi phản hồi',
  responded: (at: string) => `Bạn đã phản hồi lời mời này lúc ${at}.`,
  withdrawResponse: 'Rút phản hồi',
  responseWithdrawn: 'Đã rút phản hồi. Bạn có thể gửi lại nếu lời mời còn mở.',
  responseNeedsConsent:
    'Bạn chưa đồng ý nhận lời mời hợp tác, nên chưa phản hồi được. Hãy bật mục “nhận lời mời hợp tác” trong phần Quyền riêng tư của hồ sơ, rồi quay lại đây.',
  toConsentSettings: 'Đến phần Quyền riêng tư và sự đồng ý',
  callClosedForResponses: 'Lời mời đã đóng, không nhận phản hồi nữa.',
  alreadyResponded: 'Bạn đã phản hồi lời mời này rồi. Rút phản hồi nếu muốn gửi lời nhắn khác.',
  noResponseToWithdraw: 'Bạn không có phản hồi nào cho lời mời này.',
  needLoginToRespond:
    'Đăng nhập để phản hồi lời mời. Sau khi mở liên kết trong e-mail, bạn sẽ quay lại lời mời đó.',

  // The expert's offers and matches
  myOffersTitle: 'Đề nghị',
  myOffersIntro: 'Đề nghị các cơ quan của tỉnh gửi cho bạn. Bạn trả lời ngay tại đây.',
  noOffers: 'Bạn chưa nhận được đề nghị nào.',
  offerFrom: (agency: string) => `Từ ${agency}`,
  respondNote: 'Lời nhắn gửi cơ quan (không bắt buộc)',
  acceptOffer: 'Chấp nhận đề nghị',
  declineOffer: 'Từ chối đề nghị',
  offerAnswered: (status: string) => `Đã ghi nhận câu trả lời: ${status}.`,
  confirmAcceptTitle: 'Chấp nhận đề nghị này?',
  confirmAcceptBody: (agency: string) =>
    `${agency} sẽ nhận e-mail báo Anh/Chị đã chấp nhận và sẽ liên hệ để thống nhất các bước tiếp theo. Sau khi chấp nhận, không thể đổi câu trả lời trên trang này.`,
  offerNoLongerOpen: 'Đề nghị này không còn trả lời được (đã hết hạn, bị rút hoặc đã có câu trả lời).',
  myMatchesTitle: 'Phù hợp với bạn',
  myMatchesIntro:
    'Lời mời hợp tác và nhu cầu đang mở của các cơ quan phù hợp với hồ sơ của bạn, phù hợp nhất trước.',
  noMyMatches: 'Hiện chưa có lời mời hay nhu cầu nào phù hợp với hồ sơ của bạn.',
  matchKind: { call: 'Lời mời hợp tác', demand: 'Nhu cầu của cơ quan' } as Record<'call' | 'demand', string>,
  whyMatch: 'Vì sao phù hợp?',
  demandMatchHint: 'Cơ quan có thể gửi đề nghị cho bạn nếu bạn đồng ý chia sẻ hồ sơ với cơ quan.',

  // Validation messages of the new forms, keyed like fieldError
  callFieldError: {
    title: 'Nhập tên lời mời (tối đa 200 ký tự).',
    description: 'Nhập mô tả (tối đa 5.000 ký tự).',
    fieldCodes: 'Chọn từ 1 đến 10 lĩnh vực.',
    engagement: 'Chọn hình thức làm việc.',
    audience: 'Chọn đối tượng.',
    openUntil: 'Chọn hạn phản hồi là một ngày trong tương lai.',
    message: 'Viết lời nhắn (1–2.000 ký tự).',
  } as Record<string, string>,

  // Enumerations
  degree: { bachelor: 'Cử nhân / Kỹ sư', master: 'Thạc sĩ', doctorate: 'Tiến sĩ' } satisfies Record<
    Degree,
    string
  >,
  academicTitleName: {
    none: 'Không',
    associate_professor: 'Phó Giáo sư',
    professor: 'Giáo sư',
  } satisfies Record<AcademicTitle, string>,
  genderName: { female: 'Nữ', male: 'Nam', other: 'Khác', unspecified: 'Không muốn nêu' } satisfies Record<
    Gender,
    string
  >,
  locationKindName: {
    in_province: 'Trong tỉnh',
    in_country: 'Nơi khác trong nước',
    overseas: 'Nước ngoài',
  } satisfies Record<LocationKind, string>,
  sectorName: {
    state: 'Cơ quan nhà nước',
    university: 'Trường đại học',
    research_institute: 'Viện nghiên cứu',
    enterprise: 'Doanh nghiệp',
    fdi: 'Doanh nghiệp có vốn nước ngoài',
    ngo: 'Tổ chức phi chính phủ',
    self_employed: 'Làm việc độc lập',
    other: 'Khác',
  } satisfies Record<Sector, string>,
  languageLevelName: {
    A1: 'A1',
    A2: 'A2',
    B1: 'B1',
    B2: 'B2',
    C1: 'C1',
    C2: 'C2',
    native: 'Bản ngữ',
  } satisfies Record<LanguageLevel, string>,
  engagementName: {
    relocate: 'Chuyển về làm việc tại tỉnh',
    full_time: 'Làm việc toàn thời gian',
    part_time: 'Làm việc bán thời gian',
    remote_advisory: 'Tư vấn từ xa',
    short_visit: 'Chuyến làm việc ngắn ngày',
    project_based: 'Theo dự án, nhiệm vụ',
  } satisfies Record<EngagementMode, string>,

  // Validation messages, keyed by the field path with array indices removed
  fieldError: {
    fullName: 'Nhập họ và tên (tối đa 120 ký tự).',
    email: 'Nhập một địa chỉ e-mail hợp lệ.',
    phone: 'Số điện thoại không hợp lệ (6–20 chữ số, có thể bắt đầu bằng +).',
    birthYear: `Năm sinh phải từ 1930 đến ${maxBirthYear}.`,
    gender: 'Chọn giới tính.',
    highestDegree: 'Chọn học vị cao nhất.',
    academicTitle: 'Chọn học hàm.',
    fields: 'Chọn từ 1 đến 5 lĩnh vực, mỗi lĩnh vực một lần.',
    'fields.code': 'Chọn một lĩnh vực trong danh sách.',
    'fields.specialization': 'Chuyên ngành tối đa 200 ký tự.',
    'location.kind': 'Cho biết bạn đang ở đâu.',
    'location.country': 'Chọn quốc gia: Việt Nam nếu ở trong nước, nước khác nếu ở nước ngoài.',
    'location.city': 'Tên thành phố tối đa 100 ký tự.',
    nativeOfProvince: 'Cho biết bạn có phải người gốc tỉnh không.',
    hometown: 'Quê quán tối đa 100 ký tự.',
    'employer.name': 'Tên cơ quan tối đa 200 ký tự.',
    'employer.sector': 'Chọn khu vực.',
    yearsExperience: 'Nhập số năm kinh nghiệm (số nguyên từ 0 đến 70).',
    languages: 'Mỗi ngôn ngữ chỉ chọn một lần, tối đa 10 ngôn ngữ.',
    'languages.code': 'Chọn ngôn ngữ.',
    'languages.level': 'Chọn trình độ.',
    publications: 'Nhập số nguyên từ 0 đến 10.000.',
    patents: 'Nhập số nguyên từ 0 đến 10.000.',
    engagement: 'Chọn ít nhất một hình thức hợp tác.',
    bio: 'Phần giới thiệu tối đa 2.000 ký tự.',
    'consent.registry': 'Bạn cần đồng ý với mục đích của cơ sở dữ liệu để đăng ký.',
  } as Record<string, string>,
};

export type Messages = typeof vi;

const en: Messages = {
  appName: 'Talent Registry',
  skipToContent: 'Skip to main content',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLabel: 'Chuyển sang tiếng Việt',
  mainNav: 'Main navigation',
  navRegister: 'Register',
  navDirectory: 'Directory',
  navPublicSite: 'Public site',
  navMyProfile: 'My profile',
  navStaff: 'Staff',
  logout: 'Log out',
  logoutEverywhere: 'Log out on every device',
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  yes: 'Yes',
  no: 'No',
  any: 'Any',
  optional: '(optional)',
  lengthCounter: (n: number, max: number) => `${n}/${max} characters`,
  required: '(required)',
  notFoundTitle: 'Page not found',
  notFoundBody: 'This address is not part of the app.',
  backHome: 'Back to the home page',
  networkError: 'Could not reach the server. Check your connection and try again.',
  genericError: 'Something went wrong. Please try again later.',
  rateLimited: 'Too many attempts. Please wait a moment and try again.',
  rateLimitedUntil: (at: string, seconds: number) =>
    seconds < 120
      ? `Too many requests. Please try again in ${seconds} seconds.`
      : `Too many requests. You can try again from ${formatVietnamTime(at, 'en')}.`,
  metaError: "Could not load the province's configuration.",

  landingTitle: (province: string) => `${province} talent registry`,
  landingIntro:
    'The province keeps a database of its intellectual workforce to forecast and plan the experts it needs, to attract talent to the fields the province needs, to order research and advisory tasks, and to cooperate with natives of the province who live and work elsewhere in Vietnam or abroad.',
  landingWho:
    'If you are a scientist, an expert or a graduate — in the province, elsewhere in Vietnam or overseas — register your profile. You decide who may see it, and you can edit, download or delete your data at any time.',
  prioritiesHeading: "The province's priorities",
  targetsHeading: (year: number) => `Targets for ${year}`,
  actionRegister: 'Register',
  actionLogin: 'Log in by e-mail',
  actionStaff: 'Staff',
  actionDirectory: 'Browse the public directory',
  actionCalls: 'Open calls for collaboration: research, advisory and short-visit tasks',

  registerTitle: 'Register your profile',
  registerIntro:
    'Fields marked (required) must be filled in. After sending, you will get an e-mail to confirm.',
  sectionPersonal: 'Personal details',
  sectionExpertise: 'Degree and fields',
  sectionLocation: 'Where you live and work',
  sectionWork: 'Work and experience',
  sectionLanguages: 'Languages',
  sectionEngagement: 'Ways to work with the province',
  sectionConsent: 'Consent to processing personal data',
  consentIntro: (version: string) =>
    `Under the Personal Data Protection Law (91/2025/QH15), each purpose needs its own consent. Consent text version ${version}.`,
  fullName: 'Full name',
  email: 'E-mail',
  phone: 'Phone',
  birthYear: 'Year of birth',
  gender: 'Gender',
  highestDegree: 'Highest degree',
  academicTitle: 'Academic title',
  fieldsLegend: 'Fields of expertise (1–5)',
  fieldCode: (n: number) => `Field ${n}`,
  fieldSpecialization: (n: number) => `Specialization ${n}`,
  addField: 'Add a field',
  removeField: (n: number) => `Remove field ${n}`,
  chooseField: '— Choose a field —',
  choose: '— Choose —',
  locationKind: 'Currently living',
  country: 'Country',
  city: 'City',
  vietnam: 'Vietnam',
  nativeOfProvince: (province: string) => `Native of ${province}?`,
  hometown: 'Hometown (district/commune)',
  employerName: 'Employer',
  employerSector: 'Sector',
  leadershipPost: 'Leadership or management post (self-declared, optional)',
  leadershipPostName: {
    none: 'None',
    provincial: 'Provincial level',
    department: 'Department level',
    commune: 'Commune level',
    unit: 'Unit level',
  },
  abroadSixMonths: 'Has worked or studied abroad for 6 months or more',
  notSaid: 'Not said',
  yearsExperience: 'Years of experience',
  publications: 'Publications',
  patents: 'Patents',
  languageCode: (n: number) => `Language ${n}`,
  languageLevel: (n: number) => `Level of language ${n}`,
  addLanguage: 'Add a language',
  removeLanguage: (n: number) => `Remove language ${n}`,
  noLanguages: 'No languages yet.',
  engagementLegend: 'How would you work with the province? (choose at least one)',
  bio: 'Short bio',
  bioHint: 'Up to 2,000 characters.',
  submitRegistration: 'Send registration',
  sending: 'Sending…',
  errorSummary: (n: number) =>
    `${n} ${n === 1 ? 'thing needs' : 'things need'} fixing (choose one to go to its field):`,

  checkEmailTitle: 'Check your e-mail',
  checkEmailBody:
    'If the address is valid, we have sent you a link. Open the e-mail and follow the link to confirm and go to your profile page. The link works once and expires after 24 hours.',
  checkEmailSpam: 'No e-mail? Look in your spam folder, or ask for a new link.',
  checkEmailSentTo: 'The address you entered:',
  checkEmailWrongAddress: 'Wrong address?',
  unsubscribeTitle: 'Stop receiving collaboration calls',
  unsubscribeBody:
    'You will no longer be mailed about new collaboration calls. Your profile and your other consent choices stay as they are.',
  unsubscribeButton: 'Stop receiving collaboration calls',
  unsubscribeWorking: 'Working…',
  unsubscribeDone: 'Done: you will no longer receive collaboration calls.',
  unsubscribeAlready: 'You had already stopped receiving collaboration calls; nothing changed.',
  unsubscribeChangeLater: 'Changed your mind? Turn it back on in the consent section of your profile.',
  unsubscribeInvalid:
    'This link is not valid or has expired. You can change whether you receive calls in your profile.',
  footerPrivacy: 'Privacy notice',
  privacyTitle: 'Privacy notice',
  privacyIntro: (province: string) =>
    `The register of intellectuals of ${province} is kept by the provincial Department of Home Affairs, under the Law on Personal Data Protection No. 91/2025/QH15. This notice says what is kept, for what, who may see it and what your rights are.`,
  privacyWhatTitle: 'What is kept',
  privacyWhat:
    'What you enter in your profile: name, e-mail, phone (if given), birth year and gender (if given), degree, academic title, fields, where you live and work, languages, how you would work with the province; and the history of your consent choices.',
  privacyPurposesTitle: 'Purposes and your consent',
  privacyWhoTitle: 'Who may see it',
  privacyWho:
    "HR officers of the province's agencies see your profile only if you allow it; every time they read a full profile or export data it is logged. The public directory shows only name, degree, title, fields and country, and only if you choose.",
  privacyRightsTitle: 'Your rights',
  privacyRights:
    'See and download all your data, edit your profile, withdraw each consent at any time (it takes effect at once), and delete your profile: it is removed from the database at once; backups expire by themselves after 35 days.',
  privacyMyData: 'My data',
  loginTitle: 'Log in by e-mail',
  loginIntro: 'Enter the e-mail you registered with. We will send you a login link.',
  sendLoginLink: 'Send me a login link',
  signingIn: 'Signing you in…',
  linkInvalid: 'This login link has already been used or has expired.',
  requestNewLink: 'Ask for a new link',
  linkExpiredTitle: 'This link has expired',
  linkExpiredBody:
    'The link in the mail has expired. We can send a new link to the same e-mail address that got the mail, opening this same page.',
  renewLink: 'Send a new link to the same address',
  linkRenewed:
    'If this link could still be renewed, a new link has been sent to the e-mail address that got the mail. Check your inbox.',
  linkExpiredOther: 'Or log in with another e-mail address:',
  myOfferTitle: 'An offer to me',
  offerNotFound: 'This offer is not among the offers sent to you.',
  allMyOffers: 'All my offers and my profile',
  emailChangeTitle: 'Change e-mail',
  emailChangeIntro:
    'We send a confirmation link to the new address, and a notice to the current one. The address changes only when the link in the mail to the new address is opened.',
  newEmail: 'New e-mail address',
  emailChangeSubmit: 'Send the confirmation link',
  emailChangeSent: (email: string) =>
    `A confirmation link was sent to ${email} (valid for 24 hours). Your profile's address stays as it is until the link is opened.`,
  emailChangeSame: 'This is already the e-mail address of your profile.',
  emailConfirmTitle: 'Confirm your new e-mail address',
  emailConfirmBody: 'Press the button below to use this e-mail address for your profile.',
  emailConfirmButton: 'Confirm the new address',
  emailConfirmWorking: 'Confirming…',
  emailConfirmDone: (email: string) => `Done: from now on the register mails ${email}.`,
  emailConfirmInvalid:
    'This confirmation link is not valid, already used or expired. Ask for the change again from your profile.',
  emailConfirmTaken: 'This address belongs to another profile; your address has not changed.',
  sessionExpired: 'Your session has expired. Please log in again.',
  needLogin: 'You need to log in to see this page.',

  meTitle: 'My profile',
  statusLabel: 'Status',
  status: { pending_verification: 'Awaiting e-mail confirmation', active: 'Active', withdrawn: 'Withdrawn' },
  lastUpdated: 'Last updated',
  editProfile: 'Edit profile',
  editProfileTitle: 'Edit profile',
  saveChanges: 'Save changes',
  cancel: 'Cancel',
  saved: 'Changes saved.',
  nothingChanged: 'You have not changed anything.',
  cannotClear: 'This field cannot be emptied once filled in.',
  versionMismatch: 'The profile changed elsewhere. Reload it, then make your changes again.',
  reloadProfile: 'Reload the profile',
  consentTitle: 'Privacy and consent',
  consentRegistryGiven: (at: string) =>
    `You consented to the registry's purpose when you registered, on ${at}.`,
  consentChoicesChanged: (at: string) => `The choices below were last changed on ${at}.`,
  consentSaved: 'Consent updated.',
  myDataTitle: 'My data',
  myDataPageTitle: 'The data the registry holds about me',
  myDataPageIntro: (at: string) =>
    `Everything the registry holds about you, as of ${at}. You can print this page or save it as a PDF.`,
  print: 'Print / Save as PDF',
  backToProfile: 'Back to my profile',
  myDataReadable: 'Readable version (printable)',
  myDataProfile: 'Profile',
  myDataConsentHistory: 'Consent history',
  myDataWhen: 'When',
  myDataTextVersion: 'Text version',
  myDataProfileViews: 'Agencies that read your full profile',
  myDataAdministrator: "The province's administrator",
  myDataOffers: 'Offers sent to you',
  myDataOfferUntil: (at: string) => `open until ${at}`,
  myDataCallResponses: 'Your responses to collaboration calls',
  myDataCall: 'Call',
  myDataNone: 'None.',
  consentPurposeName: {
    registry: "The registry's purpose",
    shareWithAgencies: 'Shared with agencies',
    collaborationCalls: 'Collaboration calls',
    publicDirectory: 'Listed in the public directory',
  },
  myDataIntro:
    'You can download everything we hold about you (profile, consent history, offers, and which agencies viewed your profile), or delete your profile.',
  exportData: 'Download my data (JSON)',
  exported: 'Data downloaded.',
  deleteProfile: 'Delete my profile',
  deleteDialogTitle: 'Delete your profile for good?',
  deleteDialogBody:
    'Your personal data is erased at once and cannot be recovered. Offers and the audit log keep only a record without personal data.',
  deleteConfirmWord: 'DELETE',
  deleteConfirmLabel: (word: string) => `Type ${word} to confirm`,
  deleteConfirmButton: 'Delete for good',
  profileDeleted: 'Your profile has been deleted.',
  loggedOut: 'You have logged out.',

  directoryTitle: 'Directory of experts',
  directoryIntro: 'People who agreed to show their name, degree, title, fields and country.',
  searchText: 'Search by name or specialization',
  field: 'Field',
  allFieldsOf: (group: string) => `${group} (all)`,
  search: 'Search',
  clearFilters: 'Clear filters',
  noFilterResults: 'Nothing matches these filters. Widen them or clear them.',
  directoryEmpty: 'No one is listed in the directory yet.',
  directoryTotal: (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'person matches' : 'people match'}`,
  nextPage: 'Next page',
  previousPage: 'Previous page',
  pageNumber: (n: number) => `Page ${n}`,

  staffLoginTitle: 'Staff sign-in',
  staffLoginIntro:
    "Staff sign in on the province's sign-in page (OpenID Connect); this app never asks for a password.",
  staffSigningIn: 'Taking you to the sign-in page…',
  staffCallbackTitle: 'Finishing sign-in…',
  staffCallbackFailed: 'Sign-in failed: the sign-in request is not valid or has expired. Try again.',
  staffSignInUnavailable: 'Staff sign-in is not configured on this deployment.',
  staffSignedOutTitle: 'Signed out',
  staffSignInAgain: 'Sign in again',
  role: 'Role',
  roleHr: 'HR officer (hr)',
  roleAdmin: 'Administrator (admin)',
  agency: 'Agency',
  staffEmail: 'Staff e-mail',
  staffSignIn: 'Sign in',
  staffNeedLogin: 'You need to sign in as staff.',
  minDegree: 'Minimum degree',
  title: 'Academic title',
  native: 'Native of the province',
  language: 'Language',
  engagement: 'Engagement',

  navCalls: 'Calls for collaboration',

  reload: 'Reload',
  filter: 'Filter',

  description: 'Description',
  languageMinLevel: (n: number) => `Minimum level of language ${n}`,
  zone: 'Zone',
  headcount: 'Headcount',
  priority: 'Priority',
  openUntil: 'Open until',
  createDemand: 'Create demand',
  demandCreated: 'Demand created.',

  rank: (n: number) => `#${n}`,
  scoreOf: (score: number) => `${score}/100 points`,
  reasonsCaption: (name: string) => `Why ${name} matches: points per factor`,
  colFactor: 'Factor',
  colPoints: 'Points',
  colDetail: 'Detail',
  factorName: {
    field_exact: 'Field asked for',
    field_group: 'Same field group',
    degree: 'Degree',
    title: 'Academic title',
    experience: 'Experience',
    languages: 'Languages',
    engagement: 'Engagement',
    native: 'Native of the province',
    recency: 'Recently updated profile',
  },
  reason: {
    field_exact: (p, n) => `Works in a field the demand asks for: ${n.list(p.fields.map(n.field))}`,
    field_group: (p, n) =>
      `Works in ${n.list(p.fields.map(n.field))}: the same group (${n.list(p.groups.map(n.field))}), not the exact field`,
    degree_meets: (p, n) => `${n.degree(p.degree)}: meets the minimum degree (${n.degree(p.minDegree)})`,
    degree_above: (p, n) =>
      `${n.degree(p.degree)}: ${p.levels} level${p.levels === 1 ? '' : 's'} above the minimum degree (${n.degree(p.minDegree)})`,
    title: (p, n) => (p.title === 'none' ? 'No academic title' : `Academic title: ${n.title(p.title)}`),
    experience_no_minimum: (p) => `${p.years} years of experience (no minimum asked)`,
    experience_meets: (p) => `${p.years} years of experience, at least the ${p.minYears} asked for`,
    experience_short: (p) => `${p.years} years of experience, fewer than the ${p.minYears} asked for`,
    languages_none_required: () => 'No language is required',
    languages_assessed: (p, n) =>
      `Languages: ${n.list(
        p.languages.map((l) =>
          l.level === null
            ? `no ${n.language(l.code)} (${n.level(l.minLevel)} asked)`
            : l.standing === 'meets'
              ? `${n.language(l.code)} ${n.level(l.level)} meets ${n.level(l.minLevel)}`
              : l.standing === 'one_below'
                ? `${n.language(l.code)} ${n.level(l.level)}, one level below ${n.level(l.minLevel)}`
                : `${n.language(l.code)} ${n.level(l.level)}, below ${n.level(l.minLevel)}`,
        ),
      )}`,
    engagement_as_asked: (p, n) => `Open to “${n.mode(p.wanted)}”, as asked`,
    engagement_partly: (p, n) =>
      `Open to ${n.list(p.modes.map((m) => `“${n.mode(m)}”`))}, which partly fits “${n.mode(p.wanted)}”`,
    engagement_not_open: (p, n) =>
      `Not open to “${n.mode(p.wanted)}”${p.modes.length ? ` (open to: ${n.list(p.modes.map(n.mode))})` : ''}`,
    native_overseas: (p, n) =>
      `Native of the province living overseas (${n.country(p.country)}): a province priority`,
    native_province: () => 'Native of the province',
    native_not: () => 'Not a native of the province',
    recency_days: (p) =>
      p.days === 0 ? 'Profile updated today' : `Profile updated ${p.days} day${p.days === 1 ? '' : 's'} ago`,
    recency_unknown: () => 'Profile update time unknown',
    call_fields: (p, n) =>
      p.covered.length
        ? `${p.covered.length} of the call's ${p.of} fields: ${n.list(p.covered.map(n.field))}`
        : `None of the call's ${p.of} fields`,
    call_field_groups: (p, n) =>
      `${p.shared.length} of ${p.of} field groups: ${n.list(p.shared.map(n.field))}`,
  } satisfies ReasonMessages,

  offerPolicies: 'Policy package',
  terms: 'Position, task and terms',
  expiresAt: 'Offer open until',
  packageValue: 'First-year package value',
  packageValueHint: 'Monthly allowances count twelve times; other benefits once.',
  offerDrafted: 'Offer saved as a draft. Check it, then send it to the expert.',

  offerStatusName: {
    draft: 'Draft',
    sent: 'Sent',
    accepted: 'Accepted',
    declined: 'Declined',
    expired: 'Expired',
    withdrawn: 'Withdrawn',
  },
  expertErased: 'Profile deleted',
  expertNotShared: 'The expert no longer shares the profile',
  offerHistory: 'History of the offer',
  actorStaff: (agency: string, id: string) => `Staff of ${agency} (${id})`,
  actorStaffForExpert: (agency: string) => `Staff of ${agency}`,
  actorExpert: 'Expert',
  actorSystem: 'System (automatic)',
  offerCreatedStep: (to: string) => `Created: ${to}`,
  legalBasis: 'Legal basis',
  benefits: 'Benefits',

  createPolicy: 'Add policy',
  policyCreated: 'Policy added.',
  benefitKindName: {
    one_time_allowance: 'One-time allowance',
    monthly_allowance: 'Monthly allowance',
    housing: 'Housing',
    research_grant: 'Research grant',
    relocation: 'Relocation support',
    other: 'Other',
  },

  audience: 'Audience',
  audienceName: { all: 'All experts', overseas_natives: 'Natives of the province living overseas' },
  createCall: 'Create call',
  callCreated: 'Call created as a draft. Open it to mail the experts.',
  openCall: 'Open call',
  respondedAt: 'Responded at',

  publicCallsTitle: "The province's calls for collaboration",
  publicCallsIntro:
    'The province orders research and advisory tasks and invites experts from home and abroad to work with it. You can express interest in each open call.',
  noOpenCalls: 'No call is open at the moment.',
  callDeadline: (day: string) => `Respond by ${day}`,
  callNotOpen: 'This call does not exist or is closed.',
  allCalls: 'See all open calls',
  respondTitle: 'Express interest',
  respond: 'Respond to this call',
  respondLoginIntro:
    'To respond, log in with the e-mail of your profile. Once you open the link in the mail, you come back to this call.',
  respondRegisterHint: 'No profile yet?',
  responseMessage: 'Message to the agency',
  responseMessageHint: 'Up to 2,000 characters: relevant experience, when you could take part…',
  sendResponse: 'Send response',
  responded: (at: string) => `You responded to this call on ${at}.`,
  withdrawResponse: 'Withdraw my response',
  responseWithdrawn: 'Response withdrawn. You can respond again while the call is open.',
  responseNeedsConsent:
    'You have not opted in to collaboration calls, so you cannot respond yet. Turn on “receive collaboration calls” under Privacy in your profile, then come back.',
  toConsentSettings: 'Go to Privacy and consent',
  callClosedForResponses: 'This call is closed and takes no more responses.',
  alreadyResponded:
    'You have already responded to this call. Withdraw your response to send another message.',
  noResponseToWithdraw: 'You have no response to this call.',
  needLoginToRespond:
    'Log in to respond to the call. Once you open the link in the mail, you come back to it.',

  myOffersTitle: 'Offers',
  myOffersIntro: "Offers the province's agencies have sent you. You answer them here.",
  noOffers: 'You have not received any offer.',
  offerFrom: (agency: string) => `From ${agency}`,
  respondNote: 'Note to the agency (optional)',
  acceptOffer: 'Accept offer',
  declineOffer: 'Decline offer',
  offerAnswered: (status: string) => `Your answer is recorded: ${status}.`,
  confirmAcceptTitle: 'Accept this offer?',
  confirmAcceptBody: (agency: string) =>
    `${agency} will get an e-mail that you accepted and will contact you about the next steps. Once accepted, the answer cannot be changed on this page.`,
  offerNoLongerOpen: 'This offer can no longer be answered (it expired, was withdrawn or already answered).',
  myMatchesTitle: 'Matches for you',
  myMatchesIntro: "Open calls and agencies' open demands that fit your profile, best first.",
  noMyMatches: 'No open call or demand fits your profile at the moment.',
  matchKind: { call: 'Call for collaboration', demand: "An agency's demand" },
  whyMatch: 'Why does it match?',
  demandMatchHint: 'Agencies can send you an offer if you share your profile with them.',

  callFieldError: {
    title: 'Enter a title (up to 200 characters).',
    description: 'Enter a description (up to 5,000 characters).',
    fieldCodes: 'Choose 1 to 10 fields.',
    engagement: 'Choose the engagement.',
    audience: 'Choose the audience.',
    openUntil: 'Choose a closing day in the future.',
    message: 'Write a message (1–2,000 characters).',
  },

  degree: { bachelor: 'Bachelor / Engineer', master: 'Master', doctorate: 'Doctorate' },
  academicTitleName: { none: 'None', associate_professor: 'Associate professor', professor: 'Professor' },
  genderName: { female: 'Female', male: 'Male', other: 'Other', unspecified: 'Prefer not to say' },
  locationKindName: {
    in_province: 'In the province',
    in_country: 'Elsewhere in Vietnam',
    overseas: 'Overseas',
  },
  sectorName: {
    state: 'Government',
    university: 'University',
    research_institute: 'Research institute',
    enterprise: 'Enterprise',
    fdi: 'Foreign-invested enterprise',
    ngo: 'Non-governmental organisation',
    self_employed: 'Self-employed',
    other: 'Other',
  },
  languageLevelName: { A1: 'A1', A2: 'A2', B1: 'B1', B2: 'B2', C1: 'C1', C2: 'C2', native: 'Native' },
  engagementName: {
    relocate: 'Relocate to the province',
    full_time: 'Full-time work',
    part_time: 'Part-time work',
    remote_advisory: 'Remote advisory',
    short_visit: 'Short visit',
    project_based: 'Project-based tasks',
  },

  fieldError: {
    fullName: 'Enter your full name (up to 120 characters).',
    email: 'Enter a valid e-mail address.',
    phone: 'Not a valid phone number (6–20 digits, may start with +).',
    birthYear: `Year of birth must be between 1930 and ${maxBirthYear}.`,
    gender: 'Choose a gender.',
    highestDegree: 'Choose your highest degree.',
    academicTitle: 'Choose an academic title.',
    fields: 'Choose 1 to 5 fields, each once.',
    'fields.code': 'Choose a field from the list.',
    'fields.specialization': 'Up to 200 characters.',
    'location.kind': 'Tell us where you live.',
    'location.country': 'Choose the country: Vietnam if you live in Vietnam, another country if overseas.',
    'location.city': 'Up to 100 characters.',
    nativeOfProvince: 'Tell us whether you are a native of the province.',
    hometown: 'Up to 100 characters.',
    'employer.name': 'Up to 200 characters.',
    'employer.sector': 'Choose a sector.',
    yearsExperience: 'Enter your years of experience (a whole number from 0 to 70).',
    languages: 'Choose each language once, up to 10.',
    'languages.code': 'Choose a language.',
    'languages.level': 'Choose a level.',
    publications: 'Enter a whole number from 0 to 10,000.',
    patents: 'Enter a whole number from 0 to 10,000.',
    engagement: 'Choose at least one way of working with the province.',
    bio: 'Up to 2,000 characters.',
    'consent.registry': "You need to consent to the registry's purpose to register.",
  },
};

const dictionaries: Record<Lang, Messages> = { vi, en };
const storageKey = 'talentRegistry.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export interface I18n {
  lang: Lang;
  t: Messages;
  toggleLang: () => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(storageKey, lang);
    } catch {
      // Private browsing may forbid storage; the choice then lasts for this page only.
    }
  }, [lang]);

  const toggleLang = useCallback(() => setLang((current) => (current === 'vi' ? 'en' : 'vi')), []);
  const value = useMemo(() => ({ lang, t: dictionaries[lang], toggleLang }), [lang, toggleLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** A {vi, en} pair from the API (taxonomy, zones, agencies) in the current language. */
export const localized = (name: { vi: string; en: string }, lang: Lang): string => name[lang];
