// Gateway → subgraph trust (api/core/trust.py is the other half; docs/TRUST.md).
//
// Each client request is authenticated once: its credential (the Authorization header or
// the sg_session cookie) goes to the access subgraph's POST /gateway/principal, which
// answers who the caller is. Every upstream call then carries X-Shenguan-Assertion, an
// HMAC-SHA256-signed statement of that caller for exactly this subgraph and this body,
// valid for seconds and accepted once. Client credentials never reach a subgraph.
//
// Subscriptions go over WebSocket: the upgrade request carries an assertion too (no body to
// bind, `ws: true`); it is put into the GraphQL context, and the transport entry's header
// template `{context.sgAssertion}` sends it.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';

export const ASSERTION_HEADER = 'x-shenguan-assertion';
const LIFETIME_SECONDS = 10;
const LOOKUP_TIMEOUT_MS = 5_000;
const SESSION_COOKIE = 'sg_session';

export interface PrincipalClaims {
  uid: number;
  usr: string;
  dep: string;
  rol: string[];
  mcp: boolean;
  sid: number | null;
  akid: number | null;
}

export interface Caller {
  principal: PrincipalClaims | null;
  connectedSystem: boolean;
  canIntrospect: boolean;
}

const ANONYMOUS: Caller = { principal: null, connectedSystem: false, canIntrospect: false };

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

// Python's json.dumps(sort_keys=True, separators=(',', ':')) for these flat claims.
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function bodyDigest(queryString: string, body: string): string {
  return createHash('sha256').update(`${queryString}\n${body}`).digest('hex');
}

export function signAssertion(
  key: string,
  claims: { aud: string; rid: string; sub: PrincipalClaims | null; bh?: string; ws?: true },
): string {
  const now = Math.floor(Date.now() / 1000);
  const kid = createHash('sha256').update(key).digest('hex').slice(0, 12);
  const payload = b64(
    stableJson({ ...claims, iat: now, exp: now + LIFETIME_SECONDS, jti: randomBytes(16).toString('base64url') }),
  );
  const signed = `v1.${kid}.${payload}`;
  return `${signed}.${b64(createHmac('sha256', key).update(signed).digest())}`;
}

/** Subgraph URL → name, from the supergraph's @join__graph directives. */
export function subgraphsOf(supergraphPath: string): Map<string, string> {
  const names = new Map<string, string>();
  try {
    const sdl = readFileSync(supergraphPath, 'utf8');
    for (const found of sdl.matchAll(/@join__graph\(\s*name:\s*"([^"]+)",\s*url:\s*"([^"]+)"\s*\)/g)) {
      names.set(found[2], found[1]);
    }
  } catch {
    // no supergraph yet: every call is refused by the subgraphs, loudly
  }
  return names;
}

function credentialOf(request: Request): { authorization?: string; session?: string } | null {
  const authorization = request.headers.get('authorization');
  if (authorization) return { authorization };
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE && rest.length > 0) return { session: rest.join('=') };
  }
  return null;
}

function unavailable(): GraphQLError {
  return new GraphQLError('身份服务暂不可用，请稍后重试', {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  });
}

/**
 * External subgraphs (a department's own system, gateway/external/subgraphs.json): each is
 * signed with a key of its own, SHENGUAN_EXTERNAL_<NAME>_KEY — never with ours, which would
 * let it sign calls to our subgraphs. Name → key, or null when none is configured (calls to
 * it are then answered here with EXTERNAL_SUBGRAPH_UNAVAILABLE and never leave the gateway).
 */
export function externalKeys(configPath: string, env: NodeJS.ProcessEnv, gatewayKeyValue: string) {
  const keys = new Map<string, string | null>();
  let entries: unknown = [];
  try {
    entries = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (!Array.isArray(entries)) throw new Error(`${configPath}: a list of subgraphs is expected`);
  for (const entry of entries as { name?: unknown }[]) {
    if (typeof entry?.name !== 'string') throw new Error(`${configPath}: every entry needs a name`);
    const setting = `SHENGUAN_EXTERNAL_${entry.name.toUpperCase()}_KEY`;
    const key = env[setting] ?? '';
    if (key && key === gatewayKeyValue) throw new Error(`${setting} must differ from SHENGUAN_GATEWAY_KEY`);
    if (key && env.SHENGUAN_ENV === 'production' && key.length < 32) {
      throw new Error(`${setting} must have at least 32 characters in production`);
    }
    keys.set(entry.name, key || null);
  }
  return keys;
}

function notJoined(name: string): GraphQLError {
  return new GraphQLError(`外部子图 ${name} 尚未配置签名密钥，暂不可用`, {
    extensions: { code: 'EXTERNAL_SUBGRAPH_UNAVAILABLE', subgraph: name },
  });
}

/** What an external subgraph learns of the caller: who and in which department, no more. */
function externalClaims(principal: PrincipalClaims | null): PrincipalClaims | null {
  return principal === null ? null : { ...principal, sid: null, akid: null };
}

export interface SubgraphTrustOptions {
  key: string;
  supergraphPath: string;
  log: (message: string) => void;
  /** External subgraph name → its own key (null: not configured). */
  external?: Map<string, string | null>;
}

export function subgraphTrust({ key, supergraphPath, log, external = new Map() }: SubgraphTrustOptions) {
  for (const [name, externalKey] of external) {
    if (externalKey === null) log(`subgraph trust: no SHENGUAN_EXTERNAL_${name.toUpperCase()}_KEY; calls to ${name} are refused`);
  }
  const subgraphs = subgraphsOf(supergraphPath);
  const accessUrl = [...subgraphs].find(([, name]) => name === 'access')?.[0] ?? null;
  const principalUrl = accessUrl ? new URL('/gateway/principal', accessUrl).toString() : null;
  const callers = new WeakMap<Request, Promise<Caller>>();

  async function lookUp(request: Request): Promise<Caller> {
    const credential = credentialOf(request);
    if (credential === null) return ANONYMOUS;
    if (principalUrl === null) throw unavailable();
    const body = JSON.stringify(credential);
    const rid = request.headers.get('x-request-id') ?? randomBytes(8).toString('hex');
    let answer: { principal?: PrincipalClaims | null; connectedSystem?: unknown; canIntrospect?: unknown };
    try {
      const response = await fetch(principalUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-request-id': rid,
          [ASSERTION_HEADER]: signAssertion(key, { aud: 'access', rid, sub: null, bh: bodyDigest('', body) }),
        },
        body,
        signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      answer = (await response.json()) as typeof answer;
    } catch (error) {
      log(`subgraph trust: caller look-up failed (${String(error)})`);
      throw unavailable();
    }
    if (!answer.principal) return ANONYMOUS;
    return {
      principal: answer.principal,
      connectedSystem: answer.connectedSystem === true,
      canIntrospect: answer.canIntrospect === true,
    };
  }

  /** Who sent this client request (one look-up per request, shared by every caller). */
  function callerOf(request: Request): Promise<Caller> {
    let pending = callers.get(request);
    if (!pending) {
      pending = lookUp(request);
      pending.catch(() => undefined); // awaited by whoever needs it
      callers.set(request, pending);
    }
    return pending;
  }

  // The audience is the subgraph the call goes to, read from its URL. The execution request's
  // subgraphName is only a fallback: when fetches run in parallel (an entity call to credit
  // beside one to supervision) Hive hands onFetch an execution request naming another
  // subgraph, and the callee refuses the assertion as meant for someone else.
  function audienceOf(url: string, subgraphName: string | undefined): string {
    const exact = subgraphs.get(url);
    if (exact) return exact;
    const origin = new URL(url);
    for (const [known, name] of subgraphs) {
      const candidate = new URL(known);
      if (candidate.host === origin.host && candidate.pathname === origin.pathname) return name;
    }
    return subgraphName ?? '';
  }

  const plugin = {
    // Subscriptions: the WebSocket upgrade's assertion, read by the transport's header template.
    async onSubgraphExecute({ subgraphName, executionRequest }: any) {
      if (executionRequest?.operationType !== 'subscription') return;
      const context = executionRequest.context;
      const request: Request | undefined = context?.request;
      const caller = request ? await callerOf(request) : ANONYMOUS;
      const rid = request?.headers.get('x-request-id') ?? randomBytes(8).toString('hex');
      const signing = external.has(subgraphName) ? external.get(subgraphName) : key;
      if (!signing) return; // an external subgraph without a key gets no assertion: it refuses
      const sub = external.has(subgraphName) ? externalClaims(caller.principal) : caller.principal;
      context.sgAssertion = signAssertion(signing, { aud: subgraphName, rid, sub, ws: true });
    },
    async onFetch({ url, options, setOptions, executionRequest, context, endResponse }: any) {
      const audience = audienceOf(url, executionRequest?.subgraphName);
      if (!audience) return; // not a subgraph (nothing else is fetched through the gateway)
      const request: Request | undefined = executionRequest?.context?.request ?? context?.request;
      let caller: Caller;
      try {
        caller = request ? await callerOf(request) : ANONYMOUS;
      } catch (error) {
        const refusal = error instanceof GraphQLError ? error : unavailable();
        endResponse(
          new Response(JSON.stringify({ data: null, errors: [refusal.toJSON()] }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
        return;
      }
      const isExternal = external.has(audience);
      const signing = isExternal ? external.get(audience) : key;
      if (!signing) {
        endResponse(
          new Response(JSON.stringify({ data: null, errors: [notJoined(audience).toJSON()] }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
        return;
      }
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const rid = headers['x-request-id'] ?? request?.headers.get('x-request-id') ?? randomBytes(8).toString('hex');
      const body = typeof options.body === 'string' ? options.body : '';
      const query = new URL(url).search.replace(/^\?/, '');
      headers[ASSERTION_HEADER] = signAssertion(signing, {
        aud: audience,
        rid,
        sub: isExternal ? externalClaims(caller.principal) : caller.principal,
        bh: bodyDigest(query, body),
      });
      // The client's address is for our audit trail, not for another department's system.
      if (isExternal) delete headers['x-forwarded-for'];
      // Client credentials stay at the gateway: the assertion is the only identity upstream.
      delete headers.authorization;
      delete headers.cookie;
      setOptions({ ...options, headers });
    },
  };

  return { plugin, callerOf };
}

/** The signing key: SHENGUAN_GATEWAY_KEY (the launcher sets it for every process). */
export function gatewayKey(env: NodeJS.ProcessEnv): string {
  const key = env.SHENGUAN_GATEWAY_KEY ?? '';
  if (!key) throw new Error('SHENGUAN_GATEWAY_KEY is required: it signs every subgraph call (the launcher sets it)');
  if (env.SHENGUAN_ENV === 'production' && key.length < 32) {
    throw new Error('SHENGUAN_GATEWAY_KEY must have at least 32 characters in production');
  }
  return key;
}
