// Output injection: file content and file names with control characters never start lines, drive the terminal or render links.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { explainCacheControl } from '../../../server/src/engine/explain-cache-control';
import { code, escape, formatExplanation } from '../../../server/src/lsp/hover';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

// A Cache-Control value whose escapes put a newline + workflow command, CR, an OSC 8 hyperlink with BEL, and a CSI in the message.
const EVIL = "export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60\\n::add-mask::secret\\r\\u001b]8;;https://evil\\u0007x\\u001b[2K\\u009b1m' } }); } };\n";
const EVIL_NAME = 'src/b\n::warning file=x::pwned\u001b[31m.ts';
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** The line with its code spans removed (CommonMark: a run of n backticks closes at the next run of exactly n). */
function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const open = /`+/.exec(line.slice(i));
    if (!open) return out + line.slice(i);
    out += line.slice(i, i + open.index);
    const after = i + open.index + open[0].length;
    const runs = [...line.slice(after).matchAll(/`+/g)];
    const close = runs.find((r) => r[0].length === open[0].length);
    if (!close) return out + line.slice(i + open.index);
    i = after + close.index! + close[0].length;
  }
  return out;
}

describe('output escaping', () => {
  const project = tempProject({ 'src/a.ts': EVIL, [EVIL_NAME]: EVIL }, 'edgelint-escape-');
  after(() => project.remove());

  it('stylish: no control character but the line ends; every problem on its own line, none looks like a workflow command', async () => {
    const run = await runCli([], project.root);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout, UNSAFE);
    for (const line of run.stdout.split('\n')) assert.doesNotMatch(line, /^\s*::/, line);
    assert.match(run.stdout, /max-age=60\\n::add-mask::secret\\r\\u001b\]8/);
    assert.match(run.stdout, /^src\/b\\n::warning file=x::pwned\\u001b\[31m\.ts$/m);
  });

  it('github: one workflow command per line, properties and data escaped as GitHub specifies, no ESC/BEL/C1', async () => {
    const run = await runCli(['--format', 'github'], project.root);
    assert.doesNotMatch(run.stdout, UNSAFE);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^:,]*,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=edgelint\([\w-]+\)::/, line);
    assert.ok(lines.some((l) => l.includes('file=src/b%0A%3A%3Awarning file=x%3A%3Apwned\\u001b[31m.ts,')));
    assert.ok(lines.some((l) => l.includes("max-age=60%0A::add-mask::secret%0D\\u001b]8")));
  });

  it('hover: a value cannot close its code span, and prose quoting it renders no link', () => {
    const value = 'max-age=60, x="``` [click](https://evil.example) `", private="www.evil.example", no-cache="a@evil.example"';
    const md = formatExplanation(explainCacheControl(value, 'cache-control'));
    for (const line of md.split('\n')) {
      // Outside code spans, no live link syntax: every `[` is escaped and no bare URL/www/email is left for autolinking.
      const prose = withoutCodeSpans(line);
      if (prose.startsWith('[How Cloudflare honours Cache-Control](')) continue;
      assert.doesNotMatch(prose, /(?<!\\)\[|https?:\/\/|www\.|\w@\w/, line);
    }
    const span = code(value);
    assert.ok(span.startsWith('````') && span.endsWith('````') && !span.startsWith('`````'), span);
    assert.equal(code('`a`'), '`` `a` ``');
    assert.equal(code('a\nb\r\u001b'), '` a b   `');
    const prose = escape('see [x](https://evil.example) or www.evil.example or a@evil.example `code`');
    assert.doesNotMatch(prose, /(?<!\\)[[\]`]|https:\/\/|www\.|\w@/);
  });
});
