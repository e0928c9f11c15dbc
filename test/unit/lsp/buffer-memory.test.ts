// Memory of closed buffers (issue 10 item 10): a 50 MB buffer and an open helper module, once closed, leave no text,
// tree, result or module summary behind, and the transport buffers nothing (stats hook, not RSS).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, PULL_CAPS } from './fixtures';
import { LspClient } from '../../harness/lsp-client';

interface Stats {
  results: number; resultBytes: number; openDocuments: number; trees: { entries: number; bytes: number };
  modules: { entries: number; chars: number; paths: string[] }; transport: { pendingBytes: number; retainedBytes: number };
}

const HELPER = 'export async function getCached(kv: KVNamespace, key: string, ttl: number) {\n  return kv.get(key, { cacheTtl: ttl });\n}\n';
const CALLER = "import { getCached } from './kv';\nexport default {\n  async fetch(request: Request, env: { SESSIONS: KVNamespace }): Promise<Response> {\n    return new Response(await getCached(env.SESSIONS, 'home', 5));\n  },\n};\n";

describe('LSP memory: closed buffers', { timeout: 60_000 }, () => {
  it('a 50 MB buffer opened, linted and closed releases its text, tree and results', async () => {
    const client = LspClient.start({ env: { EDGELINT_TEST_STATS: '1' } });
    try {
      await client.initialize(null, PULL_CAPS);
      const stats = () => client.request<Stats>('edgelint/test/cacheStats', null);
      const uri = 'file:///edgelint-buffer-test/src/huge.ts';
      client.open(uri, 'typescript', `export const big = 1;\n/* ${'x'.repeat(50 * 1024 * 1024)} */\n`);
      await client.request('textDocument/diagnostic', { textDocument: { uri } }, 20_000);
      const open = await stats();
      assert.equal(open.openDocuments, 1);
      client.close(uri);
      const closed = await stats();
      assert.equal(closed.openDocuments, 0);
      assert.equal(closed.results, 0);
      assert.equal(closed.resultBytes, 0);
      assert.equal(closed.trees.entries, 0);
      assert.equal(closed.modules.chars, 0);
      assert.ok(closed.transport.retainedBytes < 1024 * 1024, `the transport keeps ${closed.transport.retainedBytes} bytes`);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('an open helper module, once closed, leaves no summary (its buffer text) behind', async () => {
    const client = LspClient.start({ env: { EDGELINT_TEST_STATS: '1' } });
    try {
      await client.initialize(null, PULL_CAPS);
      const stats = () => client.request<Stats>('edgelint/test/cacheStats', null);
      const helper = 'file:///edgelint-buffer-test/src/kv.ts';
      const caller = 'file:///edgelint-buffer-test/src/index.ts';
      client.open(helper, 'typescript', HELPER);
      client.open(caller, 'typescript', CALLER);
      const report = await client.request('textDocument/diagnostic', { textDocument: { uri: caller } });
      assert.ok(codes(report.items).includes('kv-cachettl-below-minimum'), 'the caller used the helper\'s summary');
      assert.deepEqual((await stats()).modules.paths, ['/edgelint-buffer-test/src/kv.ts']);
      client.close(helper);
      client.close(caller);
      assert.deepEqual((await stats()).modules, { entries: 0, chars: 0, paths: [] });
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
