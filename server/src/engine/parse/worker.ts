// JS/TS source -> TypeScript syntax tree (createSourceFile, no type checker, no program) plus one shared walk.
import ts from 'typescript';
import { ConstResolver } from './constants';
import { textChange } from '../text-change';

/** A parsed Worker source file; every rule reuses the same tree and the same node lists. */
export interface WorkerModel {
  sf: ts.SourceFile;
  /** Syntax errors reported by the parser (TypeScript recovers, so rules still run). */
  syntaxErrors: { message: string; start: number; end: number }[];
  /** All call expressions, in source order. */
  calls: ts.CallExpression[];
  /** All `new` expressions, in source order. */
  news: ts.NewExpression[];
  /** All property assignments in object literals, in source order. */
  properties: ts.PropertyAssignment[];
  /** Destructuring elements (`const { CACHE: kv } = env`), in source order. */
  bindingElements: ts.BindingElement[];
  /** Array literals nested in array literals (`new Headers([['a', 'b']])` pairs), in source order. */
  nestedArrays: ts.ArrayLiteralExpression[];
  /** Assignments to `this.x` / `this.#x` (class fields set in constructors and methods), in source order. */
  thisAssignments: ts.BinaryExpression[];
  /** Class field declarations (`kv = env.KV`, `#kv: KVNamespace`), in source order. */
  fieldDeclarations: ts.PropertyDeclaration[];
  /** Declarations with a written type (`KV: KVNamespace` members, typed parameters, fields, variables), in source order. */
  typedMembers: (ts.PropertySignature | ts.ParameterDeclaration | ts.PropertyDeclaration | ts.VariableDeclaration)[];
  /** Interfaces and type aliases, in source order. */
  typeDeclarations: (ts.InterfaceDeclaration | ts.TypeAliasDeclaration)[];
  /** Relative and bare import declarations (`import { put } from './helpers'`), in source order. */
  imports: ts.ImportDeclaration[];
  /** Tagged templates (zx's `` $`wrangler kv …` ``), in source order. */
  taggedTemplates: ts.TaggedTemplateExpression[];
  /** Class declarations and class expressions, in source order. */
  classes: ts.ClassLikeDeclaration[];
  /** Constant resolution for this file. */
  resolver: ConstResolver;
}

function scriptKind(path: string): ts.ScriptKind {
  if (/\.tsx$/.test(path)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(path)) return ts.ScriptKind.JSX;
  if (/\.[mc]?ts$/.test(path)) return ts.ScriptKind.TS;
  return ts.ScriptKind.JS;
}

/**
 * The last tree per path, so re-linting after an edit reparses incrementally (ts.updateSourceFile, as tsserver does on
 * each keystroke) instead of from scratch. Safe because no tree outlives its lint: problems are plain data, and the
 * incremental parser may reuse (and move) nodes of the previous tree. Bounded by the bytes of source the trees hold
 * (a tree costs about 35 times its text), least recently used first out; the newest tree is always kept. Adapters drop
 * a path's tree with `forgetTree` when its document closes.
 */
const recentTrees = new Map<string, { sf: ts.SourceFile; kind: ts.ScriptKind }>();
let recentTreeBytes = 0;
/** Source bytes (UTF-16 code units) the cached trees may hold together. */
export const MAX_TREE_CACHE_BYTES = 2 * 1024 * 1024;
const MAX_RECENT_TREES = 32;
let retainTrees = true;

/**
 * Turns keeping recent trees on or off (returns the previous setting). The CLI lints each file once: kept trees would
 * only survive into the old generation and cost garbage collection, so it turns this off for its run.
 */
export function setTreeRetention(on: boolean): boolean {
  const previous = retainTrees;
  retainTrees = on;
  if (!on) {
    recentTrees.clear();
    recentTreeBytes = 0;
  }
  return previous;
}

/** How many trees are kept for incremental reparsing right now. */
export function retainedTrees(): number {
  return recentTrees.size;
}

/**
 * How much TypeScript parsing happened in this process (the benchmark's parsed-file and parsed-byte shares, and its
 * per-rule breakdown, which subtracts parse time from the rule that forced the parse). Counting costs nothing measurable.
 */
export const parseCounters = { parses: 0, bytes: 0, ms: 0, paths: undefined as Set<string> | undefined };

/** Drops the cached tree of a path (its document closed); true when there was one. */
export function forgetTree(path: string): boolean {
  const entry = recentTrees.get(path);
  if (!entry) return false;
  recentTrees.delete(path);
  recentTreeBytes -= entry.sf.text.length;
  return true;
}

/** What the tree cache holds now (tests and the language server's stats hook). */
export function treeCacheStats(): { entries: number; bytes: number; paths: string[] } {
  return { entries: recentTrees.size, bytes: recentTreeBytes, paths: [...recentTrees.keys()] };
}

function rememberTree(path: string, sf: ts.SourceFile, kind: ts.ScriptKind): void {
  recentTrees.set(path, { sf, kind });
  recentTreeBytes += sf.text.length;
  while (recentTrees.size > 1 && (recentTreeBytes > MAX_TREE_CACHE_BYTES || recentTrees.size > MAX_RECENT_TREES)) {
    forgetTree(recentTrees.keys().next().value!);
  }
}

/** A syntax tree for `text`, reusing the previous tree of the same path when there is one. */
export function sourceFileFor(path: string, text: string): ts.SourceFile {
  const started = performance.now();
  const sf = treeFor(path, text);
  parseCounters.ms += performance.now() - started;
  parseCounters.parses++;
  parseCounters.bytes += text.length;
  parseCounters.paths?.add(path);
  return sf;
}

function treeFor(path: string, text: string): ts.SourceFile {
  const kind = scriptKind(path);
  const previous = recentTrees.get(path);
  let sf: ts.SourceFile;
  // Forget the old tree first: an incremental parse that throws (stack overflow) may leave it half-updated, and every
  // later parse of this path would then fail ("Debug Failure").
  forgetTree(path);
  if (previous?.kind === kind && previous.sf.text === text) sf = previous.sf;
  else if (previous?.kind === kind) {
    try {
      sf = ts.updateSourceFile(previous.sf, text, changeRange(previous.sf.text, text));
    } catch {
      sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
    }
  } else sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  if (retainTrees) rememberTree(path, sf, kind);
  return sf;
}

/** The edit that turns `before` into `after`: common prefix and suffix are kept. */
function changeRange(before: string, after: string): ts.TextChangeRange {
  const { start, oldEnd, newEnd } = textChange(before, after);
  return { span: { start, length: oldEnd - start }, newLength: newEnd - start };
}

/** Parses a source file once and collects the node lists rules query. */
export function parseWorker(path: string, text: string): WorkerModel {
  const sf = sourceFileFor(path, text);
  const calls: ts.CallExpression[] = [];
  const news: ts.NewExpression[] = [];
  const properties: ts.PropertyAssignment[] = [];
  const declarations: ts.VariableDeclaration[] = [];
  const bindingElements: ts.BindingElement[] = [];
  const nestedArrays: ts.ArrayLiteralExpression[] = [];
  const thisAssignments: ts.BinaryExpression[] = [];
  const fieldDeclarations: ts.PropertyDeclaration[] = [];
  const imports: ts.ImportDeclaration[] = [];
  const taggedTemplates: ts.TaggedTemplateExpression[] = [];
  const classes: ts.ClassLikeDeclaration[] = [];
  const typedMembers: WorkerModel['typedMembers'] = [];
  const typeDeclarations: WorkerModel['typeDeclarations'] = [];
  const K = ts.SyntaxKind;
  // One walk, dispatched on the node kind (cheaper per node than a chain of type guards: it runs on every keystroke).
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case K.CallExpression: calls.push(node as ts.CallExpression); break;
      case K.NewExpression: news.push(node as ts.NewExpression); break;
      case K.PropertyAssignment: properties.push(node as ts.PropertyAssignment); break;
      case K.BindingElement: bindingElements.push(node as ts.BindingElement); break;
      case K.ImportDeclaration: imports.push(node as ts.ImportDeclaration); break;
      case K.TaggedTemplateExpression: taggedTemplates.push(node as ts.TaggedTemplateExpression); break;
      case K.ClassDeclaration: case K.ClassExpression: classes.push(node as ts.ClassLikeDeclaration); break;
      case K.InterfaceDeclaration: case K.TypeAliasDeclaration: typeDeclarations.push(node as ts.InterfaceDeclaration | ts.TypeAliasDeclaration); break;
      case K.PropertySignature: case K.Parameter:
        if ((node as ts.PropertySignature | ts.ParameterDeclaration).type) typedMembers.push(node as ts.PropertySignature | ts.ParameterDeclaration);
        break;
      case K.VariableDeclaration:
        declarations.push(node as ts.VariableDeclaration);
        if ((node as ts.VariableDeclaration).type) typedMembers.push(node as ts.VariableDeclaration);
        break;
      case K.PropertyDeclaration:
        fieldDeclarations.push(node as ts.PropertyDeclaration);
        if ((node as ts.PropertyDeclaration).type) typedMembers.push(node as ts.PropertyDeclaration);
        break;
      case K.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (binary.operatorToken.kind === K.EqualsToken && ts.isPropertyAccessExpression(binary.left) && binary.left.expression.kind === K.ThisKeyword) thisAssignments.push(binary);
        break;
      }
      case K.ArrayLiteralExpression:
        if (node.parent.kind === K.ArrayLiteralExpression) nestedArrays.push(node as ts.ArrayLiteralExpression);
        break;
      default: break;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const syntaxErrors = diagnostics.map((d) => ({
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
    start: d.start,
    end: Math.min(text.length, d.start + Math.max(1, d.length)),
  }));
  return {
    sf, syntaxErrors, calls, news, properties, bindingElements, nestedArrays, thisAssignments, fieldDeclarations, imports, taggedTemplates, classes, typedMembers, typeDeclarations,
    resolver: new ConstResolver(sf, declarations),
  };
}

/** Strips parentheses, `as`, `satisfies`, `!` and `await` around an expression. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)
      || ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current) || ts.isAwaitExpression(current)) {
      current = current.expression;
    } else return current;
  }
}

/** Name of a property name node when it is static (`a`, `'a'`, `["a"]`). */
export function propertyName(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** For `a.b.c(...)` returns `c`; for `a['c'](...)` returns `c`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return undefined;
}

/** The receiver of a method call (`a.b` in `a.b.c()`), if the callee is a member access. */
export function calleeObject(call: ts.CallExpression): ts.Expression | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) return callee.expression;
  return undefined;
}

/** Dotted text of an access chain like `env.CACHE` or `c.env.KV` (undefined for computed parts). */
export function accessPath(node: ts.Expression): string[] | undefined {
  const expr = unwrap(node);
  if (ts.isIdentifier(expr)) return [expr.text];
  if (expr.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(expr)) {
    const base = accessPath(expr.expression);
    return base ? [...base, expr.name.text] : undefined;
  }
  if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
    const base = accessPath(expr.expression);
    return base ? [...base, expr.argumentExpression.text] : undefined;
  }
  return undefined;
}

/** The nearest enclosing function-like node. */
export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && 'body' in current) return current as ts.FunctionLikeDeclaration;
  }
  return undefined;
}

/** Why a node runs repeatedly inside its function: a loop statement, an array callback or a `Promise.all` argument. */
export function repetitionOf(node: ts.Node): { kind: 'loop' | 'callback' | 'promise-all'; node: ts.Node } | undefined {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if ((ts.isForStatement(parent) || ts.isForOfStatement(parent) || ts.isForInStatement(parent) || ts.isWhileStatement(parent)
      || ts.isDoStatement(parent)) && parent.statement === current) return { kind: 'loop', node: parent };
    if (ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression)) {
      const name = calleeName(parent);
      const object = calleeObject(parent);
      if ((name === 'all' || name === 'allSettled') && object && ts.isIdentifier(unwrap(object)) && (unwrap(object) as ts.Identifier).text === 'Promise') {
        return { kind: 'promise-all', node: parent };
      }
      if (ts.isFunctionLike(current) && name && ['map', 'forEach', 'flatMap', 'filter', 'reduce', 'some', 'every'].includes(name)) {
        return { kind: 'callback', node: parent };
      }
    }
    if (ts.isFunctionLike(current)) return undefined;
  }
  return undefined;
}

/** 1-based line of a node's first token, for messages that point at another line. */
export function lineOf(node: ts.Node, sf: ts.SourceFile = node.getSourceFile()): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** True if `inner` is `outer` or inside it. */
export function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner === outer || (inner.getStart() >= outer.getStart() && inner.end <= outer.end);
}

export { ts };
