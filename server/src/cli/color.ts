// Terminal colour: whether to use it (flags, NO_COLOR/FORCE_COLOR, TTY) and ANSI helpers that are identity when off.

const CODES = { red: [31, 39], yellow: [33, 39], green: [32, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;

/** ANSI styling functions; each returns its input unchanged when colour is off. */
export type Paint = Record<keyof typeof CODES, (text: string) => string>;

export function paint(on: boolean): Paint {
  const entries = Object.entries(CODES).map(([name, [open, close]]) => [name, (text: string) => (on ? `\u001b[${open}m${text}\u001b[${close}m` : text)]);
  return Object.fromEntries(entries) as Paint;
}

/**
 * Colour is on when `--color` says so, or, without a flag, when FORCE_COLOR is set (and not "0"/"false"),
 * else off when NO_COLOR is set and not empty (no-color.org), else when stdout is a terminal.
 */
export function useColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}
