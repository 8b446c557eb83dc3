/** httpHandler for routes an expert reaches with a session token (from POST /api/me/session). */
import type * as z from 'zod/mini';
import { verifyExpertSession } from '../app/sessions.ts';
import { type HttpRequest, httpHandler, type RouteOptions } from './handler.ts';

type Infer<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

export function expertRoute<
  BS extends z.ZodMiniType | undefined = undefined,
  QS extends z.ZodMiniType | undefined = undefined,
>(
  routeKey: string,
  options: Omit<RouteOptions<BS, QS>, 'verifyExpertSession'>,
  fn: (request: HttpRequest<Infer<BS>, Infer<QS>> & { expertId: string }) => Promise<unknown>,
) {
  return httpHandler<BS, QS>(routeKey, { ...options, verifyExpertSession }, (request) => {
    const expertId = request.principal.kind === 'expert' ? request.principal.expertId : '';
    return fn({ ...request, expertId });
  });
}
