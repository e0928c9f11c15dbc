// Every project lookup stops at the project root (issue 10 item 2): wrangler configs, package.json, Env type files,
// wrangler's config schema and relative imports above the root are neither read nor used.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { Project, type Host } from '../../../server/src/engine/project';
import { Workspace } from '../../../server/src/node-io/workspace';
import { tempProject, type TempProject } from '../../harness/temp-project';

const WRANGLER_ABOVE = 'name = "outer"\nmain = "proj/src/index.ts"\ncompatibility_date = "2020-01-01"\n\n[[kv_namespaces]]\nbinding = "OUTER_KV"\nid = "1"\n';
const PACKAGE_ABOVE = '{ "scripts": { "deploy": "wrangler deploy --compatibility-date 2024-01-01 && node warm.mjs" } }';
const ENV_ABOVE = 'interface Env { TYPED_KV: KVNamespace; }\n';
const SCHEMA_ABOVE = '{ "type": "object" }';
const HELPER = 'export async function store(kv: KVNamespace, ttl: number) { await kv.put("k", "v", { expirationTtl: ttl }); }\n';

/** A host over the disk that records every path it is asked for; `root` is the project root (undefined: none). */
function recordingHost(root: string | undefined): Host & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: (path) => { reads.push(path); try { return readFileSync(path, 'utf8'); } catch { return undefined; } },
    listDir: (dir) => { reads.push(`${dir}/`); try { return readdirSync(dir); } catch { return undefined; } },
    configRoot: () => root,
  };
}

describe('lookups stop at the project root', () => {
  const temps: TempProject[] = [];
  after(() => temps.forEach((t) => t.remove()));
  /** A folder holding the project `proj/` (the root) and, above it, files no lookup may use. */
  const make = (): TempProject => {
    const t = tempProject({
      'wrangler.toml': WRANGLER_ABOVE, 'package.json': PACKAGE_ABOVE, 'worker-configuration.d.ts': ENV_ABOVE,
      'node_modules/wrangler/config-schema.json': SCHEMA_ABOVE, 'outside/helper.ts': HELPER,
      'proj/src/index.ts': 'import { store } from "../../outside/helper";\n', 'proj/index.ts': 'import { store } from "../outside/helper";\n',
    }, 'edgelint-lookups-');
    temps.push(t);
    return t;
  };
  const outsideReads = (t: TempProject, host: { reads: string[] }) => host.reads.filter((p) => !p.startsWith(t.path('proj')));

  it('without a root the lookups reach the parent folder (the files above are real facts)', () => {
    const t = make();
    const host = recordingHost(undefined);
    const project = new Project(host);
    const facts = project.factsFor(t.path('proj/src/index.ts'));
    assert.equal(facts.wrangler?.path, t.path('wrangler.toml'));
    assert.ok(facts.kvBindings.has('OUTER_KV'));
    assert.ok(facts.kvBindingOrigins.has('TYPED_KV'));
    assert.ok(facts.wranglerSchema?.());
    assert.ok(facts.compatDateOnCommandLine);
    assert.ok(project.modules.summaryOf(t.path('proj/src/index.ts'), '../../outside/helper'));
    assert.ok(host.reads.includes(t.path('outside/helper.ts')));
  });

  it('a wrangler.toml, package.json, Env types and config schema above the root provide no facts and are not read', () => {
    const t = make();
    const host = recordingHost(t.path('proj'));
    const facts = new Project(host).factsFor(t.path('proj/src/index.ts'));
    assert.equal(facts.wrangler, undefined);
    assert.equal(facts.kvBindings.size, 0);
    assert.ok(!facts.kvBindingOrigins.has('TYPED_KV'));
    assert.equal(facts.compatDateOnCommandLine, undefined);
    assert.equal(facts.wranglerSchema?.(), undefined);
    assert.deepEqual(outsideReads(t, host), []);
  });

  it('a relative import leaving the root is not followed and the helper is never read', () => {
    const t = make();
    const host = recordingHost(t.path('proj'));
    const project = new Project(host);
    assert.equal(project.modules.summaryOf(t.path('proj/src/index.ts'), '../../outside/helper'), undefined);
    assert.equal(project.modules.summaryOf(t.path('proj/index.ts'), '../outside/helper.ts'), undefined);
    assert.equal(project.modules.resolveImport(t.path('proj/index.ts'), '../outside/helper.js'), undefined);
    assert.deepEqual(outsideReads(t, host), []);
  });

  it('imports inside the root still resolve (also `..` that stays inside)', () => {
    const t = make();
    t.write('proj/lib/kv.ts', HELPER);
    const project = new Project(recordingHost(t.path('proj')));
    assert.equal(project.modules.resolveImport(t.path('proj/src/index.ts'), '../lib/kv.js'), t.path('proj/lib/kv.ts'));
    assert.ok(project.modules.summaryOf(t.path('proj/src/index.ts'), '../lib/kv'));
  });

  it('the CLI/server workspace passes its root to every lookup', () => {
    const t = make();
    const workspace = new Workspace({ roots: [t.path('proj')] });
    const facts = workspace.project.factsFor(t.path('proj/src/index.ts'));
    assert.equal(facts.wrangler, undefined);
    assert.ok(!facts.kvBindingOrigins.has('TYPED_KV'));
    assert.equal(facts.wranglerSchema?.(), undefined);
    assert.equal(workspace.project.modules.summaryOf(t.path('proj/src/index.ts'), '../../outside/helper'), undefined);
  });
});
