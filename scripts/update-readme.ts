// Regenerates the README's rule table and each rule doc's severities row from the registry (run: npx tsx scripts/update-readme.ts); meta-tests check both.
import { readFileSync, writeFileSync } from 'node:fs';
import { allRules } from '../server/src/rules';
import { ruleTable, replaceRuleTable, withSeverityRow } from '../test/harness/rule-table';

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceRuleTable(readme, ruleTable()));
for (const rule of allRules) {
  const path = `docs/rules/${rule.id}.md`;
  const doc = readFileSync(path, 'utf8');
  const updated = withSeverityRow(doc, rule);
  if (updated !== doc) writeFileSync(path, updated);
}
