import { listStaffNotices } from '#shared/app/staff-notices';
import { staffNoticesQuerySchema } from '#shared/domain/staff-notice';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/staff/notices',
  { query: staffNoticesQuerySchema },
  ({ query, principal }) => listStaffNotices(requireStaff(principal), query),
);
