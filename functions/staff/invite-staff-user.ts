import { inviteStaffUser } from '#shared/app/staff-users';
import { staffUserInviteSchema } from '#shared/domain/staff-user';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { created } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/staff/users',
  { body: staffUserInviteSchema },
  async ({ body, principal }) => {
    const user = await inviteStaffUser(body, requireStaff(principal), new Date());
    return created(user, user.version);
  },
);
