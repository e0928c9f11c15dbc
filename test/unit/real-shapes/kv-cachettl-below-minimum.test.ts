// kv-cachettl-below-minimum on the shapes real projects use (issue 6): bindings from Env types, wrangler.* variants, class fields,
// call shapes and helper parameters; values from ternaries, fallbacks and request input; TTLs through helpers.
import rule from '../../../server/src/rules/kv/kv-cachettl-below-minimum';
import { runRuleTests } from '../../harness/rule-tester';
import { NO_WRANGLER } from '../../harness/virtual-project';

runRuleTests(rule, {
  valid: [
    `export default {\n  async fetch(request, env) {\n    const ttl = Math.max(30, parseInt(request.headers.get('x-cache-ttl') ?? '60'));\n    return new Response(await env.KV.get('k', { cacheTtl: ttl }));\n  },\n};`,
    `const memo = new Map();\nexport function read(key) {\n  return memo.get(key, { cacheTtl: 5 });\n}`,
    `async function cached(env, key, ttl) {\n  return env.KV.get(key, { cacheTtl: Math.max(30, ttl) });\n}\nexport const handler = (env) => cached(env, 'config', 15);`,
    { code: `import { getCached } from './kv';\nexport const handler = (env) => getCached(env.KV, 'home', 300);`, files: { 'src/kv.ts': `export async function getCached(kv: KVNamespace, key: string, ttl: number) {\n  return kv.get(key, { cacheTtl: ttl });\n}\n` } },
  ],
  invalid: [
    {
      name: "Pages Function with dashboard bindings (no wrangler config): KV by call shape",
      filename: "functions/api/[slug].ts",
      files: {
        [NO_WRANGLER]: ``,
      },
      code: `export const onRequestGet: PagesFunction = async ({ env, params }) => {
  const page = await env.PAGES_KV.get(String(params.slug), { type: 'json', cacheTtl: 10 });
  return Response.json(page);
};`,
      errors: [
        {
          messageId: 'belowMinimum', line: 2, column: 86, severity: 'error', message: "cacheTtl: 10 on PAGES_KV.get() is below KV's 30 s minimum",
          suggestions: [{ title: "Use cacheTtl: 30", output: `export const onRequestGet: PagesFunction = async ({ env, params }) => {
  const page = await env.PAGES_KV.get(String(params.slug), { type: 'json', cacheTtl: 30 });
  return Response.json(page);
};` }, { title: "Remove cacheTtl (KV's default is 60 s)", output: `export const onRequestGet: PagesFunction = async ({ env, params }) => {
  const page = await env.PAGES_KV.get(String(params.slug), { type: 'json' });
  return Response.json(page);
};` }],
        },
      ],
    },
    {
      name: "ternary branch below the minimum through a const (header or 20)",
      code: `export default {
  async fetch(request, env) {
    const h = request.headers.get('x-cache-ttl');
    const ttl = h ? parseInt(h) : 20;
    return new Response(await env.KV.get('k', { cacheTtl: ttl }));
  },
};`,
      errors: [
        {
          messageId: 'belowMinimum', line: 4, column: 35, severity: 'error', message: "cacheTtl: 20 on KV.get() is below KV's 30 s minimum",
          suggestions: [{ title: "Use cacheTtl: 30", output: `export default {
  async fetch(request, env) {
    const h = request.headers.get('x-cache-ttl');
    const ttl = h ? parseInt(h) : 30;
    return new Response(await env.KV.get('k', { cacheTtl: ttl }));
  },
};` }],
        },
      ],
    },
    {
      name: "options object built conditionally",
      code: `export async function read(env, key, fresh) {
  return env.CACHE.get(key, fresh ? {} : { cacheTtl: 10 });
}`,
      errors: [
        {
          messageId: 'belowMinimum', line: 2, column: 54, severity: 'error', message: "cacheTtl: 10 on CACHE.get() is below KV's 30 s minimum",
          suggestions: [{ title: "Use cacheTtl: 30", output: `export async function read(env, key, fresh) {
  return env.CACHE.get(key, fresh ? {} : { cacheTtl: 30 });
}` }, { title: "Remove cacheTtl (KV's default is 60 s)", output: `export async function read(env, key, fresh) {
  return env.CACHE.get(key, fresh ? {} : {  });
}` }],
        },
      ],
    },
    {
      name: "request header guarded only by > 0",
      code: `export default {
  async fetch(request, env) {
    const ttl = parseInt(request.headers.get('x-cache-ttl') || '60');
    if (ttl > 0) return new Response(await env.KV.get('k', { cacheTtl: ttl }));
    return new Response('none');
  },
};`,
      errors: [
        {
          messageId: 'requestInput', line: 4, column: 72, severity: 'warn', message: "from the request header x-cache-ttl",
          suggestions: [{ title: "Clamp with Math.max(30, …)", output: `export default {
  async fetch(request, env) {
    const ttl = parseInt(request.headers.get('x-cache-ttl') || '60');
    if (ttl > 0) return new Response(await env.KV.get('k', { cacheTtl: Math.max(30, ttl) }));
    return new Response('none');
  },
};` }],
        },
      ],
    },
    {
      name: "same-file helper called with 15",
      code: `async function cached(env, key, ttl) {
  return env.KV.get(key, { cacheTtl: ttl, type: 'json' });
}
export default {
  async fetch(request, env) {
    return Response.json(await cached(env, 'config', 15));
  },
};`,
      errors: [
        {
          messageId: 'throughCall', line: 6, column: 54, severity: 'error', message: "cacheTtl: 15 reaches KV.get() on line 2",
          suggestions: [{ title: "Pass 30", output: `async function cached(env, key, ttl) {
  return env.KV.get(key, { cacheTtl: ttl, type: 'json' });
}
export default {
  async fetch(request, env) {
    return Response.json(await cached(env, 'config', 30));
  },
};` }],
        },
      ],
    },
    {
      name: "helper imported from another file",
      files: {
        "src/kv.ts": `export async function getCached(kv: KVNamespace, key: string, ttl: number) {
  return kv.get(key, { cacheTtl: ttl });
}
`,
      },
      code: `import { getCached } from './kv';
export default {
  async fetch(request, env) {
    return new Response(await getCached(env.KV, 'home', 5));
  },
};`,
      errors: [
        {
          messageId: 'throughCall', line: 4, column: 57, severity: 'error', message: "cacheTtl: 5 reaches getCached() in ./kv, which passes it to kv.get()",
          suggestions: [{ title: "Pass 30", output: `import { getCached } from './kv';
export default {
  async fetch(request, env) {
    return new Response(await getCached(env.KV, 'home', 30));
  },
};` }],
        },
      ],
    },
    {
      name: "wrapper class: private fields and a period set from a ternary",
      code: `export class ConfigStore {
  #kv: KVNamespace;
  #period: 10 | 60;
  constructor(kv: KVNamespace, fast: boolean) {
    this.#kv = kv;
    this.#period = fast ? 10 : 60;
  }
  read(key: string) {
    return this.#kv.get(key, { cacheTtl: this.#period });
  }
}`,
      errors: [
        {
          messageId: 'belowMinimum', line: 6, column: 27, severity: 'error', message: "cacheTtl: 10 on kv.get() is below KV's 30 s minimum",
          suggestions: [{ title: "Use cacheTtl: 30", output: `export class ConfigStore {
  #kv: KVNamespace;
  #period: 10 | 60;
  constructor(kv: KVNamespace, fast: boolean) {
    this.#kv = kv;
    this.#period = fast ? 30 : 60;
  }
  read(key: string) {
    return this.#kv.get(key, { cacheTtl: this.#period });
  }
}` }],
        },
      ],
    },
  ],
});
