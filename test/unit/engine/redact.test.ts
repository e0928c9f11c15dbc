// The shared redaction helper: token-like values are replaced, ordinary message text is kept, commands are reduced.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMessage } from '../../../server/src/engine/define-rule';
import { commandSummary, quoteSource, redactSecrets, urlHostPath } from '../../../server/src/engine/redact';

const TOKEN = 'Zk3vQ9xT2mL8pR4wN7bY1cH6jD5sF0gAqE2uKo01';

describe('redactSecrets', () => {
  const redacted: [string, string][] = [
    [`CLOUDFLARE_API_TOKEN=${TOKEN} wrangler deploy`, 'CLOUDFLARE_API_TOKEN=*** wrangler deploy'],
    ['DB_PASSWORD: "hunter2-horse"', 'DB_PASSWORD: "***"'],
    ['-H "Authorization: Bearer abc.def-ghi"', '-H "Authorization: *** ***"'],
    [`--api-token ${TOKEN}`, '--api-token ***'],
    ['--password=hunter2', '--password=***'],
    ['https://example.com/warm?token=abc123&page=2', 'https://example.com/warm?token=***&page=2'],
    ['https://deploy:s3cret@example.com/hook', 'https://***@example.com/hook'],
    ['ghp_0123456789abcdefghijABCDEFGHIJ0123456789', '***'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', '***'],
    [`x-sig=${TOKEN}`, 'x-sig=***'],
    [`a random ${TOKEN} in prose`, 'a random *** in prose'],
  ];
  for (const [input, expected] of redacted) it(`redacts ${input.slice(0, 40)}`, () => assert.equal(redactSecrets(input), expected));

  const kept = [
    "'stale-while-revalidate=600' is ignored by Cloudflare's cache",
    'public, max-age=31536000, immutable',
    'id = "00000000000000000000000000000003"',
    'add "cache_api_request_cf_overrides_cache_rules" to compatibility_flags',
    'expirationTtl: 30 on CACHE.put() is below KV\'s 60 s minimum',
    'Definition for rule "kv-expiration-below-minimum" was not found',
    'wrangler kv bulk put --binding=DATA data/products.json',
    'compatibility_date 2024-11-11 in wrangler.toml',
    'cors({ credentials: true }) lacks Vary: Origin',
    'CLOUDFLARE_API_TOKEN=$CF_TOKEN wrangler deploy',
    'token: ${{ secrets.CF_TOKEN }}',
  ];
  for (const text of kept) it(`keeps ${text.slice(0, 40)}`, () => assert.equal(redactSecrets(text), text));
});

describe('commandSummary and quotes', () => {
  const cases: [string, string][] = [
    [`curl -s -H 'Authorization: Bearer ${TOKEN}' "https://example.com/api/warm?key=${TOKEN}"`, 'curl … https://example.com/api/warm'],
    [`CF_TOKEN=${TOKEN} npx wrangler kv bulk put --binding CACHE data.json`, 'npx wrangler kv bulk put …'],
    ['npm run warm:cache', 'npm run warm:cache'],
    ['/usr/bin/wget -q https://u:p@example.com:8443/x#frag', 'wget … https://example.com:8443/x'],
  ];
  for (const [command, summary] of cases) it(`summarises ${command.slice(0, 40)}`, () => assert.equal(commandSummary(command), summary));

  it('urlHostPath keeps scheme, host and path only', () => {
    assert.equal(urlHostPath('https://a:b@example.com/p/q?x=1#y'), 'https://example.com/p/q');
  });

  it('quoteSource flattens, redacts and truncates', () => {
    const quoted = quoteSource(`line one\n  KEY_TOKEN=${TOKEN} ${'x'.repeat(200)}`, 40);
    assert.equal(quoted.length, 40);
    assert.ok(quoted.startsWith('line one KEY_TOKEN=*** x'));
    assert.ok(quoted.endsWith('…'));
  });

  it('formatMessage redacts every placeholder and caps quoting ones, keeping their spacing', () => {
    assert.equal(formatMessage('in {{value}}', { value: `a; sig=${TOKEN}` }), 'in a; sig=***');
    assert.equal(formatMessage('"{{binding}}"{{where}} is', { binding: 'KV', where: ' in env.production' }), '"KV" in env.production is');
    assert.equal(formatMessage('{{value}}', { value: 'v'.repeat(500) }).length, 80);
    assert.equal(formatMessage('{{n}} s', { n: 12345678901234567890 }), '12345678901234567000 s');
  });
});
