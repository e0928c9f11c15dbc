// The one place that decides what source text a message may quote: secrets are redacted, quotes shortened, and commands
// reduced to what identifies them (the command name and the URL host/path). Every rule message goes through it.

/** What replaces a redacted value. */
export const REDACTED = '***';
/** Longest text one interpolated value may put into a message. */
export const MAX_QUOTE = 80;

/** Secret formats recognised by the value alone, with what they are. */
export const KNOWN_SECRET_FORMATS: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}/, 'a Stripe secret key'],
  [/\b(ghp|gho|ghs|ghu|ghr)_[0-9A-Za-z]{30,}|\bgithub_pat_\w{40,}/, 'a GitHub token'],
  [/\bxox[abprs]-[0-9A-Za-z-]{10,}/, 'a Slack token'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bAIza[0-9A-Za-z_-]{35}/, 'a Google API key'],
  [/\bSG\.[\w-]{16,}\.[\w-]{16,}/, 'a SendGrid key'],
  [/\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/, 'a signed JWT'],
];

/** Names (of variables, headers, flags, query parameters) whose values are credentials. */
const SECRET_NAME = /(token|secret|password|passwd|passphrase|api[_-]?key|apikey|private[_-]?key|access[_-]?key|auth[_-]?key|signing[_-]?key|credentials?|authorization|x-auth-\w+|signature|\bsig)$/i;

/** Values next to a secret-like name that are not secrets: literals, variable references, placeholders. */
const NOT_A_SECRET = /^(true|false|null|undefined|\d{1,6}|\$.*|<[^>]*>|\{\{.*|\*+|x+)$/i;

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/**
 * A long token-like string: at least `minLength` characters of a token alphabet, letters and digits mixed (mixed case too
 * with `mixedCase`, so 32-hex ids and UUIDs do not count), and an entropy of at least `minBits` per character.
 */
export function isHighEntropy(value: string, { minLength = 32, minBits = 4, mixedCase = true } = {}): boolean {
  if (value.length < minLength || !/^[A-Za-z0-9+/=_-]+$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false;
  if (mixedCase && (!/[a-z]/.test(value) || !/[A-Z]/.test(value))) return false;
  return entropy(value) >= minBits;
}

/** Token-like runs inside a longer text (no `/` or `.`, so paths and host names stay readable). */
const TOKEN_RUN = /[A-Za-z0-9+=_-]{20,}/g;

/** The text with credential-looking values replaced by `***`: named secrets, auth headers, URL user info, known formats, random tokens. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [re] of KNOWN_SECRET_FORMATS) out = out.replace(new RegExp(re.source, 'g'), REDACTED);
  // https://user:password@host → https://***@host
  out = out.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"`]+@/gi, `$1${REDACTED}@`);
  // Authorization: Bearer xyz, token xyz
  out = out.replace(/\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{6,}/g, `$1$2${REDACTED}`);
  // NAME=value, NAME: value, "name": "value", --name value, ?name=value where the name says secret.
  out = out.replace(/([A-Za-z0-9_.-]+)(["']?\s*[=:]\s*["']?|\s+)([^\s"'`,;&)?#]+)/g, (whole, name: string, sep: string, value: string) => {
    if (!SECRET_NAME.test(name.replace(/^-+/, '')) || value === REDACTED || NOT_A_SECRET.test(value)) return whole;
    if (/^\s+$/.test(sep) && !name.startsWith('-')) return whole; // `token xyz` only for flags (`--token xyz`)
    return `${name}${sep}${REDACTED}`;
  });
  out = out.replace(TOKEN_RUN, (run) => (looksLikeToken(run) ? REDACTED : run));
  return out;
}

/** A random-looking run: letters and digits interleaved (not `stale-while-revalidate=600`), and high entropy. */
function looksLikeToken(run: string): boolean {
  const switches = run.match(/[A-Za-z](?=[0-9])|[0-9](?=[A-Za-z])/g)?.length ?? 0;
  return switches >= 4 && isHighEntropy(run, { minLength: 20, minBits: 3.5, mixedCase: false });
}

/** Caps a text at `max` characters with an ellipsis, keeping its spacing. */
export function cap(text: string, max = MAX_QUOTE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Collapses whitespace and shortens to `max` characters with an ellipsis. */
export function truncate(text: string, max = MAX_QUOTE): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Source text made fit for a message: secrets redacted, then shortened. */
export function quoteSource(text: string, max = MAX_QUOTE): string {
  return truncate(redactSecrets(text), max);
}

/** Commands whose next plain words are subcommands worth naming (`wrangler kv bulk put`, `npm run warm`). */
const SUBCOMMAND_TOOLS = /^(wrangler|npx|pnpx|bunx|npm|pnpm|yarn|bun|node|sh|bash|gh|git|aws|gcloud|docker)$/;

/** Shell words of a command line (quotes removed; good enough to name a command, not to run one). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const m of command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** A URL reduced to scheme, host and path (no user info, query or fragment). */
export function urlHostPath(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/@\s]*@)?([^/?#\s]*)([^?#\s]*)/i.exec(url);
  return m ? `${m[1]}${m[2]}${m[3]}` : url;
}

/**
 * What identifies a command line in a message: the command name (after `VAR=value` prefixes), its subcommand words for
 * tools such as wrangler and npm, and the first URL's host and path. Flags, headers, bodies and queries are left out.
 */
export function commandSummary(command: string): string {
  const words = shellWords(command.trim());
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
  const kept: string[] = [];
  const name = words[i];
  if (name !== undefined) {
    kept.push(name.replace(/^.*\//, ''));
    if (SUBCOMMAND_TOOLS.test(kept[0]!)) {
      for (let j = i + 1; j < words.length && kept.length < 5 && /^[a-z][a-z0-9:_-]*$/.test(words[j]!); j++) kept.push(words[j]!);
    }
  }
  const url = words.find((w) => /^[a-z][a-z0-9+.-]*:\/\//i.test(w));
  let summary = kept.join(' ');
  const omitted = words.length - i > kept.length + (url ? 1 : 0);
  if (omitted) summary += ' …';
  if (url) summary += ` ${urlHostPath(url)}`;
  return quoteSource(summary || command);
}
