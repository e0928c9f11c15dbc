// `--debug`: which config applies, which files were parsed or ruled out by the rules' pre-parse filters, and rule timings (stderr).
import type { LintTrace } from '../engine/linter';

interface RuleTotals {
  ms: number;
  ran: number;
  ruledOut: number;
}

/** Collects trace events of a run and prints them as `edgelint: debug: …` lines. */
export class DebugLog {
  private readonly rules = new Map<string, RuleTotals>();
  private readonly configs = new Set<string>();

  constructor(private readonly print: (line: string) => void, private readonly now: () => number) {}

  line(text: string): void {
    this.print(text);
  }

  /** Says which config file applies, the first time a file uses it. */
  config(shownFile: string, configPath: string | undefined): void {
    const key = configPath ?? '';
    if (this.configs.has(key)) return;
    this.configs.add(key);
    this.print(configPath ? `config: ${configPath} (first used by ${shownFile})` : `config: none found for ${shownFile} (rule defaults)`);
  }

  /** A trace for one lint of `shownFile`. */
  trace(shownFile: string): LintTrace {
    let ruledOut = 0;
    return {
      now: this.now,
      rule: (ruleId, ms, out) => {
        const totals = this.rules.get(ruleId) ?? { ms: 0, ran: 0, ruledOut: 0 };
        totals.ms += ms;
        if (out) totals.ruledOut++, ruledOut++;
        else totals.ran++;
        this.rules.set(ruleId, totals);
      },
      done: (enabled, parsed) => {
        if (enabled === 0) this.print(`${shownFile}: not parsed: no rule is enabled for it (all off, or "tests": "off")`);
        else if (!parsed && ruledOut === enabled) this.print(`${shownFile}: not parsed: the pre-parse filters of all ${enabled} rules for its kind ruled it out`);
        else this.print(`${shownFile}: ${parsed ? 'parsed' : 'not parsed'}; ${enabled - ruledOut} of ${enabled} rules passed their pre-parse filter`);
        ruledOut = 0;
      },
    };
  }

  /** Rule timings, slowest first. */
  summary(): void {
    const rows = [...this.rules].sort((a, b) => b[1].ms - a[1].ms);
    if (rows.length === 0) return;
    this.print('rule timings (total ms, files checked, files ruled out before parsing):');
    for (const [id, t] of rows) this.print(`  ${id.padEnd(36)} ${t.ms.toFixed(1).padStart(8)}  ${String(t.ran).padStart(5)}  ${String(t.ruledOut).padStart(5)}`);
  }
}
