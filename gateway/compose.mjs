// Composes the supergraph from the subgraphs' own SDL with @theguild/federation-composition.
// Usage: node compose.mjs <manifest.json> <out.graphql>
// The manifest lists {name, url, sdlPath}; `shenguan compose` writes it. Exit 1 on any error.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';

const [manifestPath, outPath] = process.argv.slice(2);
if (!manifestPath || !outPath) {
  console.error('usage: node compose.mjs <manifest.json> <out.graphql>');
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
writeFileSync(outPath, result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`);
console.log(`composed ${services.length} subgraphs into ${outPath}`);
