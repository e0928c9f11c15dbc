// edgelint.* settings: resource-scoped, fetched per document with workspace/configuration, cached per URI until they change.
import type { Connection } from 'vscode-languageserver/node';
import { parseSeverity, type RuleSetting } from '../engine/config';

/** When linting happens. */
export type RunMode = 'onType' | 'onSave';

/** The settings the server acts on (`edgelint.trace.server` is handled by the client library). */
export interface Settings {
  enable: boolean;
  run: RunMode;
  /** Rule id -> severity or [severity, options], passed to the engine as overrides. */
  rules: ReadonlyMap<string, RuleSetting>;
  /** Stable text of the above, part of every cache key. */
  key: string;
}

/** Defaults, as contributed in package.json. */
export const DEFAULT_SETTINGS: Settings = normalize(undefined);

/** Turns an untrusted settings object (from any client) into Settings; bad entries are ignored. */
export function normalize(raw: unknown): Settings {
  const value = raw && typeof raw === 'object' ? raw as Record<string, unknown> : {};
  const enable = value.enable !== false;
  const run: RunMode = value.run === 'onSave' ? 'onSave' : 'onType';
  const rules = new Map<string, RuleSetting>();
  if (value.rules && typeof value.rules === 'object' && !Array.isArray(value.rules)) {
    for (const [id, setting] of Object.entries(value.rules as Record<string, unknown>)) {
      const severity = parseSeverity(Array.isArray(setting) ? setting[0] : setting);
      if (!severity) continue;
      const options = Array.isArray(setting) && setting[1] && typeof setting[1] === 'object' ? setting[1] as Record<string, unknown> : undefined;
      rules.set(id, options ? { severity, options } : { severity });
    }
  }
  const key = JSON.stringify([enable, run, [...rules].sort(([a], [b]) => a.localeCompare(b))]);
  return { enable, run, rules, key };
}

/** Fetches and caches settings per scope URI; `clear()` on workspace/didChangeConfiguration. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean, private readonly log: (message: string) => void) {}

  /** Settings for a document or folder URI. */
  get(scopeUri: string): Promise<Settings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.cache.get(scopeUri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri, section: 'edgelint' }).then(normalize, (error: unknown) => {
        this.log(`workspace/configuration failed for ${scopeUri}: ${String(error)}; using defaults`);
        return DEFAULT_SETTINGS;
      });
      this.cache.set(scopeUri, settings);
    }
    return settings;
  }

  /** Drops cached settings; `pushedSettings` is the didChangeConfiguration payload (used by clients without workspace/configuration). */
  clear(pushedSettings?: unknown): void {
    this.cache.clear();
    if (pushedSettings && typeof pushedSettings === 'object' && 'edgelint' in pushedSettings) {
      this.pushed = normalize((pushedSettings as { edgelint: unknown }).edgelint);
    }
  }

  /** Drops one URI's cached settings (its document closed). */
  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }
}
