// --concurrency: worker threads give the same results in the same order as one thread; auto stays on one thread for
// few files; usage errors for bad values.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { AUTO_MIN_FILES, threadCount } from '../../../server/src/cli/parallel';
import { runCli } from '../../harness/cli-runner';

const ROOT = resolve('.');
const INPUTS = ['examples', 'test/corpus', 'test/fixtures'];

describe('--concurrency', () => {
  it('worker threads report exactly what one thread reports, in the same order', { timeout: 60_000 }, async () => {
    const single = await runCli([...INPUTS, '--format', 'json', '--concurrency', 'off'], ROOT);
    const threaded = await runCli([...INPUTS, '--format', 'json', '--concurrency', '3'], ROOT);
    assert.equal(threaded.code, single.code, threaded.stderr);
    const files = JSON.parse(single.stdout) as { filePath: string; messages: unknown[] }[];
    assert.ok(files.length > 40 && files.some((f) => f.messages.length > 0));
    assert.deepEqual(JSON.parse(threaded.stdout), files);
  });

  it('auto uses one thread below the crossover and several above it; a count is capped by the files', () => {
    assert.equal(threadCount('auto', AUTO_MIN_FILES - 1), 1);
    assert.ok(threadCount('auto', AUTO_MIN_FILES * 10) >= 1);
    assert.equal(threadCount('off', 10_000), 1);
    assert.equal(threadCount(4, 2), 2);
    assert.equal(threadCount(4, 100), 4);
  });

  it('rejects values that are not a count, auto or off', async () => {
    for (const bad of ['0', 'x', '-1', '1.5']) {
      const run = await runCli(['examples', '--concurrency', bad], ROOT);
      assert.equal(run.code, 2, bad);
      assert.match(run.stderr, /--concurrency takes a thread count/);
    }
  });
});
