// wrangler-secret-in-config over a real stdio connection: diagnostics, hover, code actions and server logs never carry the value.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSession, type Session } from './fixtures';

const VALUE = 'Zk3vQ9xT2mL8pR4wN7bY1cH6jD5sF0gAqE2uKoVi';
const PASSWORD = 'hunter22-not-real';
const WRANGLER = `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[vars]\nCF_DEPLOY = "${VALUE}"\n\n[env.production.vars]\nDB_PASSWORD = "${PASSWORD}"\n`;

describe('wrangler-secret-in-config in the language server', () => {
  let s: Session;
  before(async () => { s = await startSession({ files: { 'wrangler.toml': WRANGLER } }); });
  after(() => s.dispose());

  it('reports both vars, and nothing the server sends or logs contains a value', async () => {
    const uri = s.open('wrangler.toml');
    const report = await s.pull('wrangler.toml');
    const secrets = report.items.filter((d: any) => d.code === 'wrangler-secret-in-config');
    assert.equal(secrets.length, 2, JSON.stringify(report.items));
    const answers: unknown[] = [report];
    for (const line of [5, 8]) {
      const character = WRANGLER.split('\n')[line]!.indexOf('"') + 3;
      answers.push(await s.client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }));
      answers.push(await s.client.request('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character } },
        context: { diagnostics: secrets },
      }));
    }
    assert.ok(answers.length === 5);
    const seen = JSON.stringify(answers) + JSON.stringify(s.client.received) + s.client.stderr;
    for (const value of [VALUE, PASSWORD]) assert.ok(!seen.includes(value), 'a secret value reached the client or the log');
  });
});
