// Fails when src/graphql/ (generated) differs from what codegen makes from the current
// public schema and the queries.ts documents: run `npm run codegen` and commit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const generated = join(root, 'src/graphql');
const tmp = mkdtempSync(join(tmpdir(), 'shenguan-codegen-'));
try {
  execFileSync(process.execPath, [join(root, 'node_modules/.bin/graphql-codegen'), '--config', 'codegen.ts'], {
    cwd: root,
    env: { ...process.env, SHENGUAN_CODEGEN_OUT: tmp },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const names = new Set([...readdirSync(generated), ...readdirSync(tmp)]);
  const stale = [...names].filter((name) => {
    try {
      return readFileSync(join(generated, name), 'utf8') !== readFileSync(join(tmp, name), 'utf8');
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`generated GraphQL types are stale (run \`npm run codegen\`): ${stale.map((n) => `src/graphql/${n}`).join(', ')}`);
    process.exit(1);
  }
  console.log('generated GraphQL types are current');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
