// No change may lose (or add) a finding unnoticed: the CLI's output over examples/, test/corpus and test/fixtures equals
// a checked-in snapshot (UPDATE=1 rewrites it, for a reviewed change of findings).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';

const ROOT = resolve('.');
const GOLDEN = 'test/unit/cli/golden/corpus.unix.txt';
const GOLDEN_ARGS = ['examples', 'test/corpus', 'test/fixtures', '--format', 'unix'];

describe('CLI findings over examples/, test/corpus and test/fixtures', () => {
  it('equal the checked-in snapshot', async () => {
    const run = await runCli(GOLDEN_ARGS, ROOT);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const output = run.stdout.split(ROOT).join('<root>');
    assert.ok(output.split('\n').length > 40, 'the snapshot covers many findings');
    if (process.env.UPDATE === '1' || !existsSync(GOLDEN)) {
      if (process.env.UPDATE !== '1') assert.fail(`${GOLDEN} is missing; run with UPDATE=1 to create it`);
      writeFileSync(GOLDEN, output);
      return;
    }
    assert.equal(output, readFileSync(GOLDEN, 'utf8'), `findings differ from ${GOLDEN} (UPDATE=1 rewrites it after review)`);
  });
});
