// kv-read-after-write: check-then-set on KV (read a key, refuse if it exists, else write it: sign-ups, slugs, locks),
// which relies on every location seeing the write at once; KV is eventually consistent (domain.md §0 "KV consistency", A1).
import { keyIdentity } from '../../engine/domain/kv/key-identity';
import { holderOf, missWrites, type MissWrite } from '../../engine/domain/kv/miss-writes';
import { kvCalls, type KvCall } from '../../engine/domain/kv/kv';
import { functionName } from '../../engine/domain/kv/kv-writes';
import { defineRule } from '../../engine/define-rule';
import { calleeName, enclosingFunction, lineOf, ts, type WorkerModel } from '../../engine/parse/worker';
import { mayUseKv } from '../../engine/domain/kv/kv-text-evidence';
import { callsGet, callsPut } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'kv-read-after-write',
  description: 'Check-then-set on KV (refuse if a key exists, else put it) is not atomic: other locations see the write up to 60 s late.',
  defaultSeverity: 'info',
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    unique: '{{binding}}.put({{key}}) claims a key checked free on line {{line}}; KV is not atomic: both claims can win.',
    lock: '{{binding}}.put({{key}}) takes a lock checked on line {{line}}: KV is not atomic and others see it late.',
    verify: '{{binding}}.get({{key}}) re-reads the claim put on line {{line}}: each location reads its own write.',
  },
  mayApply: (text, facts) => callsPut(text) && callsGet(text) && mayUseKv(text, facts),
  check(context) {
    const model = context.worker();
    for (const write of missWrites(model, context.facts)) {
      const kind = checkThenSet(write, model);
      if (!kind) continue;
      const { put, read } = write;
      context.report({
        start: put.call.getStart(model.sf), end: put.call.end, messageId: kind,
        data: { binding: put.binding, key: keyIdentity(model, put.key)!.display, line: lineOf(read.call, model.sf) },
      });
    }
    for (const { put, read } of verifiedClaims(model, kvCalls(model, context.facts))) {
      context.report({
        start: read.call.getStart(model.sf), end: read.call.end, messageId: 'verify',
        data: { binding: read.binding, key: keyIdentity(model, read.key)!.display, line: lineOf(put.call, model.sf) },
      });
    }
  },
});

const LOCK_WORDS = /\b(lock|mutex|lease|semaphore)s?\b/i;
const CONFLICT_TEXT = /exist|taken|already|duplicate|in use|conflict|unavailable|not available|registered|replay/i;
const CONFLICT_STATUS = new Set(['409', '422']);

/** `unique` when the present branch refuses (409, "already exists", throw), `lock` when names say lock; else undefined. */
function checkThenSet(write: MissWrite, model: WorkerModel): 'unique' | 'lock' | undefined {
  const { put, holder, presentBranch } = write;
  // A cache hands the found value back; a uniqueness check refuses without it.
  if (presentBranch && holder && mentions(presentBranch, holder)) return undefined;
  if (put.value && fetched(put.value)) return undefined;
  const fn = enclosingFunction(put.call);
  const names = [put.key?.getText(model.sf) ?? '', holder ?? '', (fn && functionName(fn)) ?? ''];
  if (names.some((n) => LOCK_WORDS.test(n.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ')))) return 'lock';
  if (!presentBranch || /cache/i.test(names.join(' ') + put.binding)) return undefined;
  return refuses(presentBranch) ? 'unique' : undefined;
}

/** The branch throws, answers 409/422, or says the thing already exists. */
function refuses(branch: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(node)) found = true;
    else if (ts.isNumericLiteral(node) && CONFLICT_STATUS.has(node.text)) found = true;
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node)
      || ts.isTemplateTail(node)) && CONFLICT_TEXT.test(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(branch);
  return found;
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node);
  return !!ts.forEachChild(node, (child) => mentions(child, name) || undefined);
}

function fetched(node: ts.Node): boolean {
  if (ts.isCallExpression(node) && calleeName(node) === 'fetch') return true;
  return !!ts.forEachChild(node, (child) => fetched(child) || undefined);
}

/**
 * Put-then-verify claims: `put(k, { nonce })` then `get(k)` compared with the nonce to see whether this request won.
 * Same-location reads see their own write, so in two locations both requests "win".
 */
function verifiedClaims(model: WorkerModel, calls: KvCall[]): { put: KvCall; read: KvCall }[] {
  const found: { put: KvCall; read: KvCall }[] = [];
  for (const put of calls) {
    const id = put.method === 'put' && put.value ? keyIdentity(model, put.key) : undefined;
    const fn = enclosingFunction(put.call);
    if (!id || !fn) continue;
    const read = calls.find((c) => (c.method === 'get' || c.method === 'getWithMetadata') && c.binding === put.binding
      && c.call.pos > put.call.end && enclosingFunction(c.call) === fn && keyIdentity(model, c.key)?.signature === id.signature);
    const holder = read && holderOf(read.call);
    if (!read || !holder) continue;
    const written = namesIn(put.value!, model, 0);
    if (comparesWith(fn, holder, written, read.call.end)) found.push({ put, read });
  }
  return found;
}

/** Identifiers the written value is built from (through the initializers of the variables it uses). */
function namesIn(expr: ts.Node, model: WorkerModel, depth: number): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      names.add(node.text);
      const init = depth < 2 ? model.resolver.initializer(node) : undefined;
      if (init) for (const n of namesIn(init, model, depth + 1)) names.add(n);
    }
    ts.forEachChild(node, visit);
  };
  visit(expr);
  return names;
}

/** `holder.nonce !== nonce` (or `==`, `===`, `!=`) after `from`, with the other side a name the written value used. */
function comparesWith(fn: ts.Node, holder: string, written: Set<string>, from: number): boolean {
  const equality = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || node.end < from) return;
    if (ts.isBinaryExpression(node) && equality.has(node.operatorToken.kind)) {
      for (const [a, b] of [[node.left, node.right], [node.right, node.left]] as const) {
        const other = ts.isIdentifier(b) ? b.text : undefined;
        if (mentions(a, holder) && other && other !== holder && written.has(other)) found = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}
