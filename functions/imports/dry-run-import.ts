import { requestDryRun } from '#shared/app/imports';
import { dryRunSchema } from '#shared/domain/imports';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { accepted } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/imports/{id}/dry-run',
  { body: dryRunSchema },
  async ({ body, params, principal }) =>
    accepted(await requestDryRun(params.id ?? '', body, requireStaff(principal), new Date())),
);
