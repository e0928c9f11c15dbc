// Memory after many open/close cycles: closed documents keep no results and no syntax trees; open ones stay within the byte bound.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LspClient } from '../../harness/lsp-client';
import { codes, PULL_CAPS } from './fixtures';

/** A Worker of about `kib` KiB whose Cache-Control value makes the rules parse it (mostly a doc comment: cheap to lint). */
function largeWorker(i: number, kib: number): string {
  const handler = (n: number) => `export async function handler${i}_${n}(request: Request): Promise<Response> {\n  const url = new URL(request.url);\n  return new Response(url.pathname, { headers: { 'Cache-Control': 'public; max-age=60' } });\n}\n`;
  const code = Array.from({ length: 8 }, (_, n) => handler(n)).join('');
  return `${code}/*\n${' * Documentation line of a large module.\n'.repeat(Math.ceil((kib * 1024 - code.length) / 40))} */\n`;
}

interface Stats { results: number; savedTexts: number; savedResults: number; resultBytes: number; openDocuments: number; trees: { entries: number; bytes: number; paths: string[] } }

describe('LSP memory: closed documents', { timeout: 60_000 }, () => {
  it('200 large documents opened, linted and closed leave no trees and no results; open ones stay under the byte bound', async () => {
    const client = LspClient.start({ env: { EDGELINT_TEST_STATS: '1' } });
    try {
      await client.initialize(null, PULL_CAPS);
      const stats = () => client.request<Stats>('edgelint/test/cacheStats', null);
      const uri = (i: number) => `file:///edgelint-memory-test/src/worker-${i}.ts`;
      const open = new Set<number>();
      for (let i = 0; i < 200; i++) {
        client.open(uri(i), 'typescript', largeWorker(i, 48));
        open.add(i);
        const report = await client.request('textDocument/diagnostic', { textDocument: { uri: uri(i) } });
        assert.ok(codes(report.items).includes('cc-syntax'), 'the document was parsed and linted');
        if (open.size === 60) {
          // 60 open 48 KiB documents hold about 2.9 MB of source: the tree cache keeps under its 2 MiB bound.
          const midway = await stats();
          assert.ok(midway.trees.bytes <= 2 * 1024 * 1024, `tree cache holds ${midway.trees.bytes} bytes`);
          assert.ok(midway.trees.entries >= 1 && midway.trees.entries < 60, `${midway.trees.entries} trees`);
          assert.equal(midway.results, 60, 'open documents keep their lint results');
          for (const j of open) client.close(uri(j));
          open.clear();
        }
      }
      for (const j of open) client.close(uri(j));
      const after = await stats();
      assert.equal(after.openDocuments, 0);
      assert.deepEqual(after.trees, { entries: 0, bytes: 0, paths: [] }, 'no tree of a closed document is kept');
      assert.equal(after.results, 0);
      assert.equal(after.savedTexts, 0);
      assert.equal(after.savedResults, 0);
      assert.equal(after.resultBytes, 0);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('the stats request does not exist without its test variable', async () => {
    const client = LspClient.start();
    try {
      await client.initialize(null, PULL_CAPS);
      await assert.rejects(client.request('edgelint/test/cacheStats', null, 3000), /Unhandled method|edgelint\/test\/cacheStats/);
    } finally {
      await client.stop();
    }
  });
});
