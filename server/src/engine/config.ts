// edgelint's own config: `.edgelintrc.json` or `.edgelintrc` (JSONC), or the `edgelint` key of package.json -> rule settings and ignores.
// Config is data only, so it is safe in untrusted workspaces; a malformed config becomes problems at their positions.
import { dirname, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { getNode, type ConfigNode } from './parse/config-tree';
import { parseJsoncTree } from './parse/jsonc';
import { CONFIG_ERROR, type Problem, type SeveritySetting } from './types';

/** A rule's configured severity and options. */
export interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

/** A resolved edgelint config. */
export interface EdgelintConfig {
  rules: Map<string, RuleSetting>;
  ignores: string[];
  /** Severity for disable comments that silenced nothing (ESLint's option of the same name); unset = off. */
  reportUnusedDisableDirectives?: SeveritySetting;
  /** Test and fixture code (`TEST_GLOBS`): `info` (default) lowers rule findings to info, `off` skips them, `normal` lints as any code. */
  tests?: TestsMode;
}

/** How test and fixture code is linted (issue 7 §2). */
export type TestsMode = 'info' | 'off' | 'normal';

/**
 * Test and fixture code (relative to the config's folder, or the workspace root): findings there are mostly noise on real
 * projects (domain.md §G), so by default they are lowered to info.
 */
export const TEST_GLOBS = ['**/*.test.*', '**/*.spec.*', '**/__tests__/**', '**/test/**', '**/tests/**', '**/fixtures/**',
  '**/playground/**', '**/playgrounds/**', '**/e2e/**'];

/** True when a path relative to the project root (forward slashes) is test or fixture code. */
export function isTestPath(relativePath: string): boolean {
  return !relativePath.startsWith('../') && TEST_GLOBS.some((glob) => minimatch(relativePath, glob, { dot: true }));
}

/** An empty config (all rules at their defaults). */
export function emptyConfig(): EdgelintConfig {
  return { rules: new Map(), ignores: [] };
}

const SEVERITY_ALIASES: Record<string, SeveritySetting> = {
  off: 'off', '0': 'off', info: 'info', warn: 'warn', warning: 'warn', '1': 'warn', error: 'error', '2': 'error',
};

/** Parses a severity word (`off|info|warn|error`, `warning`, 0/1/2). */
export function parseSeverity(value: unknown): SeveritySetting | undefined {
  return SEVERITY_ALIASES[String(value).toLowerCase()];
}

/** True when package.json text has a top-level `edgelint` key (not merely a dependency on edgelint). */
export function hasEdgelintKey(packageJsonText: string): boolean {
  if (!packageJsonText.includes('edgelint')) return false; // most package.json files: no parse needed
  const { root } = parseJsoncTree(packageJsonText);
  return root?.type === 'object' && root.properties!.has('edgelint');
}

/** Rule ids a config may name; as a map, also each rule's default options, against which configured options are checked. */
export type RuleCatalogue = ReadonlySet<string> | ReadonlyMap<string, Readonly<Record<string, unknown>>>;

/** Parses `.edgelintrc.json` / `.edgelintrc` text, or package.json text when `fromPackageJson` (reads its `edgelint` key). */
export function parseConfig(text: string, knownRules: RuleCatalogue, fromPackageJson = false): { config: EdgelintConfig; problems: Problem[] } {
  const problems: Problem[] = [];
  const error = (message: string, node: { start: number; end: number }, severity: 'error' | 'warn' = 'error') =>
    problems.push({ ruleId: CONFIG_ERROR, severity, message, start: node.start, end: node.end, fatal: severity === 'error' });
  const config = emptyConfig();
  const parsed = parseJsoncTree(text);
  for (const e of parsed.errors) error(e.message, e);
  const root = fromPackageJson ? getNode(parsed.root, 'edgelint') : parsed.root;
  if (!root) return { config, problems };
  if (root.type !== 'object') {
    error('edgelint config must be an object with "rules" and/or "ignores".', root);
    return { config, problems };
  }
  for (const [key, node] of root.properties!) {
    if (key === 'rules') readRules(node, config, knownRules, error);
    else if (key === 'ignores') readIgnores(node, config, error);
    else if (key === 'reportUnusedDisableDirectives') readUnusedSetting(node, config, error);
    else if (key === 'tests') readTests(node, config, error);
    else if (key !== '$schema') error(`Unknown config key "${key}"; expected "rules", "ignores", "tests" or "reportUnusedDisableDirectives".`, keyRange(node), 'warn');
  }
  return { config, problems };
}

type ErrorFn = (message: string, node: { start: number; end: number }, severity?: 'error' | 'warn') => void;

function readRules(node: ConfigNode, config: EdgelintConfig, knownRules: RuleCatalogue, error: ErrorFn): void {
  if (node.type !== 'object') return error('"rules" must be an object mapping rule ids to severities.', node);
  for (const [id, value] of node.properties!) {
    if (!knownRules.has(id)) {
      error(`Unknown rule "${id}".`, keyRange(value), 'warn');
      continue;
    }
    const severityNode = value.type === 'array' ? value.items?.[0] : value;
    const severity = severityNode && (severityNode.type === 'string' || severityNode.type === 'number') ? parseSeverity(severityNode.value) : undefined;
    if (!severity) {
      error(`Invalid setting for "${id}": use "off", "info", "warn" or "error", or [severity, options].`, value);
      continue;
    }
    const optionsNode = value.type === 'array' ? value.items?.[1] : undefined;
    if (optionsNode && optionsNode.type !== 'object') {
      error(`Options for "${id}" must be an object.`, optionsNode);
      continue;
    }
    const defaults = knownRules instanceof Map ? knownRules.get(id) as Readonly<Record<string, unknown>> : undefined;
    if (optionsNode && defaults && !validOptions(id, optionsNode, defaults, error)) continue;
    config.rules.set(id, { severity, options: optionsNode ? plain(optionsNode) as Record<string, unknown> : undefined });
  }
}

/** Checks options against the rule's defaults: an unknown key is a warning (ignored), a value of another type an error. */
function validOptions(id: string, node: ConfigNode, defaults: Readonly<Record<string, unknown>>, error: ErrorFn): boolean {
  const known = Object.keys(defaults);
  let valid = true;
  for (const [key, value] of node.properties!) {
    if (!known.includes(key)) {
      error(`Unknown option "${key}" for "${id}"; ${known.length ? `it takes ${known.map((k) => `"${k}"`).join(', ')}` : 'it takes no options'}.`, keyRange(value), 'warn');
      continue;
    }
    const expected = typeName(defaults[key]);
    const actual = typeName(plain(value));
    if (expected !== actual) {
      error(`Option "${key}" of "${id}" must be a ${expected}, got a ${actual}.`, value);
      valid = false;
    }
  }
  return valid;
}

function typeName(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

function readUnusedSetting(node: ConfigNode, config: EdgelintConfig, error: ErrorFn): void {
  const severity = node.type === 'string' || node.type === 'number' || node.type === 'boolean'
    ? (node.value === true ? 'warn' : node.value === false ? 'off' : parseSeverity(node.value)) : undefined;
  if (!severity) return error('"reportUnusedDisableDirectives" must be "off", "info", "warn" or "error".', node);
  config.reportUnusedDisableDirectives = severity;
}

function readTests(node: ConfigNode, config: EdgelintConfig, error: ErrorFn): void {
  const value = node.type === 'string' ? String(node.value).toLowerCase() : undefined;
  if (value !== 'info' && value !== 'off' && value !== 'normal') return error('"tests" must be "info", "off" or "normal".', node);
  config.tests = value;
}

function readIgnores(node: ConfigNode, config: EdgelintConfig, error: ErrorFn): void {
  if (node.type !== 'array') return error('"ignores" must be an array of glob strings.', node);
  for (const item of node.items!) {
    if (item.type === 'string') config.ignores.push(String(item.value));
    else error('Each "ignores" entry must be a glob string.', item);
  }
}

function keyRange(node: ConfigNode): { start: number; end: number } {
  return node.keyStart !== undefined ? { start: node.keyStart, end: node.keyEnd! } : node;
}

/** Converts a ConfigNode to a plain JS value. */
export function plain(node: ConfigNode): unknown {
  if (node.type === 'object') return Object.fromEntries([...node.properties!].map(([k, v]) => [k, plain(v)]));
  if (node.type === 'array') return node.items!.map(plain);
  return node.value;
}

/** True when `ignores` globs of a config found at `configPath` (relative to its folder) cover `path`. */
export function isIgnored(config: EdgelintConfig, configPath: string | undefined, path: string, cwd: string): boolean {
  if (config.ignores.length === 0) return false;
  const rel = relative(configPath ? dirname(configPath) : cwd, path).split(sep).join('/');
  return config.ignores.some((glob) => minimatch(rel, glob, { dot: true }) || minimatch(rel, `${glob.replace(/\/$/, '')}/**`, { dot: true }));
}
