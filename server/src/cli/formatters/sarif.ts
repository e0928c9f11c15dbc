// SARIF 2.1.0 output: one reportingDescriptor per rule (with helpUri) and results pointing at them by index.
import { docsUrl, type Rule } from '../../engine/define-rule';
import { relative, sep } from 'node:path';
import { CONFIG_ERROR, FILE_ERROR, PARSE_ERROR, UNUSED_DIRECTIVE, type RelatedLocation } from '../../engine/types';
import type { FileReport } from '../report';

const LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const;

/** Descriptor text for ids that are not rules: read/parse/config failures, unused disable comments, unknown ids in them. */
function pseudoDescription(id: string): string {
  if (id === UNUSED_DIRECTIVE) return 'edgelint: a disable comment that silenced nothing.';
  if ([PARSE_ERROR, CONFIG_ERROR, FILE_ERROR, 'internal-error'].includes(id)) return `edgelint ${id}: the file could not be fully analysed.`;
  return `'${id}' is not an edgelint rule (it is named in a disable comment).`;
}

/** Formats reports as a SARIF 2.1.0 log. `rules` is the full registry (descriptors for every rule). */
export function formatSarif(reports: readonly FileReport[], rules: readonly Rule[], version: string, rootUri: string): string {
  const descriptors: object[] = rules.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity], ...(rule.enabledByDefault === false ? { enabled: false } : {}) },
    properties: { fixable: rule.fixable, hasSuggestions: rule.hasSuggestions, kinds: [...rule.kinds] },
  }));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results: object[] = [];
  for (const report of reports) {
    for (const p of report.problems) {
      if (!index.has(p.ruleId)) {
        index.set(p.ruleId, descriptors.length);
        descriptors.push({ id: p.ruleId, name: p.ruleId, shortDescription: { text: pseudoDescription(p.ruleId) } });
      }
      results.push({
        ruleId: p.ruleId,
        ruleIndex: index.get(p.ruleId),
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(report.relativePath), uriBaseId: '%SRCROOT%' },
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        }],
        ...(p.related?.some((r) => r.path && r.range) ? { relatedLocations: relatedLocations(report, p.related) } : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'edgelint', version, semanticVersion: version, informationUri: 'https://github.com/edgelint/edgelint', rules: descriptors } },
      originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
      results,
    }],
  };
  return JSON.stringify(log, null, 2);
}

/** SARIF `relatedLocations` for related places in other files, with paths relative to the same root as the result. */
function relatedLocations(report: FileReport, related: readonly RelatedLocation[]): object[] {
  const root = report.path.slice(0, Math.max(0, report.path.length - report.relativePath.length));
  return related.filter((r) => r.path && r.range).map((r, id) => ({
    id,
    message: { text: r.message },
    physicalLocation: {
      artifactLocation: { uri: encodeURI(relative(root || '.', r.path!).split(sep).join('/')), uriBaseId: '%SRCROOT%' },
      region: { startLine: r.range!.start.line + 1, startColumn: r.range!.start.character + 1, endLine: r.range!.end.line + 1, endColumn: r.range!.end.character + 1 },
    },
  }));
}
