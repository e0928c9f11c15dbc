// Invariant over every file kind and broken inputs: every problem range (and every fix edit) lies inside the file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile } from '../../../server/src/engine/linter';
import { LANGUAGES } from '../../../server/src/engine/languages';
import type { FileKind } from '../../../server/src/engine/types';
import { allRules, ruleIds } from '../../../server/src/rules';
import { parseConfig } from '../../../server/src/engine/config';

/** A path of each kind, and a valid-looking text to break. */
const SAMPLES: Record<FileKind, { path: string; text: string }> = {
  worker: { path: '/p/src/index.ts', text: "export default { async fetch(req, env) { const r = new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); await caches.default.put(req, r); await env.KV.put('k', 'v', { expirationTtl: 10 }); return r; } };\n" },
  wrangler: { path: '/p/wrangler.toml', text: 'name = "w"\ncompatibility_date = "2020-01-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "1"\npreview_id = "1"\n[site]\nbucket = "./public"\n' },
  headers: { path: '/p/public/_headers', text: '/*\n  Cache-Control: public; max-age=60\n  Cache-Control: max-age=60\n/assets/*\n  Cache-Control: no-store, max-age=5\n' },
  package: { path: '/p/package.json', text: '{"name":"x","scripts":{"deploy":"wrangler deploy && curl https://example.com/"}}\n' },
  workflow: { path: '/p/.github/workflows/ci.yml', text: 'on:\n  schedule:\n    - cron: "*/5 * * * *"\njobs:\n  a:\n    steps:\n      - run: wrangler deploy && curl https://example.com/\n' },
  'edgelint-config': { path: '/p/.edgelintrc.json', text: '{"rules":{"cc-syntax":"warn","nope":"x"}}\n' },
  shell: { path: '/p/scripts/warm.sh', text: '#!/bin/bash\n# warm the cache after deploy\nfor u in a b; do curl "https://example.com/$u"; done\n' },
};

/** Broken variants: every prefix cut at a few points, an unclosed bracket or quote at the end, and stray bytes. */
function brokenVariants(text: string): string[] {
  const cuts = [1, 2, 3, 5, 7, 11].map((k) => text.slice(0, Math.floor((text.length * k) / 12)));
  return [...cuts, '', text.trimEnd(), `${text}[`, `${text}{`, `${text}"`, `${text}'`, `${text}\``, `${text}\r`, `${text}:\n  - [`,
    `${text}  a: [\n`, `${text}\t}`, text.replace(/\n/g, '\r\n'), `\ufeff${text}`, `${text}\u00e9\ud83d`];
}

describe('every problem range lies inside the file', () => {
  for (const language of LANGUAGES) {
    it(`${language.kind}: broken inputs`, () => {
      const sample = SAMPLES[language.kind];
      assert.ok(sample, `no sample for ${language.kind}`);
      let checked = 0;
      for (const text of brokenVariants(sample.text)) {
        // The config file's problems come from the config parser (the adapters add them), so both are checked.
        const fromConfig = language.kind === 'edgelint-config' ? parseConfig(text, ruleIds).problems : [];
        for (const p of [...lintFile({ path: sample.path, text, rules: allRules }).problems, ...fromConfig]) {
          checked++;
          const where = `${language.kind} ${JSON.stringify(text.slice(-20))}: ${p.ruleId} ${p.start}-${p.end} of ${text.length}`;
          assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, where);
          for (const fix of [p.fix, ...(p.suggestions ?? [])]) {
            for (const e of fix?.edits ?? []) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${where} edit ${e.start}-${e.end}`);
          }
        }
      }
      assert.ok(checked > 0, `no problems at all for ${language.kind}: the inputs test nothing`);
    });
  }
});
