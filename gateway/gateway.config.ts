// Hive Gateway configuration (found by file name: gateway.config.ts).
// Limits are set explicitly here: the CLI has no flags for them (see STACK-NOTES).
import { defineConfig } from '@graphql-hive/gateway';

const env = process.env;

export const gatewayConfig = defineConfig({
  supergraph: env.SHENGUAN_SUPERGRAPH ?? './supergraph.graphql',
  // Hive Gateway binds 0.0.0.0 by default; the embedded product stays on loopback.
  host: env.SHENGUAN_HOST ?? '127.0.0.1',
  port: Number(env.SHENGUAN_GATEWAY_PORT ?? 4000),
  graphiql: env.SHENGUAN_ENV !== 'production',
  // Identity travels to every subgraph, which verifies the token itself.
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  transportEntries: {
    '*.http': {
      options: {
        subscriptions: {
          kind: 'ws',
          location: '/graphql',
          headers: [['authorization', '{context.headers.authorization}']],
          options: { connectionParams: { authorization: '{context.headers.authorization}' } },
        },
      },
    },
  },
  maxDepth: 10,
  maxTokens: 2000,
  blockFieldSuggestions: env.SHENGUAN_ENV === 'production',
  disableIntrospection: env.SHENGUAN_ENV === 'production' ? { disableIf: () => true } : undefined,
  logging: env.SHENGUAN_GATEWAY_LOG ?? 'info',
});
