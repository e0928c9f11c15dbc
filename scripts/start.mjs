// `npm start`: lints the bundled example project. Findings are the point of the example, so exit code 1 (problems
// found) counts as success here; 2 (usage/config/internal failure) still fails.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'examples', ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.status === 1) console.log('\nedgelint found the problems planted in examples/ (exit code 1 in CI).');
process.exit(result.status === 1 ? 0 : result.status ?? 2);
