// intent-evidence: words around a node of a source file that say it warms a cache (names, comments, log messages,
// enclosing function names, the written key or command, the file name), described for a message.
import { calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { intentWord, quote } from './intent';
import { functionName } from '../kv/kv-writes';

/**
 * The first piece of warming intent found around `around` (a loop, callback or call), in this order: names inside it
 * (and in the initializer of the array it loops over), the written key or command (`detail`), comments inside it and
 * before the statements and functions that hold it, log messages, names of the functions that hold it, the file name.
 * Returns a fragment such as `the name "popularPages"`, or undefined when nothing says "warm".
 */
export function intentEvidence(model: WorkerModel, around: ts.Node, detail?: { node: ts.Node; what: string }, path?: string): string | undefined {
  const { sf } = model;
  const scopes: ts.Node[] = [around];
  const iterable = ts.isForOfStatement(around) || ts.isForInStatement(around) ? unwrap(around.expression)
    : ts.isCallExpression(around) ? calleeObject(around) : undefined;
  if (iterable && ts.isIdentifier(unwrap(iterable))) {
    const init = model.resolver.initializer(unwrap(iterable) as ts.Identifier);
    if (init) scopes.push(init);
  }
  for (const scope of scopes) {
    const name = firstIdentifier(scope, (id) => intentWord(id.text) !== undefined);
    if (name) return `the name "${name.text}"`;
  }
  if (detail) {
    const text = ts.isStringLiteralLike(detail.node) ? detail.node.text : detail.node.getText(sf);
    const token = text.replace(/\$\{[^}]*\}/g, ' ').split(/[\s'"`,()[\]{}]+/).find((t) => intentWord(t));
    if (token) return text.length > 60 ? `${detail.what} ${detail.what === 'the command' ? 'argument' : 'part'} ${quote(token)}` : `${detail.what} ${quote(text)}`;
  }
  const holders: ts.Node[] = [];
  for (let node: ts.Node | undefined = around; node && !ts.isSourceFile(node); node = node.parent) holders.push(node);
  const comments = [...commentsIn(sf, around), ...holders.flatMap((h) => leadingComments(sf, h)), ...leadingComments(sf, sf.statements[0])];
  const comment = comments.find((c) => intentWord(c) !== undefined);
  if (comment) return `the comment ${quote(comment.replace(/^\/\/\s?|^\/\*+\s?|\s*\*\/$/g, ''))}`;
  const fn = holders.find((h) => ts.isFunctionLike(h) && functionName(h) && intentWord(functionName(h)!));
  const log = logMessage(model, fn ?? holders.find((h) => ts.isFunctionLike(h)) ?? sf);
  if (log) return `the log message ${quote(log)}`;
  if (fn) return `the function name "${functionName(fn)}"`;
  const base = path?.replace(/\\/g, '/').split('/').pop();
  if (base && intentWord(base.replace(/\.[^.]+$/, ''))) return `the file name "${base}"`;
  return undefined;
}

function firstIdentifier(node: ts.Node, test: (id: ts.Identifier) => boolean): ts.Identifier | undefined {
  if (ts.isIdentifier(node)) return test(node) ? node : undefined;
  return ts.forEachChild(node, (child) => firstIdentifier(child, test));
}

function leadingComments(sf: ts.SourceFile, node: ts.Node | undefined): string[] {
  if (!node) return [];
  return (ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? []).map((r) => sf.text.slice(r.pos, r.end));
}

function commentsIn(sf: ts.SourceFile, node: ts.Node): string[] {
  const found = new Map<number, string>();
  const visit = (child: ts.Node): void => {
    for (const range of [...ts.getLeadingCommentRanges(sf.text, child.getFullStart()) ?? [], ...ts.getTrailingCommentRanges(sf.text, child.end) ?? []]) {
      if (range.pos >= node.getStart(sf) && range.end <= node.end) found.set(range.pos, sf.text.slice(range.pos, range.end));
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return [...found.values()];
}

/** A `console.*`/`log*` message with an intent word inside a node. */
function logMessage(model: WorkerModel, node: ts.Node): string | undefined {
  for (const call of model.calls) {
    if (call.getStart(model.sf) < node.getStart(model.sf) || call.end > node.end) continue;
    const object = calleeObject(call);
    const isLog = (object && ts.isIdentifier(unwrap(object)) && /^(console|log(ger)?)$/.test((unwrap(object) as ts.Identifier).text))
      || /^(log|info|debug)$/.test(calleeName(call) ?? '');
    if (!isLog) continue;
    for (const arg of call.arguments) {
      const text = ts.isStringLiteralLike(arg) ? arg.text : ts.isTemplateExpression(arg) ? arg.head.text + arg.templateSpans.map((s) => s.literal.text).join(' ') : '';
      if (text && intentWord(text)) return text;
    }
  }
  return undefined;
}
