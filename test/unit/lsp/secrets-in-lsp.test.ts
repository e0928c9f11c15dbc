// Secrets in scripts, workflows, _headers and string literals never reach LSP diagnostics, hovers, code actions or the log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { leakedSecrets, SECRET_PROJECT } from '../../harness/secret-project';
import { startSession, type Session } from './fixtures';

describe('LSP: secrets never sent', () => {
  let s: Session;
  before(async () => { s = await startSession({ files: SECRET_PROJECT }); });
  after(() => s.dispose());

  it('diagnostics, hovers on every line and code actions of every file carry no secret', async () => {
    const answers: unknown[] = [];
    const codes = new Set<string>();
    for (const rel of Object.keys(SECRET_PROJECT).filter((p) => p !== '.dev.vars')) {
      const uri = s.open(rel);
      const report = await s.pull(rel);
      answers.push(report);
      for (const d of report.items) codes.add(String(d.code));
      const lines = SECRET_PROJECT[rel]!.split('\n');
      for (let line = 0; line < lines.length; line++) {
        for (const character of [...new Set([lines[line]!.indexOf('max-age'), lines[line]!.indexOf('sig='), 2])].filter((c) => c >= 0)) {
          answers.push(await s.client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }));
        }
      }
      const end = { line: lines.length, character: 0 };
      answers.push(await s.client.request('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: report.items },
      }));
    }
    for (const rule of ['kv-deploy-warming', 'kv-cron-warming', 'cc-syntax', 'wrangler-secret-in-config']) assert.ok(codes.has(rule), `${rule} missing: ${[...codes]}`);
    assert.ok(answers.some((a) => JSON.stringify(a)?.includes('max-age')), 'a Cache-Control hover was answered');
    const seen = JSON.stringify(answers) + JSON.stringify(s.client.received) + s.client.stderr;
    assert.deepEqual(leakedSecrets(seen), []);
  });
});
