// Secrets in vars, .dev.vars, package.json scripts, workflows, shell scripts, _headers and string literals never reach any output format.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { leakedSecrets, SECRET_PROJECT } from '../../harness/secret-project';
import { tempProject, type TempProject } from '../../harness/temp-project';

describe('CLI: secrets never printed', () => {
  let project: TempProject;
  before(() => { project = tempProject(SECRET_PROJECT); });
  after(() => project.remove());

  for (const format of ['stylish', 'json', 'sarif', 'github', 'unix', 'compact']) {
    it(`--format ${format} reports the quoting rules and prints no secret`, async () => {
      const run = await runCli(['--format', format, '.'], project.root);
      const output = run.stdout + run.stderr;
      // The rules that quote commands and values did run (so the check is not vacuous).
      for (const rule of ['kv-deploy-warming', 'kv-cron-warming', 'cc-syntax', 'wrangler-secret-in-config']) assert.ok(output.includes(rule), `${rule} missing:\n${output}`);
      assert.deepEqual(leakedSecrets(output), [], output);
    });
  }

  it('quotes what identifies a command: its name and the URL host and path', async () => {
    const run = await runCli(['--format', 'unix', '.'], project.root);
    assert.match(run.stdout, /`curl … https:\/\/example\.com\/api\/warm` on cron "\*\/10 \* \* \* \*"/);
    assert.match(run.stdout, /`wrangler kv bulk put …` runs in the "postdeploy" script/);
    assert.match(run.stdout, /x-sig=\*\*\*/);
  });
});
