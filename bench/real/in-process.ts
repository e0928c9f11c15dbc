// In-process figures of one CLI-like pass (Workspace: discovery, config, lint): which share of the JS/TS files and bytes
// TypeScript parsed, and where the time went per rule (pre-parse filter and check, parse time subtracted).
import { parseCounters } from '../../server/src/engine/parse/worker';
import { allRules } from '../../server/src/rules';
import { Workspace } from '../../server/src/node-io/workspace';

/** Cost of one rule over the pass. */
export interface RuleCost { id: string; filterMs: number; checkMs: number; admitted: number; reports: number }

/** The figures of one pass. */
export interface PassFigures {
  files: number;
  parsedFiles: number;
  parsedBytes: number;
  parses: number;
  parseMs: number;
  totalMs: number;
  problems: number;
  rules: RuleCost[];
}

/** Lints `roots` like the CLI does, with every rule's filter and check timed. */
export function profiledPass(roots: readonly string[], cwd: string, sourceBytes: Map<string, number>): PassFigures {
  const costs = new Map<string, RuleCost>();
  const restore: (() => void)[] = [];
  for (const rule of allRules) {
    const cost: RuleCost = { id: rule.id, filterMs: 0, checkMs: 0, admitted: 0, reports: 0 };
    costs.set(rule.id, cost);
    const { mayApply, check } = rule;
    const target = rule as { mayApply?: typeof mayApply; check: typeof check };
    if (mayApply) {
      target.mayApply = (...args) => {
        const t0 = performance.now();
        const admitted = mayApply(...args);
        cost.filterMs += performance.now() - t0;
        return admitted;
      };
    }
    target.check = (context) => {
      cost.admitted++;
      const parseBefore = parseCounters.ms;
      const t0 = performance.now();
      const report = context.report;
      try {
        check({ ...context, report: (d) => { cost.reports++; report(d); } });
      } finally {
        cost.checkMs += performance.now() - t0 - (parseCounters.ms - parseBefore);
      }
    };
    restore.push(() => { target.mayApply = mayApply; target.check = check; });
  }
  const before = { ...parseCounters };
  parseCounters.paths = new Set();
  const t0 = performance.now();
  let problems = 0;
  let files = 0;
  try {
    const workspace = new Workspace({ cwd });
    for (const path of workspace.discover(roots, cwd).files) {
      if (workspace.ignored(path)) continue;
      problems += workspace.lint(path).problems.length;
      if (sourceBytes.has(path)) files++;
    }
  } finally {
    for (const undo of restore) undo();
  }
  const totalMs = performance.now() - t0;
  const parsed = [...parseCounters.paths].filter((p) => sourceBytes.has(p));
  parseCounters.paths = undefined;
  return {
    files, parsedFiles: parsed.length, parsedBytes: parsed.reduce((n, p) => n + sourceBytes.get(p)!, 0),
    parses: parseCounters.parses - before.parses, parseMs: parseCounters.ms - before.ms, totalMs, problems,
    rules: [...costs.values()].sort((a, b) => b.filterMs + b.checkMs - a.filterMs - a.checkMs),
  };
}
