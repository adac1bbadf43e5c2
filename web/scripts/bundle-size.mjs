// Measures the JavaScript a browser downloads to show a page, from the build output:
// the entry chunk, the route's own chunk, and everything they import statically (the
// build's manifest lists these). Fails when the sign-in page exceeds its budget.
// Usage: node scripts/bundle-size.mjs [--budget-kb 300] [--json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const args = process.argv.slice(2);
const budgetIndex = args.indexOf('--budget-kb');
const BUDGET_KB = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 300;

/** Static-import closure of the given manifest keys. */
export function staticClosure(manifest, keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build manifest: ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

export function gzipBytes(files, dist = DIST) {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
}

const ROUTES = {
  'sign-in': 'src/routes/sign-in/index.tsx',
  workbench: 'src/routes/workbench/index.tsx',
  'matters list': 'src/routes/matters/list/index.tsx',
  'application detail': 'src/routes/applications/show/index.tsx',
};

const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const report = {};
for (const [name, source] of Object.entries(ROUTES)) {
  // Pages behind the shell also load the shell's chunk.
  const keys = name === 'sign-in' ? [entry, source] : [entry, 'src/app/Shell.tsx', source];
  const files = staticClosure(manifest, keys);
  report[name] = { files: files.length, gzipKB: Math.round((gzipBytes(files) / 1024) * 10) / 10 };
}
if (args.includes('--json')) console.log(JSON.stringify(report));
else for (const [name, r] of Object.entries(report)) console.log(`${name.padEnd(20)} ${String(r.gzipKB).padStart(7)} KB gzip in ${r.files} files`);
const signIn = report['sign-in'].gzipKB;
if (signIn > BUDGET_KB) {
  console.error(`sign-in page loads ${signIn} KB of gzipped JavaScript, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
console.log(`sign-in page: ${signIn} KB gzip, within the ${BUDGET_KB} KB budget`);
