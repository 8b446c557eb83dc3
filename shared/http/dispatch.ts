/**
 * One Lambda function serves a group of routes (shared/routes.ts `group`): API Gateway names the
 * matched route in `event.routeKey`, and the dispatcher hands the event to that route's own
 * handler module, exactly as the local server does route by route.
 *
 * Route modules load on first use (esbuild keeps `import()` of a bundled module lazy), so a cold
 * request builds only its own route's schemas and middleware, not the whole group's.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { errorResponse } from './responses.ts';

export type RouteHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export type RouteModules = Readonly<Record<string, () => Promise<{ handler: RouteHandler }>>>;

export interface RouteDispatcher {
  handler: RouteHandler;
  /** The route's handler, loading its module on first use (the cold-start benchmark times this). */
  loadRoute(routeKey: string): Promise<RouteHandler | undefined>;
}

export function routeDispatcher(modules: RouteModules): RouteDispatcher {
  const loaded = new Map<string, Promise<RouteHandler>>();
  const loadRoute = (routeKey: string): Promise<RouteHandler | undefined> => {
    const load = Object.hasOwn(modules, routeKey) ? modules[routeKey] : undefined;
    if (!load) return Promise.resolve(undefined);
    let handler = loaded.get(routeKey);
    if (!handler) {
      handler = load().then((module) => module.handler);
      loaded.set(routeKey, handler);
    }
    return handler;
  };
  return {
    loadRoute,
    handler: async (event, context) => {
      const handler = await loadRoute(event.routeKey);
      // API Gateway sends only the routes the stack attached to this function; anything else is
      // a wiring mistake, answered like an unknown route rather than with a 5xx.
      if (!handler) return errorResponse(404, 'not_found', 'No such route');
      return handler(event, context);
    },
  };
}
