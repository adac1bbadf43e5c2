// Hive Gateway configuration, served by gateway/serve.mjs (the `hive-gateway` CLI finds it
// by file name too). Limits are set explicitly here: the CLI has no flags for them (see
// STACK-NOTES). Only types come from @graphql-hive/gateway: its module imports the CLI, and
// with it the GraphiQL/Laboratory bundle that serve.mjs loads only when GraphiQL is opened.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { GatewayCLIConfig, GatewayPlugin } from '@graphql-hive/gateway';
import { getOperationAST } from 'graphql';
import { register as metricsRegistry } from 'prom-client';
import { useSubgraphPools } from './balance.ts';
import { LIMITS, securityPlugin } from './security.ts';
import { ASSERTION_HEADER, externalKeys, gatewayKey, subgraphTrust } from './subgraph-trust.ts';
import { trustedDocuments } from './trusted.ts';

const env = process.env;
const production = env.SHENGUAN_ENV === 'production';

// Trusted documents (gateway/trusted.ts): the web app's persisted operations, by hash, from
// the manifest its codegen writes; free-form documents in production only from connected
// systems, introspection and GraphiQL only for holders of `schema, introspect`.
// Subgraphs answer only calls the gateway signed (subgraph-trust.ts): each client request is
// authenticated once, and every subgraph call carries a short-lived assertion of the caller.
// External subgraphs (gateway/external/subgraphs.json) are signed with a key each.
const signingKey = gatewayKey(env);
const trust = subgraphTrust({
  key: signingKey,
  supergraphPath: env.SHENGUAN_SUPERGRAPH ?? './supergraph.graphql',
  log: (message) => console.warn(message),
  external: externalKeys(env.SHENGUAN_EXTERNAL_SUBGRAPHS ?? './external/subgraphs.json', env, signingKey),
});
const trusted = trustedDocuments({
  production,
  manifestPath:
    env.SHENGUAN_PERSISTED_DOCUMENTS ?? resolve('..', 'web', 'src', 'graphql', 'persisted-documents.json'),
  callerOf: trust.callerOf,
  log: (message) => console.warn(message),
});

// The built SPA (web/dist), served on the gateway's own origin so the browser talks to
// /graphql without CORS. Files are served as they are; any other GET that asks for HTML
// (a client route such as /matters/12) gets index.html, and `/` is the app for every client
// (a probe or `curl` without `Accept: text/html` too; probes use /healthcheck). The GraphQL
// endpoint and the health checks are never shadowed.
const GATEWAY_PATHS = new Set(['/graphql', '/healthcheck', '/readiness']);
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// index.html carries the placeholder Vite writes for `html.cspNonce` (web/vite.config.ts);
// each response gets a fresh nonce and a policy that allows only the app's own scripts and
// styles plus <style> elements bearing that nonce (Ant Design's CSS-in-JS injects them).
const NONCE_PLACEHOLDER = 'SG_CSP_NONCE';
export function spaContentSecurityPolicy(nonce: string): string {
  return (
    "default-src 'none'; script-src 'self'; " +
    `style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; font-src 'self'; ` +
    "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
    "form-action 'self'; frame-ancestors 'none'"
  );
}

function useSinglePageApp(distDir: string): GatewayPlugin {
  const root = resolve(distDir);
  // The nonce of each index.html response, for onResponse (which runs after the security
  // plugin's and replaces its policy for this one document).
  const nonces = new WeakMap<Request, string>();
  async function fileAt(pathname: string): Promise<string | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    const candidate = resolve(join(root, decoded));
    if (candidate !== root && !candidate.startsWith(root + sep)) return null; // no escaping the folder
    try {
      return (await stat(candidate)).isFile() ? candidate : null;
    } catch {
      return null;
    }
  }
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = url.pathname;
      if (GATEWAY_PATHS.has(path) || path.startsWith('/graphql/')) return;
      let file = path === '/' ? null : await fileAt(path);
      const isAsset = file !== null;
      if (file === null) {
        // Client routes fall back to the app; a missing asset stays a 404.
        const wantsHtml = (request.headers.get('accept') ?? '').includes('text/html');
        if (extname(path) !== '' || (!wantsHtml && path !== '/')) {
          if (path.startsWith('/assets/')) endResponse(new fetchAPI.Response('Not Found', { status: 404 }));
          return;
        }
        file = join(root, 'index.html');
      }
      let body: Buffer | string = await readFile(file);
      if (extname(file) === '.html') {
        const nonce = randomBytes(18).toString('base64');
        body = body.toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce);
        nonces.set(request, nonce);
      }
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        // Hashed build assets never change; index.html must be revalidated on every load.
        'cache-control':
          isAsset && path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }));
    },
    onResponse({ request, response }) {
      const nonce = nonces.get(request);
      if (nonce) response.headers.set('content-security-policy', spaContentSecurityPolicy(nonce));
    },
  };
}

// Prometheus metrics (Hive Gateway's prometheus plugin, @graphql-mesh/plugin-prometheus):
// never on the public port. With SHENGUAN_GATEWAY_METRICS_PORT set, a second listener on
// SHENGUAN_METRICS_HOST (default loopback) answers GET /metrics, and only with
// `Authorization: Bearer $SHENGUAN_METRICS_TOKEN` when that is set (docs/OPERATIONS.md).
const metricsPort = Number(env.SHENGUAN_GATEWAY_METRICS_PORT ?? 0);
function scrapeAllowed(authorization: string | undefined): boolean {
  const token = env.SHENGUAN_METRICS_TOKEN;
  if (!token) return true;
  const given = Buffer.from(authorization ?? '');
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
if (metricsPort > 0) {
  const server = createServer((req, res) => {
    if ((req.url ?? '').split('?')[0] !== '/metrics' || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    if (!scrapeAllowed(req.headers.authorization)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(metricsPort, env.SHENGUAN_METRICS_HOST ?? '127.0.0.1');
  server.unref(); // never keeps the gateway alive on shutdown
}

export const gatewayConfig: GatewayCLIConfig = {
  supergraph: env.SHENGUAN_SUPERGRAPH ?? './supergraph.graphql',
  // Hive Gateway binds 0.0.0.0 by default; the embedded product stays on loopback.
  host: env.SHENGUAN_HOST ?? '127.0.0.1',
  port: Number(env.SHENGUAN_GATEWAY_PORT ?? 4000),
  graphiql: trusted.graphiql,
  persistedDocuments: trusted.persistedDocuments,
  // Identity travels to subgraphs only as the signed assertion (subgraph-trust.ts); the
  // client's token and cookie stay here. The access subgraph's Set-Cookie (sign-in,
  // department switch, sign-out) goes back to the browser, which is served on the
  // gateway's origin (SameSite=Strict).
  propagateHeaders: {
    fromClientToSubgraphs({ context }) {
      const headers: Record<string, string> = {};
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
          // The upgrade request's assertion of the caller (set by subgraph-trust.ts).
          headers: [[ASSERTION_HEADER, '{context.sgAssertion}']],
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
  blockFieldSuggestions: production,
  disableIntrospection: trusted.disableIntrospection,
  batching: false,
  maskedErrors: { isDev: false },
  // No requestDeadline: it would end every subscription (the live inbox) after 30 s, and
  // aborting many open streams crashed the gateway (unhandled TimeoutError). Queries are
  // bounded by upstreamTimeout here and by each subgraph's own request timeout.
  // Not for subscriptions: a live inbox stream is open for as long as the page is, and the
  // timeout's abort of a long-lived stream ended it after requestMs and then crashed the gateway
  // (an unhandled TimeoutError from the upstream websocket executor).
  upstreamTimeout: ({ executionRequest }) =>
    (executionRequest.operationType ??
      getOperationAST(executionRequest.document, executionRequest.operationName)?.operation) === 'subscription'
      ? undefined
      : LIMITS.requestMs,
  requestId: true,
  multipart: false,
  // --- end of hardening ---
  logging: env.SHENGUAN_GATEWAY_LOG ?? 'info',
  // Requests, errors and latency by operation, and each subgraph call's duration and errors;
  // served by the listener above, not by the gateway's own /metrics route.
  ...(metricsPort > 0
    ? {
        prometheus: {
          endpoint: false,
          registry: metricsRegistry,
          metrics: true,
          labels: { subgraphName: true },
        },
      }
    : {}),
  plugins: () => [
    securityPlugin({ production }),
    trust.plugin,
    trusted.plugin,
    // After the trust plugin: it signs for the subgraph the supergraph URL names.
    useSubgraphPools(env.SHENGUAN_SUBGRAPH_POOLS),
    ...(env.SHENGUAN_WEB_DIST ? [useSinglePageApp(env.SHENGUAN_WEB_DIST)] : []),
  ],
};
