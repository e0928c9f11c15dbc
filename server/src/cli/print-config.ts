// `edgelint --print-config <file>`: the config that applies to a file, and where each setting came from (default, config file, --rule).
import { relative, resolve, sep } from 'node:path';
import { fileKind } from '../engine/file-kind';
import { LineIndex } from '../engine/line-index';
import { allRules } from '../rules';
import type { Workspace } from '../node-io/workspace';
import type { CliOptions } from './args';

/** How configs combine, as printed and as documented in the README. */
export const COMBINING = 'nearest wins: the first .edgelintrc.json, .edgelintrc or package.json#edgelint found walking up from the file applies alone; configs further up are not merged. --rule and --report-unused-disable-directives apply on top.';

/** Prints the resolved config of `file` as JSON; exit 0. */
export function printConfig(file: string, workspace: Workspace, options: CliOptions, io: { cwd: string; stdout(text: string): void }): number {
  const path = resolve(io.cwd, file);
  const resolved = workspace.configFor(path);
  const configFile = resolved.path ? relative(io.cwd, resolved.path).split(sep).join('/') : null;
  const fromConfig = options.config ? `--config ${options.config}` : configFile;
  const kind = fileKind(path);
  const { config } = resolved;
  const rules: Record<string, { severity: string; options?: Record<string, unknown>; from: string }> = {};
  for (const rule of allRules.filter((r) => !kind || r.kinds.includes(kind))) {
    const override = options.rules.get(rule.id);
    const configured = config.rules.get(rule.id);
    const chosen = override ?? configured;
    const ruleOptions = { ...(rule.defaultOptions as object), ...(configured?.options ?? {}) };
    rules[rule.id] = {
      severity: chosen?.severity ?? rule.defaultSeverity,
      ...(Object.keys(ruleOptions).length ? { options: ruleOptions } : {}),
      from: override ? '--rule' : configured ? fromConfig! : 'default',
    };
  }
  const setting = <T>(value: T | undefined, fallback: T, flag?: T) => flag !== undefined
    ? { value: flag, from: 'command line' } : value !== undefined ? { value, from: fromConfig } : { value: fallback, from: 'default' };
  const text = resolved.path ? workspace.readFile(resolved.path) ?? '' : '';
  const index = new LineIndex(text);
  const report = {
    file: relative(io.cwd, path).split(sep).join('/'),
    kind: kind ?? null,
    configFile: options.config ? options.config : configFile,
    combining: COMBINING,
    ignored: workspace.ignored(path),
    testCode: workspace.isTestCode(path),
    ignores: { value: config.ignores, from: config.ignores.length ? fromConfig : 'default' },
    tests: setting(config.tests, 'info'),
    reportUnusedDisableDirectives: setting(config.reportUnusedDisableDirectives, 'off', options.reportUnusedDisableDirectives),
    rules,
    problems: resolved.problems.map((p) => {
      const at = index.position(p.start);
      return { severity: p.severity, message: p.message, line: at.line + 1, column: at.character + 1 };
    }),
  };
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}
