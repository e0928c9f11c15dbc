// Compatibility flags in effect for each section (top level, env.*) of a wrangler config, from its date and flags (domain.md A5).
import { getNode, stringValue } from '../../parse/config-tree';
import { configSections, type WranglerConfig } from '../../parse/wrangler';

/** A workerd compatibility flag: the flag names that turn it on and off, and the date from which it is on by default. */
export interface CompatFlag {
  enable: string;
  disable: string;
  date: string;
}

/** `Request.cache` (`cache: 'no-store'`) is accepted; before it, setting `cache` throws `[cl-nostore]`. */
export const CACHE_OPTION_ENABLED: CompatFlag = { enable: 'cache_option_enabled', disable: 'cache_option_disabled', date: '2024-11-11' };
/** `fetch()` `cf` cache settings override the zone's Cache Rules `[compat]`. */
export const REQUEST_CF_OVERRIDES_CACHE_RULES: CompatFlag = { enable: 'request_cf_overrides_cache_rules', disable: 'no_request_cf_overrides_cache_rules', date: '2025-04-02' };

/** `cache: 'no-cache'` is accepted (on with cache_option_enabled from 2025-08-07); before it, it throws `Unsupported cache mode` (domain.md §0). */
export const CACHE_NO_CACHE: CompatFlag = { enable: 'cache_no_cache_enabled', disable: 'cache_no_cache_disabled', date: '2025-08-07' };
/** `cf` cache settings on a Request passed to the Cache API override Cache Rules (workerd compatibility-date.capnp, domain.md §0). */
export const CACHE_API_REQUEST_CF: CompatFlag = { enable: 'cache_api_request_cf_overrides_cache_rules', disable: 'no_cache_api_request_cf_overrides_cache_rules', date: '2025-05-19' };

/** The compatibility settings one section runs with (envs inherit the date and flags they do not set). */
export interface CompatSection {
  /** Undefined for the top level. */
  env?: string;
  /** `YYYY-MM-DD`, or undefined when missing or not a date string. */
  date?: string;
  flags: readonly string[];
}

/** Why a flag is off for a section, or `on`. `unknown` when the section has no usable date and no explicit flag. */
export type CompatState = 'on' | 'before-date' | 'disabled' | 'unknown';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The effective date and flags of the top level and of each `env.<name>`. */
export function compatSections(config: WranglerConfig): CompatSection[] {
  const read = (node: Parameters<typeof getNode>[0]) => {
    const date = stringValue(getNode(node, 'compatibility_date'));
    const flagsNode = getNode(node, 'compatibility_flags');
    const flags = flagsNode ? (flagsNode.items ?? []).map(stringValue).filter((f): f is string => !!f) : undefined;
    return { date: date && DATE.test(date) ? date : undefined, hasDate: !!getNode(node, 'compatibility_date'), flags };
  };
  const top = read(config.root);
  return configSections(config).map(({ env, node }) => {
    if (!env) return { date: top.date, flags: top.flags ?? [] };
    const own = read(node);
    return { env, date: own.hasDate ? own.date : top.date, flags: own.flags ?? top.flags ?? [] };
  });
}

/** Whether a flag is in effect for a section. */
export function compatState(flag: CompatFlag, section: CompatSection): CompatState {
  if (section.flags.includes(flag.disable)) return 'disabled';
  if (section.flags.includes(flag.enable)) return 'on';
  if (!section.date) return 'unknown';
  return section.date >= flag.date ? 'on' : 'before-date';
}
