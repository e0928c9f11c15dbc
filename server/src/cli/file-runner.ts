// Lints or fixes one file for the CLI, through the `--cache` when it is on, and says what it did under `--debug`.
import { dirname } from 'node:path';
import type { AdapterSettings } from '../api';
import { fileKind } from '../engine/file-kind';
import { FILE_ERROR } from '../engine/types';
import type { FactDependencies, LintCache } from '../node-io/lint-cache';
import type { FileLint, Workspace } from '../node-io/workspace';
import type { DebugLog } from './debug';

/** What the runner needs besides the workspace. */
export interface FileRunnerOptions {
  fix: boolean;
  /** `--fix-dry-run`: the fixed text is returned as `output`, nothing is written (never from the cache). */
  fixDryRun?: boolean;
  cache?: { results: LintCache; facts: FactDependencies };
  /** `--debug` lines (stderr). */
  debug?: DebugLog;
  /** Path as printed (relative to the working folder). */
  show: (path: string) => string;
}

/** Counts of one run, for `--debug` and tests. */
export interface RunCounts {
  linted: number;
  cached: number;
}

/** Lints files one by one, reusing cached results whose file and dependencies did not change. */
export class FileRunner {
  readonly counts: RunCounts = { linted: 0, cached: 0 };

  constructor(private readonly workspace: Workspace, private readonly settings: AdapterSettings, private readonly options: FileRunnerOptions) {}

  /** The lint of one file; with `--fix-dry-run`, `output` is the fixed text when fixes changed it. */
  run(path: string, explicit: boolean): FileLint & { output?: string } {
    const { workspace, options } = this;
    options.debug?.config(options.show(path), workspace.configFor(path).path);
    const settings = this.settingsFor(path);
    if (options.fixDryRun) return this.dryRun(path, explicit);
    const cache = options.cache;
    if (!cache) return this.lintFresh(path, explicit);
    const source = workspace.read(path);
    if (!source.ok) return { path, text: '', kind: fileKind(path), bom: '', problems: [source.problem] };
    const hit = cache.results.get(path, source.text, explicit);
    if (hit && !(options.fix && hit.problems.some((p) => p.fix))) {
      this.counts.cached++;
      options.debug?.line(`cache hit: ${options.show(path)} (not linted)`);
      return { path, text: source.text, kind: hit.kind, bom: source.bom, problems: hit.problems, suppressed: hit.suppressed };
    }
    const result = options.fix ? this.lintFresh(path, explicit) : this.count(path, { ...workspace.lintText(path, source.text, settings, explicit), bom: source.bom });
    if (!result.problems.some((p) => p.ruleId === FILE_ERROR)) {
      const deps = new Set([...cache.facts.of(dirname(path)), ...(result.kind === 'worker' ? cache.facts.importProbes(path, result.text) : [])]);
      for (const module of workspace.project.modules.dependenciesOf(path)) {
        deps.add(module);
        for (const dep of cache.facts.of(dirname(module))) deps.add(dep);
      }
      cache.results.set(path, result.text, explicit, deps, { kind: result.kind, problems: result.problems, suppressed: result.suppressed ?? [] });
    }
    return result;
  }

  private lintFresh(path: string, explicit: boolean): FileLint {
    const settings = this.settingsFor(path);
    return this.count(path, this.options.fix ? this.workspace.fix(path, settings, explicit) : this.workspace.lint(path, settings, explicit));
  }

  private dryRun(path: string, explicit: boolean): FileLint & { output?: string } {
    const settings = this.settingsFor(path);
    const before = this.count(path, this.workspace.lint(path, settings, explicit));
    if (!before.problems.some((p) => p.fix) || before.problems.some((p) => p.ruleId === FILE_ERROR)) return before;
    const output = this.workspace.fixText(path, before.text, settings, before.kind);
    if (output === before.text) return before;
    return { ...this.workspace.lintText(path, output, settings, explicit), bom: before.bom, output };
  }

  private settingsFor(path: string): AdapterSettings {
    return this.options.debug ? { ...this.settings, trace: this.options.debug.trace(this.options.show(path)) } : this.settings;
  }

  private count(path: string, result: FileLint): FileLint {
    this.counts.linted++;
    this.options.debug?.line(`linted: ${this.options.show(path)} (${result.kind ?? 'unknown kind'}, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'})`);
    return result;
  }
}
