// Language-server figures over stdio, as an editor sees them: cold start (spawn → initialize result) against spawning
// node that only requires TypeScript, a keystroke (didChange → pulled diagnostics) against updateSourceFile + a walk, and
// the workspace pass (workspace/diagnostic) with the server's CPU time and memory read from /proc.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { LspClient } from '../../test/harness/lsp-client';
import { percentiles } from './measure';

/** The TypeScript the bench itself loaded (resolved once: a broken node_modules must fail here, not time a failure). */
const TYPESCRIPT = require.resolve('typescript');
const PULL = { textDocument: { diagnostic: {} }, workspace: { configuration: true } };

/** Milliseconds from spawning the server to its initialize result, and from spawning `node -e "require('typescript')"` to its exit. */
export async function coldStart(rounds: number): Promise<{ serverMs: number; typescriptMs: number }> {
  const server: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', `require(${JSON.stringify(TYPESCRIPT)})`], { cwd: process.cwd() });
    baseline.push(performance.now() - t0);
    const t1 = performance.now();
    const client = LspClient.start();
    await client.initialize(null, PULL);
    server.push(performance.now() - t1);
    await client.stop();
  }
  return { serverMs: percentiles(server).median, typescriptMs: percentiles(baseline).median };
}

/** One-character edits at the end of `path`'s text: server round trip vs. TypeScript's incremental reparse + a full walk. */
export async function keystroke(path: string, edits: number, nodeArgs: string[] = []): Promise<{ lines: number; median: number; p95: number; reparseMs: number; reparseP95: number }> {
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(path).href;
  const client = LspClient.start({ nodeArgs });
  const samples: number[] = [];
  try {
    await client.initialize(null, PULL);
    client.open(uri, path.endsWith('.js') || path.endsWith('.mjs') ? 'javascript' : 'typescript', text);
    await client.request('textDocument/diagnostic', { textDocument: { uri } }, 60_000);
    const end = () => {
      const doc = client.docs.get(uri)!.text.split('\n');
      return { line: doc.length - 1, character: doc[doc.length - 1]!.length };
    };
    for (let i = 0; i < edits; i++) {
      const at = end();
      const t0 = performance.now();
      client.change(uri, [{ range: { start: at, end: at }, newText: i % 2 ? '\n' : ' ' }]);
      await client.request('textDocument/diagnostic', { textDocument: { uri } }, 60_000);
      samples.push(performance.now() - t0);
    }
  } finally {
    await client.stop();
  }
  const reparse: number[] = [];
  let sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  let current = text;
  for (let i = 0; i < edits; i++) {
    const next = current + (i % 2 ? '\n' : ' ');
    const t0 = performance.now();
    sf = ts.updateSourceFile(sf, next, { span: { start: current.length, length: 0 }, newLength: 1 });
    let nodes = 0;
    const walk = (node: ts.Node): void => { nodes++; ts.forEachChild(node, walk); };
    walk(sf);
    reparse.push(performance.now() - t0);
    current = next;
  }
  const k = percentiles(samples.slice(Math.min(5, Math.floor(edits / 4)))); // first edits warm the JIT
  const r = percentiles(reparse.slice(Math.min(5, Math.floor(edits / 4))));
  return { lines: text.split('\n').length, median: k.median, p95: k.p95, reparseMs: r.median, reparseP95: r.p95 };
}

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** Resident and peak resident memory (MiB) of a process, from /proc; NaN elsewhere. */
function memoryOf(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** One workspace/diagnostic pass over `root`: files reported, wall and server CPU time, memory at the end and at peak. */
export async function workspacePass(root: string): Promise<{ files: number; wallMs: number; cpuMs: number; rssMiB: number; peakMiB: number; idleRssMiB: number }> {
  const client = LspClient.start();
  const pid = (client as unknown as { child: { pid: number } }).child.pid;
  try {
    await client.initialize(pathToFileURL(root).href, { ...PULL, workspace: { ...PULL.workspace, diagnostics: {} } });
    const cpu0 = cpuOf(pid);
    const t0 = performance.now();
    const result = await client.request<{ items: unknown[] }>('workspace/diagnostic', { previousResultIds: [] }, 600_000);
    const wallMs = performance.now() - t0;
    const cpuMs = cpuOf(pid) - cpu0;
    const memory = memoryOf(pid);
    await new Promise((done) => setTimeout(done, 1500)); // idle: lets the server's heap shrink
    return { files: result.items.length, wallMs, cpuMs, rssMiB: memory.rss, peakMiB: memory.peak, idleRssMiB: memoryOf(pid).rss };
  } finally {
    await client.stop();
  }
}
