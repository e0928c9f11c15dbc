// Which paths a walk skips, with git's rules (the `ignore` package): nested .gitignore files relative to their folder, the
// deeper file winning, negation, excluded folders never re-included; `--ignore-pattern`s (relative to cwd) win over both.
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isInside } from './boundary';
import { DEFAULT_MAX_FILE_SIZE, readSource } from './read-source';

/** git's own default on Linux (core.ignorecase=false); macOS and Windows repositories are case-insensitive. */
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

const posix = (path: string): string => path.split(sep).join('/');

/** `--ignore-pattern`s: gitignore syntax, relative to `cwd` (as ESLint). */
export class PatternRules {
  private readonly rules: Ignore;

  constructor(patterns: readonly string[], private readonly cwd: string) {
    this.rules = ignore({ ignorecase: IGNORE_CASE }).add([...patterns]);
  }

  /** true: ignored; false: re-included by a `!` pattern; undefined: no pattern decides. */
  decide(path: string, isDir: boolean): boolean | undefined {
    if (!isInside(this.cwd, path)) return undefined;
    const rel = posix(relative(this.cwd, path));
    if (rel === '') return undefined;
    const result = this.rules.test(isDir ? `${rel}/` : rel);
    return result.ignored ? true : result.unignored ? false : undefined;
  }
}

/** git's ignore rules of one repository (or project root): `.gitignore` in every folder and `.git/info/exclude`. */
export class GitRules {
  private readonly byFile = new Map<string, Ignore | null>();
  private readonly dirVerdicts = new Map<string, boolean>();

  constructor(readonly root: string, private readonly patterns?: PatternRules) {}

  /** True when git would ignore `path`: it, or a folder between the root and it, is excluded. */
  ignores(path: string, isDir: boolean): boolean {
    const rel = relative(this.root, path);
    if (rel === '' || !isInside(this.root, path)) return false;
    const parts = rel.split(sep);
    let folder = this.root;
    for (const part of parts.slice(0, -1)) {
      folder = join(folder, part);
      if (this.folderIgnored(folder)) return true;
    }
    return this.decide(path, isDir);
  }

  /** The verdict for `path` itself, assuming no folder above it is excluded (a walk that prunes calls this). */
  decide(path: string, isDir: boolean): boolean {
    const byPattern = this.patterns?.decide(path, isDir);
    if (byPattern !== undefined) return byPattern;
    // The deepest .gitignore that has a say wins; within one file the last matching line wins (the library's test()).
    for (let folder = join(path, '..'); ; folder = join(folder, '..')) {
      const verdict = test(this.rulesOf(folder), folder, path, isDir);
      if (verdict !== undefined) return verdict;
      if (folder === this.root || !isInside(this.root, folder)) break;
    }
    return test(this.excludeFile(), this.root, path, isDir) ?? false;
  }

  private folderIgnored(folder: string): boolean {
    let verdict = this.dirVerdicts.get(folder);
    if (verdict === undefined) {
      verdict = this.decide(folder, true);
      this.dirVerdicts.set(folder, verdict);
    }
    return verdict;
  }

  private rulesOf(folder: string): Ignore | null {
    return this.rulesIn(join(folder, '.gitignore'));
  }

  /** `.git/info/exclude`: below every .gitignore in precedence. */
  private excludeFile(): Ignore | null {
    return this.rulesIn(join(this.root, '.git', 'info', 'exclude'));
  }

  private rulesIn(file: string): Ignore | null {
    let rules = this.byFile.get(file);
    if (rules === undefined) {
      rules = readRules(file);
      this.byFile.set(file, rules);
    }
    return rules;
  }
}

function test(rules: Ignore | null, folder: string, path: string, isDir: boolean): boolean | undefined {
  if (!rules) return undefined;
  const rel = posix(relative(folder, path));
  const result = rules.test(isDir ? `${rel}/` : rel);
  return result.ignored ? true : result.unignored ? false : undefined;
}

/** The rules of one ignore file (capped, regular files only), or null when there is none. */
function readRules(file: string): Ignore | null {
  const source = readSource(file, DEFAULT_MAX_FILE_SIZE);
  return source.ok ? ignore({ ignorecase: IGNORE_CASE }).add(source.text) : null;
}
