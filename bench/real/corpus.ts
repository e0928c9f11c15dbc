// The real-code corpus: published Workers-ecosystem packages installed into a scratch folder at bench time, plus the
// labelled real-world snapshots when the local mirror has them; the generated repository when the install fails.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE } from '../../server/src/node-io/read-source';
import { join, resolve } from 'node:path';
import { discoverFiles } from '../../server/src/node-io/discover';
import { fileKind } from '../../server/src/engine/file-kind';
// @ts-expect-error: plain JavaScript helper shared with scripts/eval-real.mjs
import { git, materialise } from '../../scripts/snapshots.mjs';

/** Packages whose published JS/TS sources form the corpus (several thousand files together). */
export const CORPUS_PACKAGES = [
  'wrangler', 'miniflare', 'hono', '@cloudflare/workers-types', 'itty-router', '@opennextjs/cloudflare', '@opennextjs/aws',
  'agents', 'drizzle-orm', '@cloudflare/kv-asset-handler', '@cloudflare/vitest-pool-workers',
];
/** Baseline tools installed next to the corpus (never project dependencies); typescript-eslint needs TypeScript beside it. */
export const BASELINE_PACKAGES = ['eslint', 'typescript-eslint', 'typescript@5.9.3'];

/** Installs the packages into `scratch` (unless already there) and copies their folders out of node_modules (the CLI skips it). */
export function installPackages(scratch: string, packages = CORPUS_PACKAGES, log = console.error): string | undefined {
  const wanted = [...packages, ...BASELINE_PACKAGES];
  const stamp = join(scratch, '.edgelint-bench-installed');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted.join(' ')) {
    mkdirSync(scratch, { recursive: true });
    if (!existsSync(join(scratch, 'package.json'))) writeFileSync(join(scratch, 'package.json'), '{ "name": "edgelint-bench-corpus", "private": true }\n');
    log(`bench: npm install into ${scratch} (${wanted.length} packages)…`);
    const run = spawnSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--prefix', scratch, ...wanted],
      { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) return `npm install failed (${run.status ?? run.signal ?? run.error?.message}): ${(run.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`;
    writeFileSync(stamp, wanted.join(' '));
  }
  const out = join(scratch, 'corpus', 'packages');
  rmSync(out, { recursive: true, force: true });
  for (const name of packages) {
    const from = join(scratch, 'node_modules', name);
    if (!existsSync(from)) return `package ${name} missing after install`;
    cpSync(from, join(out, name.replace('/', '+')), { recursive: true, filter: (src) => !src.slice(from.length).split('/').includes('node_modules') });
  }
  return undefined;
}

/** Materialises the labelled snapshots present in the mirror (the real-world corpus) under `<scratch>/corpus/real`; returns how many. */
export function materialiseSnapshots(mirror: string, scratch: string, labelsFile = resolve('test/real-world/labels.json')): number {
  if (!existsSync(mirror) || !existsSync(labelsFile)) return 0;
  const projects = (JSON.parse(readFileSync(labelsFile, 'utf8')) as { projects: { repo: string; commit: string }[] }).projects;
  const roots: string[] = [];
  for (const p of projects) {
    const gitDir = join(mirror, p.repo.replace('/', '+'), 'repo');
    if (!existsSync(gitDir)) continue;
    try { git(gitDir, ['cat-file', '-e', `${p.commit}^{commit}`]); } catch { continue; }
    const dest = join(scratch, 'corpus', 'real', `${p.repo.replace('/', '+')}@${p.commit.slice(0, 12)}`);
    materialise(gitDir, p.commit, dest);
    roots.push(dest);
  }
  return roots.length;
}

/** The corpus: packages (installed now) and snapshots in one folder; undefined with the reason when the install failed. */
export function prepareCorpus(scratch: string, mirror: string, log = console.error): { root: string; snapshots: number } | { failure: string } {
  let failure: string | undefined;
  try {
    failure = installPackages(scratch, CORPUS_PACKAGES, log);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (failure) return { failure };
  return { root: join(scratch, 'corpus'), snapshots: materialiseSnapshots(mirror, scratch) };
}

/**
 * The JS/TS files the CLI lints under `roots` (its own discovery, its default size limit), with their total size in
 * UTF-16 units, and the JS/TS files it skips for their size (no baseline parses them either).
 */
export function sourceFiles(roots: readonly string[], cwd: string): { files: string[]; bytes: number; tooLarge: string[] } {
  const all = discoverFiles(roots, cwd).files.filter((f) => fileKind(f) === 'worker');
  const tooLarge = all.filter((f) => statSync(f).size > DEFAULT_MAX_FILE_SIZE);
  const files = all.filter((f) => !tooLarge.includes(f));
  const bytes = files.reduce((n, f) => n + readFileSync(f, 'utf8').length, 0);
  return { files, bytes, tooLarge };
}

/** Prints a banner nobody can miss (the bench fell back to the generated repository). */
export function loudBanner(lines: string[]): void {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}
