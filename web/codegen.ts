import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

// Typed operations from the gateway's public API schema (written by `shenguan compose`).
// SHENGUAN_CODEGEN_OUT redirects the output (scripts/codegen-check.mjs compares the two).
const out = process.env.SHENGUAN_CODEGEN_OUT ?? 'src/graphql';

const config: CodegenConfig = {
  schema: '../gateway/public-schema.graphql',
  documents: ['src/**/queries.ts'],
  ignoreNoDocuments: false,
  generates: {
    [`${out}/`]: {
      preset: 'client',
      // Trusted documents: every document gets its SHA-256 (`__meta__.hash`) and the build
      // writes persisted-documents.json (hash → text), which the gateway loads; production
      // builds send only the hash (src/providers/graphql/persisted.ts). __typename is added
      // here, not at run time by graphcache, so the text the gateway runs is what the cache needs.
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        enumsAsTypes: true,
        // Only what the documents use: a schema change elsewhere does not make these files stale.
        onlyOperationTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', ID: 'string' },
      },
    },
    [`${out}/introspection.ts`]: {
      plugins: ['urql-introspection'],
      config: { module: 'es2015', minify: true, includeScalars: false, useTypeImports: true },
    },
  },
};

export default config;
