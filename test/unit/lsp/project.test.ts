// Project facts over a real stdio connection: wrangler/package/.edgelintrc changes re-lint open documents (edited or on disk),
// watchers are registered, the workspace pass reports files that are not open, and the editor agrees with the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { codes, PUSH_CAPS, startSession, WRANGLER } from './fixtures';

// SESSIONS becomes an R2 bucket: KV rules must stop reporting its calls (a call shape alone never overrides the config).
const RENAMED = WRANGLER.replace('[[kv_namespaces]]\nbinding = "SESSIONS"\nid = "00000000000000000000000000000003"', '[[r2_buckets]]\nbinding = "SESSIONS"\nbucket_name = "sessions"');

describe('inter-file dependencies (pull clients)', () => {
  it('registers file watchers and configuration changes dynamically', async () => {
    const s = await startSession();
    try {
      const registrations = await s.client.waitFor('registrations', () => {
        const all = s.client.serverRequests.filter((m) => m.method === 'client/registerCapability').flatMap((m) => m.params.registrations);
        return all.length >= 2 ? all : undefined;
      });
      const watchers = registrations.find((r: any) => r.method === 'workspace/didChangeWatchedFiles');
      const globs = watchers.registerOptions.watchers.map((w: any) => w.globPattern);
      for (const glob of ['**/wrangler.{toml,json,jsonc}', '**/wrangler.*.{toml,json,jsonc}', '**/package.json', '**/.edgelintrc.json', '**/.edgelintrc', '**/_headers', '**/*.{sh,bash}']) assert.ok(globs.includes(glob), glob);
      assert.deepEqual(registrations.find((r: any) => r.method === 'workspace/didChangeConfiguration').registerOptions, { section: 'edgelint' });
    } finally {
      await s.dispose();
    }
  });

  it('editing the open wrangler.toml (rename the KV binding) re-lints src/index.ts: the KV problem disappears, then returns', async () => {
    const s = await startSession();
    try {
      s.open('src/index.ts');
      const first = await s.pull('src/index.ts');
      assert.ok(codes(first.items).includes('kv-cachettl-below-minimum'));
      const toml = s.open('wrangler.toml');
      const refreshes = s.client.count('workspace/diagnostic/refresh');
      s.client.replaceAll(toml, RENAMED);
      await s.client.waitFor('a diagnostic refresh', () => s.client.count('workspace/diagnostic/refresh') > refreshes);
      const second = await s.pull('src/index.ts', first.resultId);
      assert.equal(second.kind, 'full', 'same document version, new project facts: a new result');
      assert.ok(!codes(second.items).includes('kv-cachettl-below-minimum'), JSON.stringify(second.items));
      assert.ok(codes(second.items).includes('cc-syntax'));
      // Closing without saving: the disk (SESSIONS is KV) counts again.
      s.client.close(toml);
      await s.client.waitFor('a second refresh', () => s.client.count('workspace/diagnostic/refresh') > refreshes + 1);
      assert.ok(codes((await s.pull('src/index.ts')).items).includes('kv-cachettl-below-minimum'));
    } finally {
      await s.dispose();
    }
  });

  it('a wrangler.toml changed on disk (workspace/didChangeWatchedFiles) re-lints open documents', async () => {
    const s = await startSession();
    try {
      s.open('src/index.ts');
      assert.ok(codes((await s.pull('src/index.ts')).items).includes('kv-cachettl-below-minimum'));
      s.project.write('wrangler.toml', RENAMED);
      const refreshes = s.client.count('workspace/diagnostic/refresh');
      s.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: s.project.uri('wrangler.toml'), type: 2 }] });
      await s.client.waitFor('a diagnostic refresh', () => s.client.count('workspace/diagnostic/refresh') > refreshes);
      assert.ok(!codes((await s.pull('src/index.ts')).items).includes('kv-cachettl-below-minimum'));
    } finally {
      await s.dispose();
    }
  });

  it('a new .edgelintrc.json on disk (rules, ignores) applies after the watcher event', async () => {
    const s = await startSession();
    try {
      s.open('src/index.ts');
      s.open('public/_headers');
      assert.ok(codes((await s.pull('src/index.ts')).items).includes('cc-syntax'));
      s.project.write('.edgelintrc.json', '{ "rules": { "cc-syntax": "off" }, "ignores": ["public/**"] }\n');
      const refreshes = s.client.count('workspace/diagnostic/refresh');
      s.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: s.project.uri('.edgelintrc.json'), type: 1 }] });
      await s.client.waitFor('a diagnostic refresh', () => s.client.count('workspace/diagnostic/refresh') > refreshes);
      assert.deepEqual(codes((await s.pull('src/index.ts')).items), ['kv-cachettl-below-minimum']);
      assert.deepEqual((await s.pull('public/_headers')).items, [], 'ignored by the config');
    } finally {
      await s.dispose();
    }
  });
});

describe('inter-file dependencies (push clients)', () => {
  it('re-publishes open documents when wrangler.toml changes on disk', async () => {
    const s = await startSession({ caps: PUSH_CAPS });
    try {
      const uri = s.open('src/index.ts');
      await s.client.waitForDiagnostics(uri, (d) => codes(d).includes('kv-cachettl-below-minimum'));
      s.project.write('wrangler.toml', RENAMED);
      s.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: s.project.uri('wrangler.toml'), type: 2 }] });
      const after1 = await s.client.waitForDiagnostics(uri, (d) => !codes(d).includes('kv-cachettl-below-minimum'));
      assert.ok(codes(after1).includes('cc-syntax'));
    } finally {
      await s.dispose();
    }
  });
});

describe('workspace diagnostics (workspace/diagnostic)', () => {
  it('reports files that are not open, answers "unchanged" when nothing changed, versions open documents, clears deleted files', async () => {
    const s = await startSession({ files: { 'broken/package.json': '{ "name": ' } });
    try {
      const first = await s.client.request('workspace/diagnostic', { previousResultIds: [] });
      const byPath = new Map(first.items.map((i: any) => [i.uri.slice(s.project.rootUri.length + 1), i]));
      assert.deepEqual([...byPath.keys()].sort(), ['broken/package.json', 'package.json', 'public/_headers', 'src/index.ts', 'wrangler.toml']);
      const headers: any = byPath.get('public/_headers');
      assert.equal(headers.kind, 'full');
      assert.equal(headers.version, null);
      assert.deepEqual(codes(headers.items), ['cc-syntax', 'cc-syntax']);
      assert.ok(codes((byPath.get('broken/package.json') as any).items).includes('parse-error'));

      const previousResultIds = first.items.map((i: any) => ({ uri: i.uri, value: i.resultId }));
      const second = await s.client.request('workspace/diagnostic', { previousResultIds });
      assert.ok(second.items.every((i: any) => i.kind === 'unchanged'), JSON.stringify(second.items.map((i: any) => i.kind)));

      s.open('src/index.ts');
      s.project.write('public/_headers', '/static/*\n  Cache-Control: public, max-age=60\n');
      rmSync(s.project.path('broken'), { recursive: true });
      s.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: s.project.uri('broken/package.json'), type: 3 }, { uri: s.project.uri('public/_headers'), type: 2 }] });
      const third = await s.client.request('workspace/diagnostic', { previousResultIds });
      const paths = (third.items as any[]).map((i) => [i.uri.slice(s.project.rootUri.length + 1), i.kind, i.items?.length]);
      const open = (third.items as any[]).find((i) => i.uri === s.project.uri('src/index.ts'));
      assert.equal(open.version, 1, 'open documents are reported with their version (clients prefer their document pulls)');
      assert.ok(codes(open.items).includes('kv-cachettl-below-minimum'));
      assert.deepEqual(paths.find(([p]) => p === 'public/_headers'), ['public/_headers', 'full', 0]);
      assert.deepEqual(paths.find(([p]) => p === 'broken/package.json'), ['broken/package.json', 'full', 0], 'deleted: cleared');
    } finally {
      await s.dispose();
    }
  });
});

describe('the editor and the CLI agree', () => {
  it('same rule ids and positions for every file of the project', async () => {
    const s = await startSession();
    try {
      const lsp = await s.client.request('workspace/diagnostic', { previousResultIds: [] });
      const fromLsp = (lsp.items as any[]).flatMap((i) => i.items.map((d: any) => `${i.uri.slice(s.project.rootUri.length + 1)}:${d.range.start.line + 1}:${d.range.start.character + 1}:${d.code}`)).sort();
      const cli = spawnSync(process.execPath, [resolve('dist/cli.js'), '--format', 'json', '.'], { cwd: s.project.root, encoding: 'utf8' });
      assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
      const fromCli = (JSON.parse(cli.stdout) as any[]).flatMap((f) => f.messages.map((m: any) => `${f.filePath.slice(s.project.root.length + 1)}:${m.line}:${m.column}:${m.ruleId}`)).sort();
      assert.ok(fromLsp.length >= 4, JSON.stringify(fromLsp));
      assert.deepEqual(fromLsp, fromCli);
    } finally {
      await s.dispose();
    }
  });
});
