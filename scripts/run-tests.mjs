// Runs every unit/integration test file (test/**/*.test.ts) with node:test through tsx; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'e2e' || name === 'fixtures' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv[2];
const files = find('test').filter((f) => !filter || f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`no test files found${filter ? ` matching "${filter}"` : ''}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
