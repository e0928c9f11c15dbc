// The explicit, sorted rule registry. A meta-test keeps it in sync with rule files, docs, tests and the README table.
import type { Rule } from '../engine/define-rule';
import cacheApiLocalOnly from './cache-api/cache-api-local-only';
import cacheImmutableHeaders from './cache-api/cache-immutable-headers';
import cachePutBodyReuse from './cache-api/cache-put-body-reuse';
import cachePutErrorResponse from './cache-api/cache-put-error-response';
import cachePutFloating from './cache-api/cache-put-floating';
import cachePutUncacheable from './cache-api/cache-put-uncacheable';
import ccAppendExisting from './cache-control/cc-append-existing';
import ccConflictingDirectives from './cache-control/cc-conflicting-directives';
import ccDeltaSeconds from './cache-control/cc-delta-seconds';
import ccDuplicateDirective from './cache-control/cc-duplicate-directive';
import ccImmutableMisuse from './cache-control/cc-immutable-misuse';
import ccOverrideOriginPrivate from './cache-control/cc-override-origin-private';
import ccRequestOnlyDirective from './cache-control/cc-request-only-directive';
import ccStaleDisabled from './cache-control/cc-stale-disabled';
import ccSyntax from './cache-control/cc-syntax';
import cdnCcStructuredField from './cache-control/cdn-cc-structured-field';
import cfCacheOptionsConflict from './fetch/cf-cache-options-conflict';
import cfCachePersonalized from './fetch/cf-cache-personalized';
import cfIneffectiveOption from './fetch/cf-ineffective-option';
import cfInvalidTtl from './fetch/cf-invalid-ttl';
import cfUnknownOption from './fetch/cf-unknown-option';
import corsOriginWithoutVary from './cors/cors-origin-without-vary';
import headersCacheControlMerge from './headers/headers-cache-control-merge';
import headersDuplicatePath from './headers/headers-duplicate-path';
import headersFileLocation from './headers/headers-file-location';
import headersSyntax from './headers/headers-syntax';
import honoCacheMiddleware from './cache-api/hono-cache-middleware';
import kvCacheNoExpiration from './kv/kv-cache-no-expiration';
import kvCachettlBelowMinimum from './kv/kv-cachettl-below-minimum';
import kvCronWarming from './kv/kv-cron-warming';
import kvDeployWarming from './kv/kv-deploy-warming';
import kvExpirationBelowMinimum from './kv/kv-expiration-below-minimum';
import kvHotKeyWrite from './kv/kv-hot-key-write';
import kvNPlusOne from './kv/kv-n-plus-one';
import kvReadAfterWrite from './kv/kv-read-after-write';
import kvTtlUnits from './kv/kv-ttl-units';
import responseInitSpread from './cache-api/response-init-spread';
import workersCacheImplicitTtl from './workers-cache/workers-cache-implicit-ttl';
import wranglerAssetsHeadersBypass from './wrangler/wrangler-assets-headers-bypass';
import wranglerCacheBlock from './wrangler/wrangler-cache-block';
import wranglerCompatDateCache from './wrangler/wrangler-compat-date-cache';
import wranglerConfigSchema from './wrangler/wrangler-config-schema';
import wranglerKvPreviewIsProduction from './wrangler/wrangler-kv-preview-is-production';
import wranglerLegacyV1Config from './wrangler/wrangler-legacy-v1-config';
import wranglerSecretInConfig from './wrangler/wrangler-secret-in-config';
import wranglerWorkersSitesDeprecated from './wrangler/wrangler-workers-sites-deprecated';

/** Every rule, sorted by id. */
export const allRules: readonly Rule[] = [
  cacheApiLocalOnly,
  cacheImmutableHeaders,
  cachePutBodyReuse,
  cachePutErrorResponse,
  cachePutFloating,
  cachePutUncacheable,
  ccAppendExisting,
  ccConflictingDirectives,
  ccDeltaSeconds,
  ccDuplicateDirective,
  ccImmutableMisuse,
  ccOverrideOriginPrivate,
  ccRequestOnlyDirective,
  ccStaleDisabled,
  ccSyntax,
  cdnCcStructuredField,
  cfCacheOptionsConflict,
  cfCachePersonalized,
  cfIneffectiveOption,
  cfInvalidTtl,
  cfUnknownOption,
  corsOriginWithoutVary,
  headersCacheControlMerge,
  headersDuplicatePath,
  headersFileLocation,
  headersSyntax,
  honoCacheMiddleware,
  kvCacheNoExpiration,
  kvCachettlBelowMinimum,
  kvCronWarming,
  kvDeployWarming,
  kvExpirationBelowMinimum,
  kvHotKeyWrite,
  kvNPlusOne,
  kvReadAfterWrite,
  kvTtlUnits,
  responseInitSpread,
  workersCacheImplicitTtl,
  wranglerAssetsHeadersBypass,
  wranglerCacheBlock,
  wranglerCompatDateCache,
  wranglerConfigSchema,
  wranglerKvPreviewIsProduction,
  wranglerLegacyV1Config,
  wranglerSecretInConfig,
  wranglerWorkersSitesDeprecated,
];

/** Rule ids, for config validation. */
export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));
/** Each rule's default options by id: config files are checked against them (unknown keys, wrong types). */
export const ruleOptionDefaults: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map(allRules.map((rule) => [rule.id, rule.defaultOptions as Record<string, unknown>]));

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
