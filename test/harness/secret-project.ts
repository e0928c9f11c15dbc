// A project whose vars, .dev.vars, scripts, workflows, _headers and Worker hold secrets: no output may ever print one.

/** Token-like values, one per place (Cloudflare API token shape: 40 characters of [A-Za-z0-9_-]). */
export const SECRETS = {
  varsToken: 'Zk3vQ9xT2mL8pR4wN7bY1cH6jD5sF0gAqE2uKo01',
  devVars: 'Qw8eR7tY6uI5oP4aS3dF2gH1jK0lZx9cV8bN7m02',
  envPrefix: 'Mn3bV4cX5zL6kJ7hG8fD9sA0pO1iU2yT3rE4w03',
  bearer: 'Pl0oK9ij8UH7yg6TF5rd4ES3wa2Q1zXcVbNm0q04',
  query: 'Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0KkLlMmNn05',
  flag: 'Hy7Gt6Fr5De4Sw3Aq2Zx1Cv0Bn9Mk8Lj7Hg6Ff06',
  workflow: 'Rt5Yu6Io7Pa8Sd9Fg0Hj1Kl2Zx3Cv4Bn5Mq6Ww07',
  workflowQuery: 'Ux9Iy8Ot7Pr6Ae5Sw4Dq3Fz2Gx1Hc0Jv9Kb8Ln08',
  literal: 'Ko2Lp3Mj4Nh5Bg6Vf7Cd8Xs9Za0Qw1Er2Ty3Ui09',
  headers: 'Gh4Jk5Lz6Xc7Vb8Nm9Qw0Er1Ty2Ui3Op4As5Df10',
  shell: 'Wq1Ed2Rf3Tg4Yh5Uj6Ik7Ol8Pz9Xa0Sc1Dv2Fb11',
  password: 'hunter2-correct-horse-battery',
};

/** The project files (relative path → text). */
export const SECRET_PROJECT: Record<string, string> = {
  'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[vars]\nCLOUDFLARE_API_TOKEN = "${SECRETS.varsToken}"\nDB_PASSWORD = "${SECRETS.password}"\n\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "00000000000000000000000000000003"\n`,
  '.dev.vars': `CLOUDFLARE_API_TOKEN=${SECRETS.devVars}\n`,
  'package.json': JSON.stringify({
    name: 'app', private: true,
    scripts: {
      deploy: `wrangler deploy && for p in / /shop; do CF_TOKEN=${SECRETS.envPrefix} curl -s -o /dev/null -H 'Authorization: Bearer ${SECRETS.bearer}' "https://example.com$p?key=${SECRETS.query}"; done`,
      postdeploy: `wrangler kv bulk put --binding CACHE warm-cache.json --api-token ${SECRETS.flag}`,
    },
  }, null, 2),
  '.github/workflows/warm.yml': `name: warm cache\non:\n  schedule:\n    - cron: "*/10 * * * *"\njobs:\n  warm:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Warm the cache\n        run: 'curl -s -o /dev/null -H "Authorization: Bearer ${SECRETS.workflow}" "https://example.com/api/warm?token=${SECRETS.workflowQuery}"'\n`,
  'scripts/warm-cache.sh': `#!/bin/bash\n# warm the cache after deploy\nfor p in / /a /b; do curl -s -o /dev/null "https://user:${SECRETS.shell}@example.com$p"; done\n`,
  'public/_headers': `/api/*\n  Cache-Control: public; max-age=60; sig=${SECRETS.headers}\n  X-Api-Key: ${SECRETS.headers}\n`,
  'src/index.ts': `export default {\n  async fetch(request: Request, env: Env): Promise<Response> {\n    await env.CACHE.put('k', 'v', { expirationTtl: 30 });\n    return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60; x-sig=${SECRETS.literal}' } });\n  },\n};\n`,
};

/** The secrets found in a text (empty when none leaked). */
export function leakedSecrets(text: string): string[] {
  return Object.entries(SECRETS).filter(([, value]) => text.includes(value)).map(([name]) => name);
}
