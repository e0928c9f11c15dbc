// A whole shell script (`*.sh`, `*.bash`) -> commands, comments and the one syntax error we can be sure of (an open quote).
// Comments and here-document bodies are blanked (offsets kept) before `splitShellCommands`, so an apostrophe in `# don't`
// or in a heredoc never opens a quote.
import type { ConfigSyntaxError } from './config-tree';
import { splitShellCommands, type ShellCommand } from './shell';

/** One `#` comment (without the `#`), with its offsets in the script. */
export interface ShellComment {
  text: string;
  start: number;
  end: number;
}

/** A parsed shell script. */
export interface ShellScript {
  /** The `#!` line, if any. */
  shebang?: string;
  commands: ShellCommand[];
  comments: ShellComment[];
  errors: ConfigSyntaxError[];
}

/** Parses a shell script; never throws. */
export function parseShellScript(text: string): ShellScript {
  const shebang = /^#![^\n]*/.exec(text)?.[0];
  const code = text.split('');
  const comments: ShellComment[] = [];
  const errors: ConfigSyntaxError[] = [];
  const blank = (from: number, to: number) => { for (let k = from; k < to; k++) if (code[k] !== '\n') code[k] = ' '; };
  let quote: { char: string; start: number; ansi: boolean } | undefined;
  const heredocs: { tag: string; tabs: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote.char) quote = undefined;
      else if (ch === '\\' && (quote.char === '"' || quote.ansi)) i++;
      continue;
    }
    if (ch === '\\') { i++; continue; }
    if (ch === '"' || ch === "'" || ch === '`') { quote = { char: ch, start: i, ansi: ch === "'" && text[i - 1] === '$' }; continue; }
    if (ch === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
      if (!(i === 0 && shebang)) comments.push({ text: text.slice(i + 1, end).trim(), start: i, end });
      blank(i, end);
      i = end - 1;
      continue;
    }
    const heredoc = /^<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/.exec(text.slice(i, i + 80));
    if (heredoc && text[i + 2] !== '<' && text[i - 1] !== '<') {
      heredocs.push({ tag: heredoc[3]!, tabs: heredoc[1] === '-' });
      i += heredoc[0].length - 1;
      continue;
    }
    if (ch === '\n' && heredocs.length > 0) i = skipHeredocs(text, i + 1, heredocs.splice(0), blank) - 1;
  }
  if (quote) {
    const name = quote.char === '`' ? 'backquote' : quote.char === '"' ? 'double quote' : 'single quote';
    errors.push({ message: `Unterminated ${name} (${quote.char}): the shell stops with "unexpected end of file".`, start: quote.start, end: quote.start + 1 });
  }
  return { shebang, commands: splitShellCommands(code.join('')).map((c) => ({ ...c, text: text.slice(c.start, c.end) })), comments, errors };
}

/** Blanks the bodies of pending here-documents starting at `from`; returns the offset after the last terminator line. */
function skipHeredocs(text: string, from: number, pending: { tag: string; tabs: boolean }[], blank: (a: number, b: number) => void): number {
  let at = from;
  for (const { tag, tabs } of pending) {
    while (at < text.length) {
      const end = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
      const line = text.slice(at, end);
      blank(at, end);
      at = end + 1;
      if ((tabs ? line.replace(/^\t+/, '') : line) === tag) break;
    }
  }
  return Math.min(at, text.length + 1);
}
