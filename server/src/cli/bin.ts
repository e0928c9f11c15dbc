// The `edgelint` executable: runs main() with the real process IO and exits with its code.
import { isMainThread } from 'node:worker_threads';
import { main } from './main';

// In a lint worker thread (--concurrency) this bundle only serves lint jobs (cli/parallel.ts).
if (isMainThread) main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => performance.now(),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
}).then((code) => { process.exitCode = code; });
