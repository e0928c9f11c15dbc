// Materialises stored git snapshots (bare mirrors under /work/.mirror) into plain folders under /tmp: used by
// eval-real.mjs (labelled corpus) and the benchmark (real code). Never uses the network; never writes into the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const BINARY_EXT = /\.(png|jpe?g|gif|webp|avif|ico|bmp|tiff?|psd|woff2?|ttf|otf|eot|mp[34]|m4a|wav|ogg|webm|mov|avi|mkv|zip|gz|tgz|bz2|xz|7z|rar|tar|jar|wasm|exe|dll|so|dylib|bin|pdf|docx?|xlsx?|pptx?|sqlite|db|pyc|class|node)$/i;
const MAX_BYTES = 1024 * 1024;

export function git(gitDir, args, input) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { input, maxBuffer: 1 << 30 });
}

/** Writes the snapshot's files (not node_modules, binaries, files over 1 MiB or absent from the snapshot) to `dest`. */
export function materialise(gitDir, commit, dest) {
  const marker = join(dest, '.edgelint-real-complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === commit) return;
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const entries = git(gitDir, ['ls-tree', '-r', '-l', '-z', commit]).toString('utf8').split('\0').filter(Boolean).flatMap((line) => {
    const [meta, path] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
    const [mode, type, sha, size] = meta.split(/\s+/);
    if (type !== 'blob' || mode === '120000' || mode === '160000') return [];
    if (path.split('/').includes('node_modules') || BINARY_EXT.test(path) || Number(size) > MAX_BYTES) return [];
    return [{ path, sha }];
  });
  // Some blobs may be missing from a snapshot (large files); ask for each and skip the missing ones.
  const out = git(gitDir, ['cat-file', '--batch'], entries.map((e) => e.sha).join('\n') + '\n');
  let at = 0;
  for (const entry of entries) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8');
    at = nl + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    const body = out.subarray(at, at + size);
    at += size + 1;
    if (body.includes(0)) continue; // binary
    const file = join(dest, entry.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  writeFileSync(marker, commit);
}

