#!/usr/bin/env node
// The gateway's entry (started by api/launcher.py): gateway.config.ts served by
// `createGatewayRuntime` on Node's http server, as `hive-gateway supergraph` serves it, but
// without importing what the Hive Gateway CLI loads at start whether it is used or not — the
// GraphiQL/Laboratory bundle (@graphql-hive/render-laboratory, a 21.8 MB module that stays
// about 64 MB of the live heap). Here it is imported on the first GraphiQL page only (in
// production only a holder of `schema, introspect` gets one, trusted.ts).
//
//   node serve.mjs [SUPERGRAPH] [--host H] [--port P] [--opentelemetry <OTLP traces endpoint>]
//
// (as `hive-gateway supergraph`: the arguments win over the config's supergraph, host, port).
//
// What the CLI does for `supergraph` and this entry does too (CLI 2.15.1, dist/cli-*.js):
// the TypeScript config loaded through @graphql-hive/importer's hooks; its `maxDepth`,
// `maxTokens`, `blockFieldSuggestions`, `prometheus` and `openTelemetry` turned into the same
// built-in plugins, before the config's own; the same default cache (localforage), pub/sub
// and logger; the supergraph file watched and the schema reloaded when it changes; the
// GraphQL-over-WebSocket server on the GraphQL path; a graceful stop on SIGINT/SIGTERM.
// `hive-gateway supergraph` still runs the same gateway.config.ts (development, debugging).
// The packages imported here besides package.json's are @graphql-hive/gateway 2.15.1's own
// dependencies (pinned by package-lock.json); an upgrade of it is checked against its CLI.
import module from 'node:module';
import { watch } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

module.register('@graphql-hive/importer/hooks', {
  parentURL: import.meta.url,
  data: { packedDepsPath: '' },
});
module.enableCompileCache?.();
// As the CLI: Node's warnings (experimental APIs, deprecations of dependencies) only with DEBUG.
if (!['1', 't', 'true', 'y', 'yes', 'on', 'enabled'].includes((process.env.DEBUG ?? '').toLowerCase())) {
  process.emitWarning = () => {};
}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    opentelemetry: { type: 'string' },
  },
  strict: true,
});

const { createGatewayRuntime, createLoggerFromLogging, getGraphQLWSOptions } = await import(
  '@graphql-hive/gateway-runtime'
);

const bootLog = createLoggerFromLogging(process.env.SHENGUAN_GATEWAY_LOG ?? 'info');

// Tracing is set up before the config is imported, as the CLI does for `--opentelemetry`.
if (flags.opentelemetry) {
  const { openTelemetrySetup } = await import('@graphql-hive/plugin-opentelemetry/setup');
  const { BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
  const log = bootLog.child('[OpenTelemetry] ');
  openTelemetrySetup({
    log,
    traces: { processors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: flags.opentelemetry }))] },
    resource: await detectResource(log),
    contextManager: new AsyncLocalStorageContextManager(),
  });
}

async function detectResource(log) {
  try {
    const { getResourceDetectors } = await import('@opentelemetry/auto-instrumentations-node');
    const { detectResources } = await import('@opentelemetry/resources');
    return detectResources({ detectors: getResourceDetectors() });
  } catch (err) {
    log.warn(err, 'No OpenTelemetry resource detection');
    return undefined;
  }
}

const { gatewayConfig: loaded } = await import(pathToFileURL(resolve('gateway.config.ts')).href);
const log = loaded.logging != null ? createLoggerFromLogging(loaded.logging) : bootLog;

async function builtinPlugins(config) {
  const plugins = [];
  if (config.prometheus) {
    const { default: usePrometheus } = await import('@graphql-mesh/plugin-prometheus');
    plugins.push(usePrometheus({ ...config.prometheus, log }));
  }
  if (config.openTelemetry || flags.opentelemetry) {
    const { useOpenTelemetry } = await import('@graphql-hive/plugin-opentelemetry');
    const options = flags.opentelemetry ? { ...config.openTelemetry, traces: true } : config.openTelemetry;
    plugins.push(useOpenTelemetry({ ...options, log }));
  }
  if (config.maxTokens) {
    const { maxTokensPlugin } = await import('@escape.tech/graphql-armor-max-tokens');
    plugins.push(maxTokensPlugin({ n: typeof config.maxTokens === 'number' ? config.maxTokens : 1000 }));
  }
  if (config.maxDepth) {
    const { maxDepthPlugin } = await import('@escape.tech/graphql-armor-max-depth');
    plugins.push(maxDepthPlugin({ n: typeof config.maxDepth === 'number' ? config.maxDepth : 6 }));
  }
  if (config.blockFieldSuggestions) {
    const { blockFieldSuggestionsPlugin } = await import('@escape.tech/graphql-armor-block-field-suggestions');
    plugins.push(blockFieldSuggestionsPlugin());
  }
  for (const unsupported of ['jwt', 'rateLimiting', 'jit', 'awsSigv4', 'reporting']) {
    // Options only the CLI turns into plugins: refuse rather than silently drop them.
    if (config[unsupported]) throw new Error(`gateway/serve.mjs does not handle the '${unsupported}' option`);
  }
  return plugins;
}

const { MemPubSub } = await import('@graphql-hive/pubsub');
const pubsub = loaded.pubsub ?? new MemPubSub();
const cwd = loaded.cwd ?? process.cwd();
let cache = loaded.cache;
if (!cache) {
  const { default: LocalforageCache } = await import('@graphql-mesh/cache-localforage');
  cache = new LocalforageCache({ pubsub, log, cwd });
}
const builtins = await builtinPlugins(loaded);

// The Laboratory, imported when the first GraphiQL page is rendered.
let laboratory;
function renderGraphiQL(options) {
  laboratory ??= import('@graphql-hive/render-laboratory');
  return laboratory.then(({ renderLaboratory }) => renderLaboratory(options));
}

const source = positionals[0] ?? loaded.supergraph ?? './supergraph.graphql';
if (typeof source !== 'string') throw new Error('gateway/serve.mjs serves a supergraph file only');
const supergraph = resolve(source);
const config = {
  fork: 1,
  renderGraphiQL,
  playgroundName: 'Laboratory',
  ...loaded,
  supergraph,
  logging: log,
  productName: 'Hive Gateway',
  productPackageName: '@graphql-hive/gateway',
  productLink: 'https://the-guild.dev/graphql/hive/docs/gateway',
  pubsub,
  cache,
  plugins: (context) => [...builtins, ...(loaded.plugins?.(context) ?? [])],
};
delete config.pollingInterval; // a file: watched below instead
const runtime = createGatewayRuntime(config);

// A new supergraph file (a rewrite in place) is loaded without a restart, as the CLI does.
const watching = new AbortController();
runtime.disposableStack.defer(() => watching.abort());
(async () => {
  for await (const change of watch(supergraph, { signal: watching.signal })) {
    if (change.eventType === 'rename') throw new Error(`Supergraph file was renamed to "${change.filename}"`);
    log.info({ path: supergraph }, 'Supergraph changed. Invalidating...');
    runtime.invalidateUnifiedGraph();
  }
})().catch((err) => {
  if (err?.name !== 'AbortError') log.error({ path: supergraph, err }, 'Supergraph watcher closed with an error');
});

log.info({ path: supergraph }, 'Loading local supergraph');
await runtime.getSchema();

const host = flags.host ?? config.host ?? '127.0.0.1';
const port = Number(flags.port ?? config.port ?? 4000);
const server = createServer(
  { maxHeaderSize: config.maxHeaderSize ?? 16384, requestTimeout: config.requestTimeout, keepAliveTimeout: config.keepAliveTimeout },
  runtime,
);

const { WebSocketServer } = await import('ws');
const { useServer } = await import('graphql-ws/use/ws');
const { normalizeNodeRequest } = await import('@whatwg-node/server');
const wsServer = new WebSocketServer({ path: runtime.graphqlEndpoint, server });
const wsDisposable = useServer(
  getGraphQLWSOptions(runtime, (ctx) => ({
    req: ctx.extra.request,
    socket: ctx.extra.socket,
    request: normalizeNodeRequest(ctx.extra.request, runtime.fetchAPI),
  })),
  wsServer,
);

await new Promise((done, fail) => {
  server.once('error', fail);
  server.listen(port, host, () => done());
});
log.info(`Listening on http://${host}:${port}`);

// Yoga disposes the runtime on SIGINT/SIGTERM; the listeners close with it.
const gracefulShutdownTimeout = config.gracefulShutdownTimeout ?? 0;
runtime.disposableStack.defer(async () => {
  log.info('Stopping the server');
  const fuse =
    gracefulShutdownTimeout > 0
      ? setTimeout(() => server.closeAllConnections(), gracefulShutdownTimeout)
      : (server.closeAllConnections(), undefined);
  fuse?.unref();
  server.closeIdleConnections();
  const closed = new Promise((done) => server.close(() => done()));
  const terminate = setTimeout(() => wsServer.clients.forEach((client) => client.terminate()), Math.max(gracefulShutdownTimeout, 1000));
  terminate.unref();
  try {
    await wsDisposable.dispose();
  } catch (err) {
    log.warn({ err }, 'Failed to stop the WebSocket server');
  }
  clearTimeout(terminate);
  await closed;
  clearTimeout(fuse);
  log.info('Stopped the server successfully');
});
