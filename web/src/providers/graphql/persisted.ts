import type { DocumentNode } from 'graphql';
import { getOperationName, makeOperation, mapExchange, stringifyDocument, type Exchange } from 'urql';

/**
 * Trusted documents: every document `graphql()` returns carries its SHA-256
 * (`__meta__.hash`, written by codegen, see codegen.ts), and the gateway knows each hash from
 * `src/graphql/persisted-documents.json`. With `sendHashOnly` the request names the
 * document by hash (`extensions.persistedQuery`, Apollo's format, which Hive Gateway reads)
 * and carries no text: a production gateway accepts free-form text only from connected
 * systems. A document without a hash is sent as text (a production gateway refuses it).
 */
export function documentHash(document: DocumentNode): string | null {
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === 'string' ? meta.hash : null;
}

function persistedQuery(hash: string) {
  return { persistedQuery: { version: 1 as const, sha256Hash: hash } };
}

/** A request body for a document sent without urql (the session probe). */
export function requestBody(document: DocumentNode, sendHashOnly: boolean): Record<string, unknown> {
  const hash = sendHashOnly ? documentHash(document) : null;
  const operationName = getOperationName(document);
  return hash === null ? { query: stringifyDocument(document), operationName } : { operationName, extensions: persistedQuery(hash) };
}

export function persistedDocumentsExchange(sendHashOnly: boolean): Exchange {
  return mapExchange({
    onOperation(operation) {
      const hash = sendHashOnly && operation.kind !== 'teardown' ? documentHash(operation.query) : null;
      if (hash === null) return operation;
      return makeOperation(
        operation.kind,
        { ...operation, extensions: { ...operation.extensions, ...persistedQuery(hash) } },
        operation.context,
      );
    },
  });
}
