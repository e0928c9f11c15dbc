// The project model: import resolution and cached module summaries, bindings from Env type files and wrangler.*
// variants (with their origin), and the info note for KV-like calls on a binding nothing declares.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintFile } from '../../../server/src/engine/linter';
import { ModuleGraph } from '../../../server/src/engine/project/modules';
import { emptyFacts } from '../../../server/src/engine/project/facts';
import { allRules } from '../../../server/src/rules';
import { NO_WRANGLER, ROOT, virtualProject } from '../../harness/virtual-project';

const at = (path: string) => join(ROOT, path);

describe('module graph', () => {
  const files = new Map<string, string>([
    [at('src/kv.ts'), 'export async function getCached(kv: KVNamespace, k: string, ttl: number) { return kv.get(k, { cacheTtl: ttl }); }'],
    [at('src/lib/index.ts'), 'export const x = 1;'],
    [at('src/a.ts'), "import { b } from './b';\nexport function a(env, ttl) { return env.KV.put('k', 'v', { expirationTtl: ttl }); }"],
    [at('src/b.ts'), "import { a } from './a';\nexport function b() {}"],
  ]);
  let reads = 0;
  const graph = new ModuleGraph((p) => { reads++; return files.get(p); }, () => emptyFacts());

  it('resolves relative specifiers with TypeScript-style extensions and index files; ignores packages', () => {
    assert.equal(graph.resolveImport(at('src/index.ts'), './kv'), at('src/kv.ts'));
    assert.equal(graph.resolveImport(at('src/index.ts'), './kv.js'), at('src/kv.ts'));
    assert.equal(graph.resolveImport(at('src/index.ts'), './lib'), at('src/lib/index.ts'));
    assert.equal(graph.resolveImport(at('src/index.ts'), 'hono'), undefined);
    assert.equal(graph.resolveImport(at('src/index.ts'), './missing'), undefined);
  });

  it('summarises exported functions whose parameter reaches a KV TTL, and caches the summary by content', () => {
    const first = graph.summaryOf(at('src/index.ts'), './kv');
    const param = first?.functions.get('getCached')?.ttlParams[0];
    assert.deepEqual(param && { index: param.index, option: param.option, binding: param.binding }, { index: 2, option: 'cacheTtl', binding: 'kv' });
    assert.equal(graph.summaryOf(at('src/index.ts'), './kv'), first, 'same text: the cached summary');
    files.set(at('src/kv.ts'), 'export async function getCached(kv: KVNamespace, k: string) { return kv.get(k, { cacheTtl: 300 }); }');
    const second = graph.summaryOf(at('src/index.ts'), './kv');
    assert.notEqual(second, first);
    assert.deepEqual(second?.functions.get('getCached')?.ttlParams, [], 'no parameter reaches the TTL any more');
    assert.equal(second?.functions.get('getCached')?.access?.reads.length, 1, 'it still returns a KV read (for read-modify-write callers)');
  });

  it('survives import cycles', () => {
    const summary = graph.summaryOf(at('src/index.ts'), './a');
    assert.ok(summary?.functions.get('a'));
    assert.ok(reads > 0);
  });
});

describe('bindings from every source', () => {
  it('Env type files give KV names with their origin, and non-KV typed names count as other bindings', () => {
    const { project } = virtualProject({
      [NO_WRANGLER]: '', 'package.json': '{"name":"app"}',
      'worker-configuration.d.ts': 'interface Env {\n  CONTENT: KVNamespace;\n  FILES: R2Bucket;\n  DB: D1Database;\n}\n',
    });
    const facts = project.factsFor(at('src/index.ts'));
    assert.deepEqual([...facts.kvTypedNames], ['CONTENT']);
    assert.equal(facts.kvBindingOrigins.get('CONTENT'), 'worker-configuration.d.ts');
    assert.ok(facts.otherBindings.has('FILES') && facts.otherBindings.has('DB'));
  });

  it('wrangler.* variants next to the config add their KV bindings, recorded with the file name', () => {
    const { project } = virtualProject({
      'wrangler.toml': 'name = "a"\n[[kv_namespaces]]\nbinding = "MAIN"\nid = "1"\n',
      'wrangler.staging.toml': 'name = "a-staging"\n[[kv_namespaces]]\nbinding = "STAGING_ONLY"\nid = "2"\n',
    });
    const facts = project.factsFor(at('src/index.ts'));
    assert.deepEqual([...facts.kvBindings].sort(), ['MAIN', 'STAGING_ONLY']);
    assert.equal(facts.kvBindingOrigins.get('STAGING_ONLY'), 'wrangler.staging.toml');
    assert.equal(facts.wrangler?.path, at('wrangler.toml'), 'the standard config stays the primary one');
  });
});

describe('unresolved KV-like bindings are reported, not silently skipped', () => {
  const lint = (code: string, files: Record<string, string>, path = 'functions/api/save.ts') => {
    const { project } = virtualProject({ ...files, [path]: code });
    return lintFile({ path: at(path), text: code, rules: allRules, facts: project.factsFor(at(path)) }).problems;
  };
  const PAGES = "export async function onRequestPost({ env, request }) {\n  await env.STORE.put('k', await request.text());\n  await env.STORE.put('j', 'x');\n  return new Response('ok');\n}";

  it('one info note on the first call when nothing declares the binding', () => {
    const notes = lint(PAGES, { [NO_WRANGLER]: '' }).filter((p) => p.ruleId === 'kv-binding-unresolved');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.severity, 'info');
    assert.equal(notes[0]!.start, PAGES.indexOf('env.STORE.put'));
    assert.match(notes[0]!.message, /env\.STORE/);
  });

  it('no note when a config, an Env type (KV or not) or a KV-only call shape says what it is', () => {
    const quiet = (problems: { ruleId: string }[]) => assert.ok(!problems.some((p) => p.ruleId === 'kv-binding-unresolved'), JSON.stringify(problems));
    quiet(lint(PAGES, { 'wrangler.toml': 'name = "a"\n[[kv_namespaces]]\nbinding = "STORE"\nid = "1"\n' }));
    quiet(lint(PAGES, { 'wrangler.toml': 'name = "a"\n[[workflows]]\nname = "w"\nbinding = "STORE"\nclass_name = "W"\n' }));
    quiet(lint(PAGES, { 'wrangler.jsonc': '{ "name": "a", "ai": { "binding": "STORE" } }' }));
    quiet(lint(PAGES, { [NO_WRANGLER]: '', 'package.json': '{}', 'worker-configuration.d.ts': 'interface Env { STORE: R2Bucket }' }));
    quiet(lint(PAGES.replace("'x')", "'x', { expirationTtl: 3600 })"), { [NO_WRANGLER]: '' }));
  });
});
