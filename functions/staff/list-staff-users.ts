import { listStaffUsers } from '#shared/app/staff-users';
import { staffUserListQuerySchema } from '#shared/domain/staff-user';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/staff/users', { query: staffUserListQuerySchema }, ({ query }) =>
  listStaffUsers(query),
);
