// Several processes per subgraph, balanced by the gateway (docs/OPERATIONS.md).
//
// `shenguan gateway` puts each subgraph's first URL into the supergraph and, when
// SHENGUAN_<NAME>_URL lists several (comma-separated), passes the pools here as
// SHENGUAN_SUBGRAPH_POOLS (JSON: first URL → every URL). Each subgraph call goes to the next
// URL of its pool in turn; a URL whose connection is refused is skipped for a few seconds and
// the call goes to the next one (a refused connection never reached the subgraph, so even a
// mutation is safe to send again). Other failures are answered as they are: a call that
// reached a subgraph is never repeated. WebSocket subscriptions use the first URL.
import type { GatewayPlugin } from '@graphql-hive/gateway';

export const DOWN_MS = 5000;

type Pool = { urls: string[]; next: number; downUntil: Map<string, number> };

function keyOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export function parsePools(raw: string | undefined): Map<string, Pool> {
  const pools = new Map<string, Pool>();
  if (!raw) return pools;
  const given = JSON.parse(raw) as Record<string, string[]>;
  for (const [first, urls] of Object.entries(given)) {
    if (Array.isArray(urls) && urls.length > 1) {
      pools.set(keyOf(first), { urls: urls.map(keyOf), next: 0, downUntil: new Map() });
    }
  }
  return pools;
}

function refused(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: any = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (current.code === 'ECONNREFUSED') return true;
    current = current.cause ?? (Array.isArray(current.errors) ? current.errors[0] : undefined);
  }
  return false;
}

/** The order to try a pool's URLs for one call: round robin, URLs that were down last. */
export function order(pool: Pool, now: number): string[] {
  const start = pool.next % pool.urls.length;
  pool.next = (pool.next + 1) % pool.urls.length;
  const rotated = [...pool.urls.slice(start), ...pool.urls.slice(0, start)];
  const up = rotated.filter((u) => (pool.downUntil.get(u) ?? 0) <= now);
  const down = rotated.filter((u) => (pool.downUntil.get(u) ?? 0) > now);
  return [...up, ...down];
}

export function useSubgraphPools(raw: string | undefined): GatewayPlugin {
  const pools = parsePools(raw);
  return {
    onFetch({ url, fetchFn, setFetchFn }: any) {
      if (pools.size === 0) return;
      const pool = pools.get(keyOf(url));
      if (!pool) return;
      const search = new URL(url).search;
      setFetchFn(async (_url: string, options: any, context: any, info: any) => {
        const candidates = order(pool, Date.now());
        let lastError: unknown;
        for (const candidate of candidates) {
          try {
            return await fetchFn(candidate + search, options, context, info);
          } catch (error) {
            if (!refused(error)) throw error;
            pool.downUntil.set(candidate, Date.now() + DOWN_MS);
            lastError = error;
          }
        }
        throw lastError;
      });
    },
  };
}
