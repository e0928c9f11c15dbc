// Related locations (one finding per cause, issue 7): carried to LSP `relatedInformation` and SARIF `relatedLocations`.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { formatSarif } from '../../../server/src/cli/formatters/sarif';
import { positioned } from '../../../server/src/cli/report';
import { LineIndex } from '../../../server/src/engine/line-index';
import type { Problem } from '../../../server/src/engine/types';
import { toDiagnostic } from '../../../server/src/lsp/diagnostics';
import { allRules as rules } from '../../../server/src/rules';

const TEXT = '[site]\nbucket = "./public"\n';
const PROBLEM: Problem = {
  ruleId: 'wrangler-workers-sites-deprecated', severity: 'warn', message: '`site` configures Workers Sites', start: 1, end: 5,
  related: [{
    message: "'@cloudflare/kv-asset-handler' (Workers Sites code to remove)", start: 31, end: 61, path: '/work/app/src/index.ts',
    range: { start: { line: 0, character: 31 }, end: { line: 0, character: 61 } },
  }],
};

it('LSP diagnostics carry related locations as relatedInformation', () => {
  const diagnostic = toDiagnostic(PROBLEM, new LineIndex(TEXT));
  assert.deepEqual(diagnostic.relatedInformation, [{
    location: { uri: pathToFileURL('/work/app/src/index.ts').href, range: { start: { line: 0, character: 31 }, end: { line: 0, character: 61 } } },
    message: "'@cloudflare/kv-asset-handler' (Workers Sites code to remove)",
  }]);
  assert.equal(toDiagnostic({ ...PROBLEM, related: undefined }, new LineIndex(TEXT)).relatedInformation, undefined);
});

it('SARIF results carry related locations as relatedLocations, relative to the same root', () => {
  const report = { path: '/work/app/wrangler.toml', relativePath: 'wrangler.toml', problems: positioned(TEXT, [PROBLEM]) };
  const sarif = JSON.parse(formatSarif([report], rules, '0.0.0', 'file:///work/app/'));
  assert.deepEqual(sarif.runs[0].results[0].relatedLocations, [{
    id: 0,
    message: { text: "'@cloudflare/kv-asset-handler' (Workers Sites code to remove)" },
    physicalLocation: { artifactLocation: { uri: 'src/index.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 32, endLine: 1, endColumn: 62 } },
  }]);
});
