import type { CodegenConfig } from '@graphql-codegen/cli';

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
      presetConfig: { fragmentMasking: false },
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
