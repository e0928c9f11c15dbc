// Cross-file summaries in the editor: editing an open helper module re-lints the files that call it (no facts rebuilt),
// and a cached result of the caller is never served once the helper it used has changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, PUSH_CAPS, startSession } from './fixtures';

const HELPER = 'export async function getCached(kv: KVNamespace, key: string, ttl: number) {\n  return kv.get(key, { cacheTtl: ttl });\n}\n';
const CALLER = "import { getCached } from './kv';\nexport default {\n  async fetch(request: Request, env: Env): Promise<Response> {\n    return new Response(await getCached(env.SESSIONS, 'home', 5));\n  },\n};\n";

describe('cross-file summaries in the language server', () => {
  it('editing an open helper re-lints its caller: the TTL problem at the call site goes away when the helper clamps', async () => {
    const s = await startSession({ files: { 'src/kv.ts': HELPER, 'src/index.ts': CALLER } });
    try {
      s.open('src/index.ts');
      const first = await s.pull('src/index.ts');
      assert.ok(codes(first.items).includes('kv-cachettl-below-minimum'), JSON.stringify(first.items));
      const helper = s.open('src/kv.ts');
      await s.pull('src/kv.ts');
      const refreshes = s.client.count('workspace/diagnostic/refresh');
      s.client.replaceAll(helper, HELPER.replace('{ cacheTtl: ttl }', '{ cacheTtl: Math.max(30, ttl) }'));
      await s.client.waitFor('a diagnostic refresh', () => s.client.count('workspace/diagnostic/refresh') > refreshes);
      const second = await s.pull('src/index.ts', first.resultId);
      assert.equal(second.kind, 'full', 'same caller version, changed helper: a new result');
      assert.ok(!codes(second.items).includes('kv-cachettl-below-minimum'), JSON.stringify(second.items));
    } finally {
      await s.dispose();
    }
  });

  it('push clients: the caller is re-published without the problem once the open helper clamps', async () => {
    const s = await startSession({ caps: PUSH_CAPS, files: { 'src/kv.ts': HELPER, 'src/index.ts': CALLER } });
    try {
      const caller = s.open('src/index.ts');
      await s.client.waitForDiagnostics(caller, (d) => codes(d).includes('kv-cachettl-below-minimum'));
      const helper = s.open('src/kv.ts');
      s.client.replaceAll(helper, HELPER.replace('{ cacheTtl: ttl }', '{ cacheTtl: Math.max(30, ttl) }'));
      await s.client.waitForDiagnostics(caller, (d) => !codes(d).includes('kv-cachettl-below-minimum'));
    } finally {
      await s.dispose();
    }
  });
});
