// Prettier for src/ and e2e/ (`npm run format`; `npm run lint` checks it).
/** @type {import('prettier').Config & import('@ianvs/prettier-plugin-sort-imports').PluginConfig} */
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
  // GraphQL documents stay as written: the generated `graphql()` overloads (src/graphql/gql.ts)
  // and the persisted-document hashes are keyed by each document's exact text.
  embeddedLanguageFormatting: 'off',
  plugins: ['@ianvs/prettier-plugin-sort-imports'],
  // Packages (node: built-ins first), then `@/…` (src/), then same-directory `./…`.
  importOrder: ['<BUILTIN_MODULES>', '<THIRD_PARTY_MODULES>', '', '^@/(.*)$', '', '^[.]'],
  importOrderTypeScriptVersion: '5.9.3',
};
