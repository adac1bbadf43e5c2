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
// The caller is never judged by the look of its header: the rights come from the gateway's
// one look-up of the caller per request (subgraph-trust.ts, the access subgraph's answer),
// so a revoked key loses them at its next request.
// Development: everyone may send free-form documents and introspect; hashes work as well.
import { readFileSync } from 'node:fs';
import { GraphQLError, Kind } from 'graphql';
import type { DocumentNode, SelectionSetNode } from 'graphql';

export interface CallerRights {
  connectedSystem: boolean;
  canIntrospect: boolean;
}

const NOBODY: CallerRights = { connectedSystem: false, canIntrospect: false };

const MESSAGES = {
  required: '此环境只接受应用内置的查询（请发送已登记的文档哈希）',
  notFound: '未登记的查询文档',
  keyMissing: '请求缺少查询文档或文档哈希',
} as const;

/** Production refuses introspection to callers without `schema, introspect`, saying so. */
export const INTROSPECTION_DISABLED = { message: '生产环境已关闭内省查询', code: 'INTROSPECTION_DISABLED' } as const;
const INTROSPECTION_FIELD = /__(schema|type)\b/;

export function introspectionRefusal(): GraphQLError {
  return refusal(INTROSPECTION_DISABLED.message, INTROSPECTION_DISABLED.code);
}

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
  /** The gateway's look-up of the caller (subgraph-trust.ts). */
  callerOf: (request: Request) => Promise<{ connectedSystem: boolean; canIntrospect: boolean }>;
  log: (message: string) => void;
}

export function trustedDocuments({ production, manifestPath, callerOf, log }: TrustedDocumentsOptions) {
  const manifest = loadManifest(manifestPath, log);
  const perRequest = new WeakMap<Request, Promise<CallerRights>>();
  const resolved = new WeakMap<Request, CallerRights>();
  const freeForm = new WeakSet<Request>();

  function rightsOf(request: Request): Promise<CallerRights> {
    let pending = perRequest.get(request);
    if (!pending) {
      pending = callerOf(request)
        .then(({ connectedSystem, canIntrospect }) => ({ connectedSystem, canIntrospect }))
        .catch(() => NOBODY) // fail closed
        .then((rights) => {
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
        // An introspection document from a caller who may not introspect: say that it is off.
        persistedQueryOnly: (payload: { params?: { query?: unknown } }) =>
          typeof payload?.params?.query === 'string' && INTROSPECTION_FIELD.test(payload.params.query)
            ? introspectionRefusal()
            : refusal(MESSAGES.required, 'PERSISTED_DOCUMENT_REQUIRED'),
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
    /** A caller allowed free-form documents only to introspect sends nothing else. */
    plugin: {
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
