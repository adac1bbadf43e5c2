// Composes the supergraph from the subgraphs' own SDL with @theguild/federation-composition.
// Usage: node compose.mjs <manifest.json> <out.graphql> [public-out.graphql]
// The manifest lists {name, url, sdlPath}; `shenguan compose` writes it. Exit 1 on any error.
// The optional third path receives the public API schema (no join__/link__ machinery,
// nothing @inaccessible): what clients see, and what web/ generates its types from.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';

const [manifestPath, outPath, publicOutPath] = process.argv.slice(2);
if (!manifestPath || !outPath) {
  console.error('usage: node compose.mjs <manifest.json> <out.graphql> [public-out.graphql]');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const services = manifest.map(({ name, url, sdlPath }) => ({
  name,
  url,
  typeDefs: parse(readFileSync(sdlPath, 'utf8')),
}));
const result = composeServices(services);
if (result.errors && result.errors.length > 0) {
  for (const error of result.errors) {
    console.error(`composition error: ${error.message}`);
  }
  process.exit(1);
}
const withNewline = (text) => (text.endsWith('\n') ? text : `${text}\n`);
writeFileSync(outPath, withNewline(result.supergraphSdl));
if (publicOutPath) {
  writeFileSync(publicOutPath, withNewline(result.publicSdl));
}
console.log(`composed ${services.length} subgraphs into ${outPath}`);
