// Unit tests for the own _headers parser: rules, headers, detaches, wrangler's error messages and ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHeadersFile } from '../../../server/src/engine/parse/headers-file';

describe('parseHeadersFile', () => {
  it('parses rules, header lines and detach lines with ranges', () => {
    const text = '# comment\n/assets/*\n  Cache-Control: public, max-age=60\n  ! X-Robots-Tag\n\nhttps://example.com/:path\n  X-Frame-Options: DENY\n';
    const file = parseHeadersFile(text);
    assert.deepEqual(file.issues, []);
    assert.deepEqual(file.rules.map((r) => r.path), ['/assets/*', 'https://example.com/:path']);
    const header = file.rules[0]!.headers[0]!;
    assert.equal(header.key, 'cache-control');
    assert.equal(text.slice(header.valueStart, header.valueEnd), 'public, max-age=60');
    assert.equal(text.slice(header.nameStart, header.nameEnd), 'Cache-Control');
    assert.equal(file.rules[0]!.detaches[0]!.key, 'x-robots-tag');
  });
  it('handles CRLF line endings', () => {
    const text = '/a\r\n  Cache-Control: no-store\r\n';
    const header = parseHeadersFile(text).rules[0]!.headers[0]!;
    assert.equal(text.slice(header.valueStart, header.valueEnd), 'no-store');
  });
  it('reports what wrangler rejects, with its wording', () => {
    const text = 'X-Before: 1\n/a\n  Cache-Control public\n  Bad Name: x\n  : value\n  X-Empty:\n/b/*/c/*\n  A: b\nhttp://x.com/\n/empty\nhttps://x.com:8443/\n';
    const codes = parseHeadersFile(text).issues.map((i) => i.code);
    assert.deepEqual(codes, ['header-before-path', 'missing-colon', 'name-has-spaces', 'empty-name', 'empty-value', 'no-headers', 'multiple-wildcards', 'bad-url', 'no-headers', 'port']);
    assert.match(parseHeadersFile(text).issues[1]!.message, /Expected a colon-separated header pair/);
  });
  it('matches wrangler: lines under a rejected URL are skipped silently, "!Name" needs the space, wildcard rules are dropped', () => {
    const text = 'http://x.com/a\n  Cache-Control: no-store\n/b\n  !X-Robots-Tag\n/c/*/d/*\n  Cache-Control: max-age=60\n';
    const file = parseHeadersFile(text);
    assert.deepEqual(file.issues.map((i) => i.code), ['bad-url', 'detach-without-space', 'no-headers', 'multiple-wildcards']);
    assert.deepEqual(file.rules.map((r) => [r.path, r.skipped]), [['/b', undefined], ['/c/*/d/*', 'multiple-wildcards']]);
  });
  it('enforces the line length and rule count limits', () => {
    const long = `/a\n  X: ${'y'.repeat(2001)}\n`;
    assert.equal(parseHeadersFile(long).issues[0]!.code, 'line-too-long');
    const many = Array.from({ length: 101 }, (_, i) => `/r${i}\n  X: 1\n`).join('');
    const issues = parseHeadersFile(many).issues;
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.code, 'too-many-rules');
  });
});
