// `npm run fuzz`: the fuzz tests for a long time with a fresh seed. EDGELINT_FUZZ_SECONDS (per property, default 60) or
// EDGELINT_FUZZ_RUNS (per property) set the budget; EDGELINT_FUZZ_SEED reproduces a reported failure.
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
if (!env.EDGELINT_FUZZ_RUNS && !env.EDGELINT_FUZZ_SECONDS) env.EDGELINT_FUZZ_SECONDS = '60';
env.EDGELINT_FUZZ_SEED ??= String(Math.floor(Math.random() * 2 ** 31));
console.error(`edgelint fuzz: seed ${env.EDGELINT_FUZZ_SEED}, ${env.EDGELINT_FUZZ_SECONDS ? `${env.EDGELINT_FUZZ_SECONDS} s` : `${env.EDGELINT_FUZZ_RUNS} runs`} per property`);
const result = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'test/unit/fuzz/'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
