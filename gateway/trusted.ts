// Trusted documents (persisted operations) and who may bypass them. Used by gateway.config.ts.
//
// The web app's documents are hashed at build time (web/codegen.ts, client preset with
// persistedDocuments): web/src/graphql/persisted-documents.json maps each SHA-256 to its
// text, and the built app sends only the hash (`extensions.persistedQuery.sha256Hash`).
// The gateway loads that manifest and executes a hash by looking it up; an unknown hash is
// refused (PERSISTED_DOCUMENT_NOT_FOUND).
//
// Production (SHENGUAN_ENV=production):
// - a free-form document (a `query` text) is accepted only from a connected system: a caller
//   the access subgraph confirms authenticated with an API key (`me.connectedSystem`);
// - introspection (`__schema`, `__type`) and GraphiQL only for callers holding the Casbin
//   right `schema, introspect` (`me.canIntrospectSchema`: system_admin, the role
//   schema_reader). Such a caller that is not a connected system (an administrator's
//   browser session) may send free-form documents that only introspect;
// - anything else free-form is refused with PERSISTED_DOCUMENT_REQUIRED.
// The caller is never judged by the look of its header: the gateway asks the access
// subgraph `{ me { connectedSystem canIntrospectSchema } }` with the caller's credential and
// remembers the answer for CACHE_TTL_MS under the credential's SHA-256 (never the credential
// itself). A revoked key therefore keeps the free-form privilege for at most that long at the
// gateway, while every subgraph already refuses the key for data (they verify it themselves).
// Development: everyone may send free-form documents and introspect; hashes work as well.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError, Kind } from 'graphql';
import type { DocumentNode, SelectionSetNode } from 'graphql';

export interface CallerRights {
  connectedSystem: boolean;
  canIntrospect: boolean;
}

const NOBODY: CallerRights = { connectedSystem: false, canIntrospect: false };
export const CACHE_TTL_MS = 10_000;
const CACHE_MAX_ENTRIES = 10_000;
const LOOKUP_TIMEOUT_MS = 5_000;
const SESSION_COOKIE = 'sg_session';
const RIGHTS_QUERY = '{ me { connectedSystem canIntrospectSchema } }';

const MESSAGES = {
  required: '此环境只接受应用内置的查询（请发送已登记的文档哈希）',
  notFound: '未登记的查询文档',
  keyMissing: '请求缺少查询文档或文档哈希',
} as const;

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** hash → document text, from the manifest the web build writes. */
export function loadManifest(path: string, log: (message: string) => void): Map<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const documents = new Map<string, string>();
    for (const [hash, text] of Object.entries(parsed)) {
      if (typeof text === 'string') documents.set(hash, text);
    }
    return documents;
  } catch (error) {
    log(`persisted documents: cannot read ${path} (${String(error)}); no document hash will be accepted`);
    return new Map();
  }
}

/** The access subgraph's URL, as the supergraph the gateway runs names it. */
export function accessUrlOf(supergraphPath: string): string | null {
  try {
    const sdl = readFileSync(supergraphPath, 'utf8');
    const found = /@join__graph\(\s*name:\s*"access",\s*url:\s*"([^"]+)"\s*\)/.exec(sdl);
    return found ? found[1] : null;
  } catch {
    return null;
  }
}

/** The credential a subgraph would use (api/core/auth.py: token_from_headers). */
function credentialOf(request: Request): { header: string; value: string } | null {
  const authorization = request.headers.get('authorization');
  if (authorization) return { header: 'authorization', value: authorization };
  const cookies = request.headers.get('cookie') ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE && rest.length > 0) {
      return { header: 'cookie', value: `${SESSION_COOKIE}=${rest.join('=')}` };
    }
  }
  return null;
}

/** Root selections of every operation are introspection fields only (`__schema`, `__type`, `__typename`). */
export function onlyIntrospects(document: DocumentNode): boolean {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const seen = new Set<string>();
  const check = (set: SelectionSetNode): boolean =>
    set.selections.every((sel) => {
      if (sel.kind === Kind.FIELD) return sel.name.value.startsWith('__');
      if (sel.kind === Kind.INLINE_FRAGMENT) return check(sel.selectionSet);
      const fragment = fragments.get(sel.name.value);
      if (!fragment || seen.has(sel.name.value)) return fragment !== undefined;
      seen.add(sel.name.value);
      return check(fragment.selectionSet);
    });
  return document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || check(d.selectionSet));
}

export interface TrustedDocumentsOptions {
  production: boolean;
  manifestPath: string;
  supergraphPath: string;
  log: (message: string) => void;
}

export function trustedDocuments({ production, manifestPath, supergraphPath, log }: TrustedDocumentsOptions) {
  const manifest = loadManifest(manifestPath, log);
  const accessUrl = accessUrlOf(supergraphPath);
  if (production && accessUrl === null) log('trusted documents: no access subgraph in the supergraph; only persisted documents');
  const cache = new Map<string, { rights: CallerRights; expires: number }>();
  const perRequest = new WeakMap<Request, Promise<CallerRights>>();
  const resolved = new WeakMap<Request, CallerRights>();
  const freeForm = new WeakSet<Request>();
  const addresses = new WeakMap<Request, string>();

  async function lookUp(request: Request): Promise<CallerRights> {
    const credential = credentialOf(request);
    if (credential === null || accessUrl === null) return NOBODY;
    const key = createHash('sha256').update(`${credential.header}\n${credential.value}`).digest('hex');
    const now = Date.now();
    const known = cache.get(key);
    if (known && known.expires > now) return known.rights;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [credential.header]: credential.value,
    };
    // The client's address for the access subgraph's per-address rate limit: the socket's
    // (recorded in onRequest), never a header the client sent.
    const address = addresses.get(request);
    if (address) headers['x-forwarded-for'] = address;
    let body: { data?: { me?: { connectedSystem?: unknown; canIntrospectSchema?: unknown } | null } | null; errors?: { extensions?: { code?: string } }[] };
    try {
      const response = await fetch(accessUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: RIGHTS_QUERY }),
        signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      log(`trusted documents: caller look-up failed (${String(error)})`);
      return NOBODY; // fail closed, and ask again next time
    }
    const me = body.data?.me;
    const settled = me != null || (body.errors ?? []).every((e) => e.extensions?.code === 'UNAUTHENTICATED');
    const rights: CallerRights = me
      ? { connectedSystem: me.connectedSystem === true, canIntrospect: me.canIntrospectSchema === true }
      : NOBODY;
    if (settled) {
      if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      cache.set(key, { rights, expires: now + CACHE_TTL_MS });
    }
    return rights;
  }

  function rightsOf(request: Request): Promise<CallerRights> {
    let pending = perRequest.get(request);
    if (!pending) {
      pending = lookUp(request).then((rights) => {
        resolved.set(request, rights);
        return rights;
      });
      perRequest.set(request, pending);
    }
    return pending;
  }

  return {
    /** Hive Gateway's `persistedDocuments` option. */
    persistedDocuments: {
      getPersistedOperation(key: string) {
        return manifest.get(key) ?? null;
      },
      allowArbitraryDocuments: production
        ? async (request: Request) => {
            freeForm.add(request);
            const rights = await rightsOf(request);
            return rights.connectedSystem || rights.canIntrospect;
          }
        : true,
      customErrors: {
        persistedQueryOnly: () => refusal(MESSAGES.required, 'PERSISTED_DOCUMENT_REQUIRED'),
        notFound: () => refusal(MESSAGES.notFound, 'PERSISTED_DOCUMENT_NOT_FOUND'),
        keyNotFound: () => refusal(MESSAGES.keyMissing, 'PERSISTED_DOCUMENT_REQUIRED'),
      },
    },
    /** Hive Gateway's `disableIntrospection` option (decided before validation, synchronously). */
    disableIntrospection: production
      ? { disableIf: ({ context }: { context: { request?: Request } }) => !(context.request && resolved.get(context.request)?.canIntrospect) }
      : undefined,
    /** Hive Gateway's `graphiql` option. */
    graphiql: production
      ? async (request: Request) => (await rightsOf(request)).canIntrospect
      : true,
    /** Records the socket address; a caller allowed free-form documents only to introspect sends nothing else. */
    plugin: {
      onRequest({ request, serverContext }: any) {
        const remote: unknown = serverContext?.req?.socket?.remoteAddress;
        if (typeof remote === 'string') addresses.set(request, remote.replace(/^::ffff:/, ''));
      },
      onValidate({ params, context, setResult }: any) {
        if (!production) return;
        const request: Request | undefined = context?.request;
        if (!request || !freeForm.has(request)) return;
        if (resolved.get(request)?.connectedSystem) return;
        if (!onlyIntrospects(params.documentAST)) {
          setResult([refusal(MESSAGES.required, 'PERSISTED_DOCUMENT_REQUIRED')]);
        }
      },
    },
  };
}
