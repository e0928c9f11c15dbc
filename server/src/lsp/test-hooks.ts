// Hidden test hook: EDGELINT_TEST_THROWING_RULE=1 adds a rule that throws, to prove one broken rule cannot kill the server.
// The rule runs on every file kind. A file containing EDGELINT_THROW_IN_CHECK makes check() throw (the engine turns that
// into one "internal error in test-throwing-rule" problem); EDGELINT_THROW_EARLY makes mayApply() throw, which the
// engine contains the same way. EDGELINT_TEST_STATS=1 answers the request `edgelint/test/cacheStats` with what the
// caches hold (to test that closed documents free their trees). Never active unless the variable is set.
import { defineRule, type Rule } from '../engine/define-rule';

const throwingRule = defineRule({
  id: 'test-throwing-rule',
  description: 'Test hook: throws on demand.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker', 'wrangler', 'headers', 'package', 'workflow', 'edgelint-config'],
  defaultOptions: {},
  messages: { never: 'never reported' },
  mayApply(text) {
    if (text.includes('EDGELINT_THROW_EARLY')) throw new Error('test hook: mayApply threw');
    return text.includes('EDGELINT_THROW_IN_CHECK');
  },
  check() {
    throw new Error('test hook: check threw');
  },
});

/** Extra rules enabled by environment variables (test hooks only). */
export function testRules(env: NodeJS.ProcessEnv = process.env): readonly Rule[] {
  return env.EDGELINT_TEST_THROWING_RULE === '1' ? [throwingRule as Rule] : [];
}

/** Method of the test-only request that returns cache statistics. */
export const CACHE_STATS_REQUEST = 'edgelint/test/cacheStats';

let transportStats: () => Record<string, number> = () => ({});

/** Registers what the transport reports in the stats request (the guarded stream reader's buffered bytes). */
export function setTransportStats(stats: () => Record<string, number>): void {
  transportStats = stats;
}

/** The transport's part of the stats request. */
export function currentTransportStats(): Record<string, number> {
  return transportStats();
}

/** True when the cache statistics request is enabled (tests only). */
export function cacheStatsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.EDGELINT_TEST_STATS === '1';
}

/** Heap bytes in use (after a full collection when node runs with --expose-gc): what the caches really keep alive. */
export function liveHeap(): { usedBytes: number; collected: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { usedBytes: process.memoryUsage().heapUsed, collected: !!gc };
}
