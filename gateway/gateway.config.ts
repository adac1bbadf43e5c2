// Hive Gateway configuration (found by file name: gateway.config.ts).
// Limits are set explicitly here: the CLI has no flags for them (see STACK-NOTES).
import { defineConfig } from '@graphql-hive/gateway';
import { LIMITS, securityPlugin } from './security.ts';

const env = process.env;

export const gatewayConfig = defineConfig({
  supergraph: env.SHENGUAN_SUPERGRAPH ?? './supergraph.graphql',
  // Hive Gateway binds 0.0.0.0 by default; the embedded product stays on loopback.
  host: env.SHENGUAN_HOST ?? '127.0.0.1',
  port: Number(env.SHENGUAN_GATEWAY_PORT ?? 4000),
  graphiql: env.SHENGUAN_ENV !== 'production',
  // Identity travels to every subgraph, which verifies the session or key itself: the
  // bearer token of connected systems and the browser's session cookie. The access
  // subgraph's Set-Cookie (sign-in, department switch, sign-out) goes back to the browser,
  // which is served on the gateway's origin (SameSite=Strict).
  propagateHeaders: {
    fromClientToSubgraphs({ request, context }) {
      const headers: Record<string, string> = {};
      const authorization = request.headers.get('authorization');
      if (authorization) headers.authorization = authorization;
      const cookie = request.headers.get('cookie');
      if (cookie) headers.cookie = cookie;
      // The audit trail records the client's address: the socket's, never a header the
      // client sent (which it could forge).
      const remote = (context as { req?: { socket?: { remoteAddress?: string } } }).req?.socket
        ?.remoteAddress;
      if (remote) headers['x-forwarded-for'] = remote.replace(/^::ffff:/, '');
      return headers;
    },
    fromSubgraphsToClient({ response }) {
      const cookies = response.headers.getSetCookie?.() ?? [];
      return cookies.length ? { 'set-cookie': cookies } : {};
    },
  },
  transportEntries: {
    '*.http': {
      options: {
        subscriptions: {
          kind: 'ws',
          location: '/graphql',
          // The browser's session cookie too: subscriptions from the SPA carry no bearer token.
          headers: [
            ['authorization', '{context.headers.authorization}'],
            ['cookie', '{context.headers.cookie}'],
          ],
          options: { connectionParams: { authorization: '{context.headers.authorization}' } },
        },
      },
    },
  },
  // --- Hardening (issue #10): every limit explicit, same numbers as api/core/limits.py. ---
  // The built-in GraphQL Armor limits; their value-revealing messages are replaced by
  // security.ts, which also enforces aliases, directives, document size, root fields,
  // cost and `first:`, the body limit, the CSRF content-type rule and security headers.
  maxDepth: LIMITS.depth,
  maxTokens: LIMITS.tokens,
  blockFieldSuggestions: env.SHENGUAN_ENV === 'production',
  disableIntrospection: env.SHENGUAN_ENV === 'production' ? { disableIf: () => true } : undefined,
  batching: false,
  maskedErrors: { isDev: false },
  requestDeadline: LIMITS.requestMs,
  upstreamTimeout: LIMITS.requestMs,
  requestId: true,
  multipart: false,
  plugins: () => [securityPlugin({ production: env.SHENGUAN_ENV === 'production' })],
  // --- end of hardening ---
  logging: env.SHENGUAN_GATEWAY_LOG ?? 'info',
});
