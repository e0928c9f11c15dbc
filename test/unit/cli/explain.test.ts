// `edgelint explain <rule-id>`: every rule explains itself from the registry and its doc (text and JSON); mistakes are usage errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docsUrl } from '../../../server/src/engine/define-rule';
import { allRules } from '../../../server/src/rules';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ruleDocSections } from '../../../server/src/cli/rule-doc';
import { runCli } from '../../harness/cli-runner';

describe('edgelint explain', () => {
  it('prints each rule\'s description, default severity, fixability, suggestions and docs URL', async () => {
    for (const rule of allRules) {
      const run = await runCli(['explain', rule.id], '.');
      assert.equal(run.code, 0, rule.id);
      assert.equal(run.stderr, '');
      assert.ok(run.stdout.startsWith(`${rule.id}: ${rule.description}\n`), rule.id);
      assert.match(run.stdout, new RegExp(`default severity  ${rule.defaultSeverity}\\n`), rule.id);
      assert.match(run.stdout, new RegExp(`fixable           ${rule.fixable ? 'yes' : 'no'}`), rule.id);
      assert.match(run.stdout, new RegExp(`suggestions       ${rule.hasSuggestions ? 'yes' : 'no'}`), rule.id);
      assert.ok(run.stdout.includes(`docs              ${docsUrl(rule.id)}\n`), rule.id);
    }
  });

  it("prints every rule's \"Why\" and \"How to fix\" from its doc (text and JSON), one bullet per message id", async () => {
    for (const rule of allRules) {
      const run = await runCli(['explain', rule.id], '.');
      assert.match(run.stdout, /\nWhy:\n {2}\S/, rule.id);
      assert.match(run.stdout, /\nHow to fix:\n {2}\S/, rule.id);
      const json = JSON.parse((await runCli(['explain', rule.id, '--format', 'json'], '.')).stdout) as { why?: string; howToFix?: string };
      assert.ok(json.why && json.howToFix, rule.id);
      for (const id of Object.keys(rule.messages)) assert.ok(json.howToFix.includes(`\`${id}\``), `${rule.id}: no fix for ${id}`);
    }
  });

  it('reads docs only from its own package folder, and says nothing more when they are not there', () => {
    assert.deepEqual(ruleDocSections('cc-syntax', [mkdtempSync(join(tmpdir(), 'edgelint-nodocs-'))]), {});
    assert.deepEqual(ruleDocSections('../../package', [resolve('docs/rules')]), {});
    assert.ok(ruleDocSections('cc-syntax', [resolve('docs/rules')]).howToFix);
  });

  it('lists which messages are at which severity when a rule has several (text and JSON)', async () => {
    const text = (await runCli(['explain', 'cc-syntax'], '.')).stdout;
    assert.ok(text.includes('  default severity  error\n  severities        error       unbalancedQuote, unknownDirective\n'
      + '                    warn        semicolon, colon, spacedEquals, emptyMember\n'), text);
    assert.ok(!(await runCli(['explain', 'cache-put-floating'], '.')).stdout.includes('severities'));
    const json = JSON.parse((await runCli(['explain', 'cc-conflicting-directives', '--format', 'json'], '.')).stdout) as { severities: string[]; messageSeverities: Record<string, string[]> };
    assert.deepEqual(json.severities, ['warn', 'info']);
    assert.deepEqual(json.messageSeverities.noStore, ['warn', 'info']);
  });

  it('--format json gives the same facts as --list-rules', async () => {
    const listed = JSON.parse((await runCli(['--list-rules', '--format', 'json'], '.')).stdout) as Record<string, unknown>[];
    const rule = allRules.find((r) => r.fixable)!;
    const explained = JSON.parse((await runCli(['explain', rule.id, '--format', 'json'], '.')).stdout) as Record<string, unknown>;
    const { kinds, why, howToFix, ...rest } = explained;
    assert.deepEqual(rest, listed.find((r) => r.id === rule.id));
    assert.ok(why && howToFix, 'explain adds the doc\'s sections');
    assert.deepEqual(kinds, [...rule.kinds]);
  });

  it('an unknown or missing rule id, or extra arguments, exit 2', async () => {
    for (const argv of [['explain'], ['explain', 'no-such-rule'], ['explain', '--format', 'json'], ['explain', 'cc-syntax', 'src']]) {
      const run = await runCli(argv, '.');
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, /^edgelint: /, argv.join(' '));
      assert.equal(run.stdout, '');
    }
  });

  it('is listed in --help', async () => {
    assert.match((await runCli(['--help'], '.')).stdout, /edgelint explain <rule-id>/);
  });
});
