// The editor applies the same "tests" default as the CLI (issue 7 §2): test and fixture code is reported at Information,
// with the workspace folder as the root when there is no edgelint config; "tests": "off" drops those findings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { find, startSession, WORKER } from './fixtures';

describe('"tests" option in the editor', () => {
  it('src/index.test.ts is reported at Information, src/index.ts at its own severity', async () => {
    const s = await startSession({ files: { 'src/index.test.ts': WORKER } });
    try {
      s.open('src/index.ts');
      s.open('src/index.test.ts');
      const source = find((await s.pull('src/index.ts')).items, 'kv-cachettl-below-minimum');
      const test = find((await s.pull('src/index.test.ts')).items, 'kv-cachettl-below-minimum');
      assert.equal(source?.severity, 1);
      assert.equal(test?.severity, 3);
    } finally {
      await s.dispose();
    }
  });

  it('"tests": "off" in .edgelintrc.json drops rule findings in test code', async () => {
    const s = await startSession({ files: { 'src/index.test.ts': WORKER, '.edgelintrc.json': '{ "tests": "off" }' } });
    try {
      s.open('src/index.test.ts');
      assert.equal(find((await s.pull('src/index.test.ts')).items, 'kv-cachettl-below-minimum'), undefined);
    } finally {
      await s.dispose();
    }
  });
});
