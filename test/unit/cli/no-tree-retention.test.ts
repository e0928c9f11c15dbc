// The CLI keeps no syntax trees: it lints each file once, and trees kept for incremental reparsing (the editor's case)
// would only be promoted to the old generation and cost garbage collection (issue 9).
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { createProject, lintText } from '../../../server/src/api';
import { retainedTrees, setTreeRetention } from '../../../server/src/engine/parse/worker';
import { runCli } from '../../harness/cli-runner';

describe('tree retention', () => {
  it('the engine keeps recent trees by default (the editor reparses incrementally)', () => {
    setTreeRetention(true);
    lintText(createProject({ readFile: () => undefined }), '/p/src/kept.ts', 'await env.CACHE.get("k", { cacheTtl: 10 });\n');
    assert.ok(retainedTrees() >= 1);
  });

  it('a CLI run over examples/ drops them and keeps none of its own', async () => {
    const run = await runCli(['examples', '--format', 'json'], resolve('.'));
    assert.equal(run.code, 1, run.stderr);
    assert.ok((JSON.parse(run.stdout) as unknown[]).length > 5);
    assert.equal(retainedTrees(), 0);
  });
});
