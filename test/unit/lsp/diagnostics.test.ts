// Diagnostics over a real stdio connection: each file kind, pull and push, open/change/close, result ids, settings, run mode.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { codes, find, HEADERS, PUSH_CAPS, startSession, WORKER, type Session } from './fixtures';

const SEMICOLON_LINE = 4;

describe('pull diagnostics per file kind', () => {
  let s: Session;
  before(async () => {
    s = await startSession({
      files: {
        'broken/wrangler.toml': 'name = "broken\nmain = [\n',
        'broken/package.json': '{ "name": "x", "scripts": { "deploy": ',
        '.github/workflows/deploy.yml': 'on: [push]\njobs:\n  deploy:\n    steps: [\n',
        'cfg/.edgelintrc.json': '{ "rules": { "cc-syntax": "loud" } }\n',
        'cfg/src/app.js': "export default { fetch: () => new Response('', { headers: { 'cache-control': 'max-age=1; public' } }) };\n",
      },
    });
  });
  after(() => s.dispose());

  it('Worker source: rule id as code, docs link, source, severities and exact ranges', async () => {
    s.open('src/index.ts');
    const report = await s.pull('src/index.ts');
    assert.equal(report.kind, 'full');
    const kv = find(report.items, 'kv-cachettl-below-minimum');
    const cc = find(report.items, 'cc-syntax');
    assert.ok(kv && cc, JSON.stringify(codes(report.items)));
    assert.equal(kv.source, 'edgelint');
    assert.equal(kv.severity, 1, 'error');
    assert.equal(cc.severity, 2, 'warning');
    assert.equal(kv.codeDescription.href, 'https://github.com/edgelint/edgelint/blob/main/docs/rules/kv-cachettl-below-minimum.md');
    const line3 = WORKER.split('\n')[3]!;
    assert.deepEqual(kv.range, { start: { line: 3, character: line3.indexOf('10') }, end: { line: 3, character: line3.indexOf('10') + 2 } });
    const line4 = WORKER.split('\n')[SEMICOLON_LINE]!;
    assert.deepEqual(cc.range.start, { line: SEMICOLON_LINE, character: line4.indexOf(';') });
  });

  it('_headers: Cache-Control problems at their position', async () => {
    s.open('public/_headers');
    const report = await s.pull('public/_headers');
    const cc = report.items.filter((d: any) => d.code === 'cc-syntax');
    assert.equal(cc.length, 2, JSON.stringify(report.items));
    const line = HEADERS.split('\n')[1]!;
    const semicolons = [line.indexOf(';'), line.lastIndexOf(';')];
    assert.deepEqual(cc.map((d: any) => d.range.start), semicolons.map((character) => ({ line: 1, character })));
  });

  it('an open buffer over the size limit is reported once, not parsed', async () => {
    s.project.write('src/bundle.js', `${WORKER}// ${'x'.repeat(1024 * 1024)}\n`);
    s.open('src/bundle.js');
    const report = await s.pull('src/bundle.js');
    assert.deepEqual(codes(report.items), ['file-error']);
    assert.match(report.items[0].message, /over the 1048576-character limit; not linted/);
  });

  it('a broken wrangler.toml, package.json and workflow report parse errors (no docs link: not a rule)', async () => {
    for (const rel of ['broken/wrangler.toml', 'broken/package.json', '.github/workflows/deploy.yml']) {
      s.open(rel);
      const report = await s.pull(rel);
      const parse = find(report.items, 'parse-error');
      assert.ok(parse, `${rel}: ${JSON.stringify(report.items)}`);
      assert.equal(parse.severity, 1);
      assert.equal(parse.codeDescription, undefined);
    }
  });

  it('.edgelintrc.json: config errors in the config file; the config applies to files below it', async () => {
    s.open('cfg/.edgelintrc.json');
    const report = await s.pull('cfg/.edgelintrc.json');
    assert.match(find(report.items, 'config-error')?.message ?? '', /Invalid setting for "cc-syntax"/);
    s.open('cfg/src/app.js');
    assert.ok(codes((await s.pull('cfg/src/app.js')).items).includes('cc-syntax'), 'an invalid setting leaves the rule at its default');
  });

  it('repeated pulls of an unchanged document answer "unchanged" with the same result id', async () => {
    const first = await s.pull('src/index.ts');
    const second = await s.pull('src/index.ts', first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
  });
});

describe('document lifecycle (pull)', () => {
  it('open, change, close: problems follow the text; a closed document has no diagnostics', async () => {
    const s = await startSession();
    try {
      const uri = s.open('src/index.ts');
      const before = await s.pull('src/index.ts');
      assert.ok(codes(before.items).includes('cc-syntax'));
      const line = WORKER.split('\n')[SEMICOLON_LINE]!;
      const at = line.indexOf(';');
      s.client.change(uri, [{ range: { start: { line: SEMICOLON_LINE, character: at }, end: { line: SEMICOLON_LINE, character: at + 1 } }, newText: ',' }]);
      const after1 = await s.pull('src/index.ts', before.resultId);
      assert.equal(after1.kind, 'full');
      assert.notEqual(after1.resultId, before.resultId);
      assert.ok(!codes(after1.items).includes('cc-syntax'), JSON.stringify(after1.items));
      assert.ok(codes(after1.items).includes('kv-cachettl-below-minimum'));
      s.client.close(uri);
      assert.deepEqual(await s.pull('src/index.ts'), { kind: 'full', items: [] });
    } finally {
      await s.dispose();
    }
  });
});

describe('settings (workspace/configuration, resource-scoped)', () => {
  it('edgelint.rules overrides severities; didChangeConfiguration re-reads settings and asks for a refresh', async () => {
    let rules: Record<string, unknown> = { 'cc-syntax': 'off', 'kv-cachettl-below-minimum': 'info' };
    const s = await startSession();
    s.client.settings = () => ({ rules });
    try {
      s.open('src/index.ts');
      const first = await s.pull('src/index.ts');
      assert.deepEqual(codes(first.items), ['kv-cachettl-below-minimum']);
      assert.equal(first.items[0].severity, 3, 'info -> Information');
      const scopes = s.client.serverRequests.filter((m) => m.method === 'workspace/configuration').flatMap((m) => m.params.items);
      assert.ok(scopes.some((i: any) => i.section === 'edgelint' && i.scopeUri === s.project.uri('src/index.ts')), JSON.stringify(scopes));
      rules = {};
      const refreshes = s.client.count('workspace/diagnostic/refresh');
      s.client.notify('workspace/didChangeConfiguration', { settings: null });
      await s.client.waitFor('a diagnostic refresh', () => s.client.count('workspace/diagnostic/refresh') > refreshes);
      const second = await s.pull('src/index.ts', first.resultId);
      assert.ok(codes(second.items).includes('cc-syntax'));
    } finally {
      await s.dispose();
    }
  });

  it('edgelint.enable false: no diagnostics and no code actions', async () => {
    const s = await startSession({ settings: { enable: false } });
    try {
      const uri = s.open('src/index.ts');
      assert.deepEqual((await s.pull('src/index.ts')).items, []);
      const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
      assert.deepEqual(await s.client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), []);
    } finally {
      await s.dispose();
    }
  });

  it('edgelint.run onSave: edits are reported after didSave, not while typing', async () => {
    const s = await startSession({ settings: { run: 'onSave' } });
    try {
      const uri = s.open('src/index.ts');
      assert.ok(codes((await s.pull('src/index.ts')).items).includes('cc-syntax'));
      s.client.replaceAll(uri, WORKER.replace('public; max-age=60', 'public, max-age=60'));
      assert.ok(codes((await s.pull('src/index.ts')).items).includes('cc-syntax'), 'still the saved state');
      // Messages are handled in order: the save is recorded before the next pull is answered.
      s.client.notify('textDocument/didSave', { textDocument: { uri } });
      assert.ok(!codes((await s.pull('src/index.ts')).items).includes('cc-syntax'), 'saved state re-linted');
    } finally {
      await s.dispose();
    }
  });
});

describe('push diagnostics (clients without pull support)', () => {
  it('publishes on open and change with the document version, and clears on close', async () => {
    const s = await startSession({ caps: PUSH_CAPS });
    try {
      const uri = s.open('src/index.ts');
      await s.client.waitForDiagnostics(uri, (d) => codes(d).includes('cc-syntax'));
      const published = s.client.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
      assert.equal(published.at(-1)!.params.version, 1);
      s.client.replaceAll(uri, WORKER.replace('public; max-age=60', 'public, max-age=60'));
      const after1 = await s.client.waitForDiagnostics(uri, (d) => !codes(d).includes('cc-syntax'));
      assert.ok(codes(after1).includes('kv-cachettl-below-minimum'));
      s.client.close(uri);
      await s.client.waitForDiagnostics(uri, (d) => d.length === 0);
    } finally {
      await s.dispose();
    }
  });

  it('a background workspace pass publishes problems of files that are not open (_headers)', async () => {
    const bad = '/*\n  Cache-Control: max-age=1; public\n';
    const s = await startSession({ caps: PUSH_CAPS, files: { '.gitignore': 'build/\n', 'build/_headers': bad, 'node_modules/pkg/_headers': bad } });
    try {
      const headers = s.project.uri('public/_headers');
      const diagnostics = await s.client.waitForDiagnostics(headers, (d) => codes(d).includes('cc-syntax'));
      assert.equal(diagnostics.length, 2);
      // The pass runs in path order, so these would have been published before public/_headers.
      assert.ok(!s.client.published.has(s.project.uri('build/_headers')), 'gitignored');
      assert.ok(!s.client.published.has(s.project.uri('node_modules/pkg/_headers')), 'node_modules');
    } finally {
      await s.dispose();
    }
  });
});
