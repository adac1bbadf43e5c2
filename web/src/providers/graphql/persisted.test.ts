import { afterEach, describe, expect, it, vi } from 'vitest';

import { ME_QUERY } from '@/app/queries';
import manifest from '@/graphql/persisted-documents.json';
import { SESSION_PROBE_QUERY } from '@/providers/auth/queries';
import { cookieTransport } from '@/providers/auth/session';

import { createGraphqlClient } from './client';
import { documentHash, requestBody } from './persisted';

const documents = manifest as Record<string, string>;

function recordingFetch() {
  const bodies: Record<string, unknown>[] = [];
  // Queries travel as GET (urql's preferGetMethod): the parameters are in the URL.
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    if (init.body) bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
    else {
      const params = new URL(url, 'http://localhost').searchParams;
      const parsed: Record<string, unknown> = {};
      for (const [key, value] of params) parsed[key] = key === 'query' || key === 'operationName' ? value : JSON.parse(value);
      bodies.push(parsed);
    }
    const data = { __typename: 'Query', me: null };
    return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return bodies;
}

afterEach(() => vi.unstubAllGlobals());

describe('trusted documents', () => {
  it('every generated document carries the hash the manifest lists for its text', () => {
    const hash = documentHash(ME_QUERY);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(documents[hash as string]).toMatch(/^query Me \{/);
    // The manifest's text asks for __typename, which the normalized cache needs.
    expect(documents[hash as string]).toContain('__typename');
  });

  it('a production client sends the hash and no text', async () => {
    const bodies = recordingFetch();
    const client = createGraphqlClient({ transport: cookieTransport('/graphql', true), onUnauthenticated: () => {}, sendHashOnly: true });
    await client.query(ME_QUERY, {}).toPromise();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.query).toBeUndefined();
    expect(bodies[0]?.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: documentHash(ME_QUERY) } });
    expect(bodies[0]?.operationName).toBe('Me');
  });

  it('a development client sends the text', async () => {
    const bodies = recordingFetch();
    const client = createGraphqlClient({ transport: cookieTransport('/graphql', false), onUnauthenticated: () => {}, sendHashOnly: false });
    await client.query(ME_QUERY, {}).toPromise();
    expect(String(bodies[0]?.query)).toContain('query Me');
    expect(bodies[0]?.extensions).toBeUndefined();
  });

  it('the session probe is a trusted document too', async () => {
    expect(requestBody(SESSION_PROBE_QUERY, true)).toEqual({
      operationName: 'SessionProbe',
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(SESSION_PROBE_QUERY) } },
    });
    expect(documents[documentHash(SESSION_PROBE_QUERY) as string]).toContain('query SessionProbe');
    const bodies = recordingFetch();
    await cookieTransport('/graphql', true).probe();
    expect(bodies[0]).toEqual(requestBody(SESSION_PROBE_QUERY, true));
  });
});
