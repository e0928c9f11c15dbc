// shell-requests: curl/wget commands in a script or CI step (URL, method, whether the body is kept, how they repeat: shell loop,
// xargs/parallel, wget -i/-r, several URLs or URL globs), and `wrangler kv key|bulk put` uploads with their arguments.
// Used to tell cache-warming requests from downloads and API calls.
import type { ShellCommand } from '../../parse/shell';

/** One curl/wget request command. */
export interface ShellRequest {
  tool: 'curl' | 'wget';
  /** How it repeats, for messages (`in a for loop`, `through xargs`, `from a URL list (wget -i)`); undefined for one request. */
  repeated?: string;
  /** The loop header (`for u in …`), when the command sits in a shell loop. */
  loopHeader?: ShellCommand;
  /** URL-like arguments (literal URLs, `$vars`, `{}` placeholders). */
  urls: string[];
  /** Upper-case HTTP method. */
  method: string;
  /** The response body is saved to a file or piped into another command (a download or an API call, not a warm-up). */
  keepsBody: boolean;
  /** A request to the Cloudflare API (api.cloudflare.com). */
  cloudflareApi: boolean;
  /** curl `-f`/`--fail`: the command fails on HTTP errors, as smoke tests and health checks do. */
  failsOnError: boolean;
}

const PREFIX = new Set(['do', 'then', 'else', 'time', 'command', 'nohup', 'exec', '{', '(']);
const CURL_VALUE_FLAGS = new Set(['-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--json', '-u', '--user', '-o', '--output', '-X', '--request',
  '-w', '--write-out', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-c', '--cookie-jar', '-m', '--max-time', '--connect-timeout',
  '--retry', '--retry-delay', '-K', '--config', '-F', '--form', '-T', '--upload-file', '--parallel-max', '-x', '--proxy', '--resolve']);
const WGET_VALUE_FLAGS = new Set(['-O', '--output-document', '-o', '--output-file', '-i', '--input-file', '--header', '--method', '--post-data',
  '--post-file', '-U', '--user-agent', '-T', '--timeout', '-t', '--tries', '-l', '--level', '-P', '--directory-prefix', '-w', '--wait']);

/** The shell loop header (`for …`, `while …`, `until …`) a command sits in, within its script or step. */
export function shellLoopAround(command: ShellCommand, siblings: readonly ShellCommand[]): ShellCommand | undefined {
  const stack: ShellCommand[] = [];
  for (const sibling of siblings) {
    if (sibling === command) return stack[stack.length - 1];
    const first = sibling.words[0];
    if (first === 'for' || first === 'while' || first === 'until' || first === 'select') stack.push(sibling);
    else if (first === 'done') stack.pop();
  }
  return undefined;
}

/** The request a command makes with curl or wget, or undefined when it is not a curl/wget request (or is a `wget --spider` link check). */
export function shellRequest(command: ShellCommand, siblings: readonly ShellCommand[]): ShellRequest | undefined {
  const w = command.words;
  const at = w.findIndex((word) => /(^|\/)(curl|wget)$/.test(word));
  if (at < 0) return undefined;
  const before = w.slice(0, at);
  const feeder = before.find((word) => word === 'xargs' || word === 'parallel');
  if (!feeder && !before.every((word) => PREFIX.has(word) || /^\w+=/.test(word))) return undefined;
  const tool = w[at]!.endsWith('wget') ? 'wget' : 'curl';
  const args = w.slice(at + 1);
  if (tool === 'wget' && args.includes('--spider')) return undefined;
  const valueFlags = tool === 'curl' ? CURL_VALUE_FLAGS : WGET_VALUE_FLAGS;
  const urls: string[] = [];
  const flagValue = (...names: string[]) => {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (names.includes(arg)) return args[i + 1] ?? '';
      const long = names.find((n) => n.startsWith('--') && arg.startsWith(`${n}=`));
      if (long) return arg.slice(long.length + 1);
    }
    return undefined;
  };
  let redirect: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const redirected = /^(1|&)?>>?(.*)$/.exec(arg);
    if (redirected) { redirect = redirected[2] || args[++i]; continue; }
    if (/^2>/.test(arg)) continue;
    if (valueFlags.has(arg)) { i++; continue; }
    if (arg.startsWith('-')) continue;
    if (/^(https?:\/\/|\$|\{\}|%)|:\/\//.test(arg)) urls.push(arg);
  }
  const method = requestMethod(tool, args, flagValue);
  const output = tool === 'curl' ? flagValue('-o', '--output') : flagValue('-O', '--output-document');
  const discarded = (target: string | undefined) => target === '/dev/null' || target === 'NUL';
  const next = siblings[siblings.indexOf(command) + 1];
  const keepsBody = next?.joinedBy === '|'
    || (redirect !== undefined && !discarded(redirect))
    || (tool === 'curl' && (output !== undefined ? !discarded(output) : args.some((a) => a === '-O' || a === '--remote-name' || a === '--remote-name-all')))
    || (tool === 'wget' && !(discarded(output) || (output === '-' && (redirect === undefined || discarded(redirect))) || args.includes('--delete-after')));
  const loopHeader = shellLoopAround(command, siblings);
  const repeated = loopHeader ? `in a ${loopHeader.words[0]} loop`
    : feeder ? `through ${feeder}`
      : tool === 'wget' && flagValue('-i', '--input-file') !== undefined ? 'from a URL list (wget -i)'
        : tool === 'wget' && args.some((a) => a === '-r' || a === '--recursive' || a === '--mirror' || a === '-m') ? 'recursively (wget -r)'
          : urls.length > 1 ? `for ${urls.length} URLs`
            : urls.some((u) => /\{[^}]*,[^}]*\}|\[\d+-\d+\]/.test(u)) && tool === 'curl' ? 'through URL globbing' : undefined;
  const failsOnError = tool === 'curl' && args.some((a) => /^--fail(-with-body)?$/.test(a) || /^-[a-zA-Z]*f[a-zA-Z]*$/.test(a));
  return { tool, repeated, loopHeader, urls, method, keepsBody, cloudflareApi: urls.some((u) => /api\.cloudflare\.com/.test(u)), failsOnError };
}

function requestMethod(tool: 'curl' | 'wget', args: string[], flagValue: (...names: string[]) => string | undefined): string {
  const explicit = tool === 'curl' ? flagValue('-X', '--request') : flagValue('--method');
  if (explicit) return explicit.toUpperCase();
  if (tool === 'curl') {
    if (args.some((a) => /^(-d|--data(-raw|-binary|-urlencode)?|-F|--form|--json)(=|$)/.test(a) || /^-d./.test(a))) return 'POST';
    if (args.some((a) => a === '-T' || a === '--upload-file')) return 'PUT';
    if (args.some((a) => a === '-I' || a === '--head')) return 'HEAD';
  } else if (args.some((a) => /^--post-(data|file)/.test(a))) return 'POST';
  return 'GET';
}

/** `wrangler kv key put KEY [VALUE] [--path F]`, `wrangler kv:bulk put FILE`: which kind and its key and file arguments (not the value, not binding/namespace/env flags). */
export function wranglerKvPut(command: ShellCommand): { kind: 'key' | 'bulk'; args: string[] } | undefined {
  const w = command.words;
  const at = w.findIndex((word) => /(^|\/)wrangler$/.test(word));
  if (at < 0) return undefined;
  const rest = w.slice(at + 1);
  const verbs = /^kv (key|bulk) put\b/.exec(rest.filter((word) => !word.startsWith('-')).slice(0, 3).join(' ').replace(/^kv:/, 'kv '));
  if (!verbs) return undefined;
  const after = rest.slice(rest.indexOf('put') + 1);
  const args: string[] = [];
  let positional = 0;
  for (let i = 0; i < after.length; i++) {
    const arg = after[i]!;
    if (/^--?(binding|namespace-id|env|e)$/.test(arg)) i++;
    else if (arg === '--path') args.push(after[++i] ?? '');
    else if (arg.startsWith('--path=')) args.push(arg.slice('--path='.length));
    else if (!arg.startsWith('-') && (verbs[1] === 'bulk' || positional++ === 0)) args.push(arg);
  }
  return { kind: verbs[1] as 'key' | 'bulk', args };
}
