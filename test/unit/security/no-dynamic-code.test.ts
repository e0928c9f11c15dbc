// Greps the shipped sources (server/src, client/src) for dynamic code: eval, new Function, vm, non-literal require()/import(),
// and for process or network modules, none of which the linter needs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOTS = ['server/src', 'client/src'];

const FORBIDDEN: [string, RegExp][] = [
  ['eval(', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b|(?<![.\w])Function\s*\(/],
  ['a non-literal require()', /\brequire\s*\(\s*(?!(['"])[^'"]*\1\s*\))/],
  ['a non-literal import()', /(?<![.\w])import\s*\(\s*(?!(['"])[^'"]*\1\s*\))/],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['the vm module', /from\s+['"](?:node:)?vm['"]|require\(\s*['"](?:node:)?vm['"]\s*\)/],
  ['a process or network module', /from\s+['"](?:node:)?(?:child_process|net|tls|http|https|http2|dgram|dns)['"]/],
  ['a worker started from anything but its own module', /new\s+Worker\s*\((?!\s*__filename\s*,)/],
];

/** The only files that may start worker threads (`--concurrency`: each runs edgelint's own bundle, nothing else). */
const WORKER_FILES = new Set(['server/src/cli/parallel.ts', 'server/src/cli/bin.ts']);
const WORKER_MODULE = /from\s+['"](?:node:)?worker_threads['"]/;

/** Source files under a folder. */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.[cm]?[jt]sx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Code without comments and string contents, so prose about `eval(` does not count (template literals are kept). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
}

/** The forbidden patterns a text contains. */
function findings(text: string): string[] {
  const stripped = code(text);
  return FORBIDDEN.filter(([, re]) => re.test(stripped)).map(([what]) => what);
}

describe('security: no dynamic code in the shipped sources', () => {
  it('the patterns catch what they should (and not literal imports or prose)', () => {
    assert.deepEqual(findings('const x = eval(input);'), ['eval(']);
    assert.deepEqual(findings('const f = new Function("a", body);'), ['new Function']);
    assert.deepEqual(findings('const m = require(name);'), ['a non-literal require()']);
    assert.deepEqual(findings('const m = await import(`./rules/${id}`);'), ['a non-literal import()']);
    assert.deepEqual(findings("import { spawn } from 'node:child_process';"), ['a process or network module']);
    assert.deepEqual(findings('new Worker(userPath, { eval: true });'), ['a worker started from anything but its own module']);
    assert.deepEqual(findings('new Worker(__filename, { workerData });'), []);
    assert.deepEqual(findings("const { runStdio } = await import('../lsp/stdio');\n// never eval(x)\nconst c = require('jsonc-parser');"), []);
  });

  it(`${ROOTS.join(' and ')} contain none of them`, () => {
    const files = ROOTS.flatMap((root) => sources(root));
    assert.ok(files.length > 100, `only ${files.length} source files found`);
    const bad = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const worker = WORKER_MODULE.test(code(text)) && !WORKER_FILES.has(file.split('\\').join('/')) ? ['worker_threads outside the CLI runner'] : [];
      return [...findings(text), ...worker].map((what) => `${file}: ${what}`);
    });
    assert.deepEqual(bad, []);
  });
});
