import { markStaffNoticesSeen } from '#shared/app/staff-notices';
import { staffNoticesSeenSchema } from '#shared/domain/staff-notice';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler(
  'POST /api/staff/notices/seen',
  { body: staffNoticesSeenSchema },
  ({ body, principal }) => markStaffNoticesSeen(requireStaff(principal), body.upTo),
);
