import { exportExpertData } from '#shared/app/expert-access';
import { expertRoute } from '#shared/http/expert-route';

export const handler = expertRoute('GET /api/me/export', {}, ({ expertId }) =>
  exportExpertData(expertId, new Date()),
);
