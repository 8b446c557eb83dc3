import { updateStaffUser } from '#shared/app/staff-users';
import { staffUserPatchSchema } from '#shared/domain/staff-user';
import { httpHandler, ifMatchVersion, requireStaff } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler(
  'PATCH /api/staff/users/{id}',
  { body: staffUserPatchSchema },
  async ({ params, body, headers, principal }) =>
    withVersion(
      await updateStaffUser(
        params.id ?? '',
        body,
        ifMatchVersion(headers),
        requireStaff(principal),
        new Date(),
      ),
    ),
);
