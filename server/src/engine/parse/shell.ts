// Own tiny shell splitter: a script line -> commands separated by &&, ||, ;, | and newlines, with offsets and words.
// Why our own: we only need command boundaries and words with positions, not a shell; no library keeps positions.

/** One simple command. Offsets are relative to the input unless a caller shifts them. */
export interface ShellCommand {
  text: string;
  words: string[];
  start: number;
  end: number;
  /** The operator that joined it to the previous command (`&&`, `||`, `;`, `|`, newline), if any. */
  joinedBy?: string;
}

/** Splits shell text into commands; quotes are respected, `$(...)` is kept inside its command. */
export function splitShellCommands(input: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let start = 0;
  let quote: string | undefined;
  let depth = 0;
  let joinedBy: string | undefined;
  const push = (end: number, nextJoin: string | undefined) => {
    const raw = input.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) commands.push({ text, words: words(text), start: start + lead, end: start + lead + text.length, joinedBy });
    joinedBy = nextJoin;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '\\') { i++; continue; }
    if (ch === '"' || ch === "'") { quote = ch; continue; }
    if (ch === '$' && input[i + 1] === '(') { depth++; i++; continue; }
    if (ch === ')' && depth > 0) { depth--; continue; }
    if (depth > 0) continue;
    const two = input.slice(i, i + 2);
    if (two === '&&' || two === '||') { push(i, two); start = i + 2; i++; continue; }
    if (ch === ';' || ch === '|' || ch === '\n') { push(i, ch === '\n' ? 'newline' : ch); start = i + 1; }
  }
  push(input.length, undefined);
  return commands;
}

/** Words of a command with quotes removed (no expansion). */
export function words(text: string): string[] {
  const result: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) result.push(m[1] ?? m[2] ?? m[3] ?? '');
  return result;
}
