// defineRule() and the rule contract: metadata, target file kinds, a cheap pre-parse filter, and check(context).
import type { FileFacts } from './project/facts';
import type { CacheControlSite } from './domain/cache-control/cc-sites';
import type { HeadersFile } from './parse/headers-file';
import type { WorkerModel } from './parse/worker';
import type { WranglerConfig } from './parse/wrangler';
import type { PackageModel } from './parse/package-json';
import type { WorkflowModel } from './parse/workflow';
import type { ShellScript } from './parse/shell-script';
import type { FileKind, Fix, RelatedLocation, Severity } from './types';
import { cap, MAX_QUOTE, redactSecrets } from './redact';

/** Base URL of the rule docs; `docsUrl(id)` is the only place that builds a doc link. */
export const DOCS_BASE = 'https://github.com/edgelint/edgelint/blob/main/docs/rules/';

/** The documentation URL for a rule id. */
export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/** What a rule reports: a `messageId` (a key of the rule's `messages`, checked by the compiler) and its `data`. */
export interface ReportDescriptor<MessageIds extends string = string> {
  start: number;
  end: number;
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /**
   * Picks one of the severities the rule declares for this message (`messageSeverities`) for this report, unless the user
   * configured one (e.g. warn when only the edge would see it). Leave it out to get the message's declared severity.
   */
  severity?: Severity;
  fix?: Fix;
  suggestions?: Fix[];
  /** Text ranges that no output may print (a secret's value); see `Problem.sensitive`. */
  sensitive?: { start: number; end: number }[];
  /** Other places of the same cause, shown as related locations. */
  related?: RelatedLocation[];
}

/** The severity of one message, or its severities when each report picks one (the first is the default). */
export type MessageSeverity = Severity | readonly [Severity, ...Severity[]];

/** The parsed inputs a rule may ask for; each is parsed at most once per lint and shared by all rules. */
export interface RuleContext<Options = Record<string, unknown>, MessageIds extends string = string> {
  path: string;
  text: string;
  kind: FileKind;
  options: Options;
  facts: FileFacts;
  /** The parsed JS/TS file (kind `worker` only). */
  worker(): WorkerModel;
  /** The parsed wrangler config (kind `wrangler` only). */
  wrangler(): WranglerConfig;
  /** The parsed `_headers` file (kind `headers` only). */
  headersFile(): HeadersFile;
  /** The parsed package.json (kind `package` only). */
  packageJson(): PackageModel;
  /** The parsed CI workflow (kind `workflow` only). */
  workflow(): WorkflowModel;
  /** The parsed shell script (kind `shell` only). */
  shell(): ShellScript;
  /** Cache-Control-like values in this file (kinds `worker` and `headers`). */
  cacheControlSites(): CacheControlSite[];
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** The message ids a rule context accepts (for helpers inside `check` that report: `messageId: MessageIdOf<typeof context>`). */
export type MessageIdOf<Context> = Context extends RuleContext<any, infer MessageIds> ? MessageIds : never;

/**
 * A rule: one file under server/src/rules/<area>/<id>.ts, with docs/rules/<id>.md and test/unit/rules/<id>.test.ts.
 * `Options` is the type of `defaultOptions`, `MessageIds` the keys of `messages` (both inferred by `defineRule`).
 */
export interface Rule<Options = any, MessageIds extends string = string> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /**
   * Messages reported at another severity than `defaultSeverity`: one severity, or several when each report picks one
   * with `severity` (the first is the default). `context.report` applies it; a harness check fails on any other severity.
   */
  messageSeverities?: Readonly<Partial<Record<NoInfer<MessageIds>, MessageSeverity>>>;
  /** `false`: the rule runs only when the user turns it on (its precision on real code is not proven); then `defaultSeverity` applies. */
  enabledByDefault?: boolean;
  /** Offers `fix` edits (applied by --fix and fix-on-save). */
  fixable: boolean;
  /** Offers `suggestions` (picked by the user). */
  hasSuggestions: boolean;
  kinds: readonly FileKind[];
  messages: Readonly<Record<MessageIds, string>>;
  defaultOptions: Options;
  /** Cheap test on the raw text: when false for every rule, the file is never parsed. */
  mayApply?(text: string, facts: FileFacts, kind: FileKind): boolean;
  check(context: RuleContext<Options, MessageIds>): void;
}

/**
 * Declares a rule (identity function for type inference): options are typed from `defaultOptions` and `report`'s
 * `messageId` from the keys of `messages`, so `report({ messageId: 'typo' })` does not compile. Let both be inferred:
 * an explicit type argument would have to name both.
 */
export function defineRule<Options extends object, MessageIds extends string>(rule: Rule<Options, MessageIds>): Rule<Options, MessageIds> {
  return rule;
}

/** Placeholders that quote source text (a value, a line, a command): capped at MAX_QUOTE; others hold prose. */
const QUOTING_PLACEHOLDER = /^(value|text|command|url|detail|path|earlier|literal|key)$/;
/** Longest prose one placeholder may fill (a safety net: rules write these themselves). */
const MAX_PROSE_PLACEHOLDER = 400;

/** Fills `{{name}}` placeholders in a message template; string values are redacted and capped (`redact.ts`). */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    if (!data || !(key in data)) return whole;
    const value = data[key];
    return typeof value === 'number' ? String(value) : cap(redactSecrets(String(value)), QUOTING_PLACEHOLDER.test(key) ? MAX_QUOTE : MAX_PROSE_PLACEHOLDER);
  });
}
