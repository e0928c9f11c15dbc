// Regenerates the README's rule table from the registry (run: npx tsx scripts/update-readme.ts); a meta-test checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import { ruleTable, replaceRuleTable } from '../test/harness/rule-table';

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceRuleTable(readme, ruleTable()));
