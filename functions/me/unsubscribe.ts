import { unsubscribeFromCalls } from '#shared/app/unsubscribe';
import { unsubscribeQuerySchema } from '#shared/domain/session';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'POST /api/unsubscribe',
  { query: unsubscribeQuerySchema, oneClickBody: true },
  ({ query }) => unsubscribeFromCalls(query.token, new Date()),
);
