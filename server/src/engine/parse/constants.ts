// Constant resolution for the values rules check: literals, same-file `const`s, templates, `+`, spreads and member reads.
import ts from 'typescript';

/** A stretch of a resolved string that is copied verbatim from the file, so ranges inside it map back to the source. */
export interface StringSegment {
  /** Start of the stretch in the resolved value. */
  from: number;
  /** End (exclusive) in the resolved value. */
  to: number;
  /** File offset of `from`. */
  fileStart: number;
  /**
   * True when this stretch continues the previous one in the same template literal after a CR that TypeScript dropped
   * (CRLF -> LF in template text), so a range may run across both: see `mapRange`.
   */
  afterDroppedCr?: boolean;
}

/** A string whose value is known statically. */
export interface ResolvedString {
  value: string;
  /** The expression that produced it (the literal, the identifier, the template…). */
  node: ts.Expression;
  segments: StringSegment[];
}

/** One static entry of an object literal (spreads of constant objects are followed). */
export interface ObjectEntry {
  key: string;
  keyNode: ts.Node;
  value: ts.Expression;
  property: ts.ObjectLiteralElementLike;
}

const MAX_DEPTH = 8;

/** Resolves expressions to constant strings, numbers and object literals within one file. */
export class ConstResolver {
  /** name → scope → the last declaration of that name in that scope: a lookup walks up the tree, never over all namesakes. */
  private readonly byName = new Map<string, Map<ts.Node, ts.VariableDeclaration>>();
  private readonly anyByName = new Map<string, Map<ts.Node, ts.VariableDeclaration>>();
  /** Declarations not indexed yet: the maps are built on the first lookup (most keystrokes' rules never ask). */
  private pending: ts.VariableDeclaration[] | undefined;

  constructor(private readonly sf: ts.SourceFile, declarations: ts.VariableDeclaration[]) {
    this.pending = declarations;
  }

  private index(): void {
    const declarations = this.pending;
    if (!declarations) return;
    this.pending = undefined;
    for (const decl of declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
      const list = decl.parent;
      if (!ts.isVariableDeclarationList(list)) continue;
      const map = list.flags & ts.NodeFlags.Const ? this.byName : this.anyByName;
      const existing = map.get(decl.name.text) ?? new Map<ts.Node, ts.VariableDeclaration>();
      existing.set(blockScope(decl), decl);
      map.set(decl.name.text, existing);
    }
  }

  /** The initializer of the `const` an identifier refers to (innermost enclosing scope), if any. */
  constInitializer(id: ts.Identifier): ts.Expression | undefined {
    this.index();
    return this.innermost(id, this.byName.get(id.text));
  }

  /** The initializer of a `const`, or of a `let`/`var` declared with one (for tracing objects such as a cache). */
  initializer(id: ts.Identifier): ts.Expression | undefined {
    return this.constInitializer(id) ?? this.innermost(id, this.anyByName.get(id.text));
  }

  private innermost(id: ts.Identifier, candidates: Map<ts.Node, ts.VariableDeclaration> | undefined): ts.Expression | undefined {
    if (!candidates) return undefined;
    let best: ts.VariableDeclaration | undefined;
    for (let node: ts.Node | undefined = id.parent; node && !best; node = node.parent) best = candidates.get(node);
    if (best && ts.isIdentifier(best.name) && best.name === id) return undefined;
    return best?.initializer;
  }

  /** Follows identifiers to const initializers and strips wrappers; stops at anything else. */
  follow(node: ts.Expression, depth = 0): ts.Expression {
    let current = stripWrappers(node);
    for (let i = depth; i < MAX_DEPTH && ts.isIdentifier(current); i++) {
      const init = this.constInitializer(current);
      if (!init) break;
      current = stripWrappers(init);
    }
    return current;
  }

  /** Resolves a string-valued expression, keeping file positions where the text is copied verbatim. */
  resolveString(node: ts.Expression, depth = 0): ResolvedString | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expr = stripWrappers(node);
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      return { value: expr.text, node: expr, segments: literalSegments(expr, this.sf) };
    }
    if (ts.isIdentifier(expr)) {
      const init = this.constInitializer(expr);
      const inner = init ? this.resolveString(init, depth + 1) : undefined;
      return inner ? { ...inner, node: expr } : undefined;
    }
    if (ts.isTemplateExpression(expr)) {
      const parts: ResolvedString[] = [{ value: expr.head.text, node: expr, segments: literalSegments(expr.head, this.sf) }];
      for (const span of expr.templateSpans) {
        const value = this.resolveScalar(span.expression, depth + 1);
        if (value === undefined) return undefined;
        parts.push(typeof value === 'string' ? value : { value: String(value), node: span.expression, segments: [] });
        parts.push({ value: span.literal.text, node: expr, segments: literalSegments(span.literal, this.sf) });
      }
      return concat(parts, expr);
    }
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.resolveScalar(expr.left, depth + 1);
      const right = this.resolveScalar(expr.right, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      if (typeof left === 'number' && typeof right === 'number') return undefined;
      const asPart = (v: ResolvedString | number, n: ts.Expression): ResolvedString => typeof v === 'number' ? { value: String(v), node: n, segments: [] } : v;
      return concat([asPart(left, expr.left), asPart(right, expr.right)], expr);
    }
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
      const value = this.memberValue(expr, depth);
      const inner = value ? this.resolveString(value, depth + 1) : undefined;
      return inner ? { ...inner, node: expr } : undefined;
    }
    return undefined;
  }

  /** Resolves a numeric expression: literals (with `_`), unary minus, arithmetic, consts, members. */
  resolveNumber(node: ts.Expression, depth = 0): number | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expr = stripWrappers(node);
    if (ts.isNumericLiteral(expr)) return Number(expr.text.replace(/_/g, ''));
    if (ts.isPrefixUnaryExpression(expr)) {
      const value = this.resolveNumber(expr.operand, depth + 1);
      if (value === undefined) return undefined;
      if (expr.operator === ts.SyntaxKind.MinusToken) return -value;
      if (expr.operator === ts.SyntaxKind.PlusToken) return value;
      return undefined;
    }
    if (ts.isIdentifier(expr)) {
      const init = this.constInitializer(expr);
      return init ? this.resolveNumber(init, depth + 1) : undefined;
    }
    if (ts.isBinaryExpression(expr)) {
      const left = this.resolveNumber(expr.left, depth + 1);
      const right = left === undefined ? undefined : this.resolveNumber(expr.right, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      switch (expr.operatorToken.kind) {
        case ts.SyntaxKind.PlusToken: return left + right;
        case ts.SyntaxKind.MinusToken: return left - right;
        case ts.SyntaxKind.AsteriskToken: return left * right;
        case ts.SyntaxKind.SlashToken: return right === 0 ? undefined : left / right;
        case ts.SyntaxKind.AsteriskAsteriskToken: return left ** right;
        default: return undefined;
      }
    }
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
      const value = this.memberValue(expr, depth);
      return value ? this.resolveNumber(value, depth + 1) : undefined;
    }
    return undefined;
  }

  /** The object literal an expression stands for (through consts, wrappers and `new Headers({...})` is not followed). */
  resolveObject(node: ts.Expression, depth = 0): ts.ObjectLiteralExpression | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expr = this.follow(node, depth);
    if (ts.isObjectLiteralExpression(expr)) return expr;
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
      const value = this.memberValue(expr, depth);
      return value ? this.resolveObject(value, depth + 1) : undefined;
    }
    return undefined;
  }

  /** Static entries of an object literal, following spreads of constant objects; later entries win like in JS. */
  objectEntries(obj: ts.ObjectLiteralExpression, depth = 0): ObjectEntry[] {
    const entries: ObjectEntry[] = [];
    for (const property of obj.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = this.propertyKey(property.name, depth);
        if (key !== undefined) entries.push({ key, keyNode: property.name, value: property.initializer, property });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        entries.push({ key: property.name.text, keyNode: property.name, value: property.name, property });
      } else if (ts.isSpreadAssignment(property) && depth < MAX_DEPTH) {
        const spread = this.resolveObject(property.expression, depth + 1);
        if (spread) entries.push(...this.objectEntries(spread, depth + 1));
      }
    }
    return entries;
  }

  /** The last static value for a key in an object literal. */
  objectValue(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
    const entries = this.objectEntries(obj).filter((entry) => entry.key === key);
    return entries[entries.length - 1]?.value;
  }

  /** Either a string or a number for template/concat parts. */
  resolveScalar(node: ts.Expression, depth = 0): ResolvedString | number | undefined {
    return this.resolveString(node, depth) ?? this.resolveNumber(node, depth);
  }

  private propertyKey(name: ts.PropertyName, depth: number): string | undefined {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
    if (ts.isComputedPropertyName(name)) return this.resolveString(name.expression, depth + 1)?.value;
    return undefined;
  }

  private memberValue(expr: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): ts.Expression | undefined {
    const key = ts.isPropertyAccessExpression(expr) ? expr.name.text : this.resolveString(expr.argumentExpression, depth + 1)?.value;
    if (key === undefined) return undefined;
    const obj = this.resolveObject(expr.expression, depth + 1);
    return obj ? this.objectValue(obj, key) : undefined;
  }
}

/**
 * Maps a range inside a resolved string back to file offsets, if the whole range was copied verbatim: from one segment, or
 * from consecutive segments of one template literal split at CRLFs (a range over the LF then covers the whole CRLF).
 */
export function mapRange(resolved: ResolvedString, from: number, to: number): { start: number; end: number } | undefined {
  const segments = resolved.segments;
  for (let i = 0; i < segments.length; i++) {
    const first = segments[i]!;
    if (from < first.from || from > first.to) continue;
    let last = first;
    for (let j = i + 1; to > last.to && segments[j]?.afterDroppedCr && segments[j]!.from === last.to; j++) last = segments[j]!;
    if (to <= last.to) return { start: first.fileStart + (from - first.from), end: last.fileStart + (to - last.from) };
  }
  return undefined;
}

function stripWrappers(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)
    || ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current)) current = current.expression;
  return current;
}

function blockScope(decl: ts.VariableDeclaration): ts.Node {
  for (let current: ts.Node = decl.parent; current; current = current.parent) {
    if (ts.isBlock(current) || ts.isSourceFile(current) || ts.isModuleBlock(current) || ts.isCaseBlock(current)
      || ts.isForStatement(current) || ts.isForOfStatement(current) || ts.isForInStatement(current)) return current;
  }
  return decl.getSourceFile();
}

/** Segments for a literal whose raw text has no escapes (otherwise positions cannot be mapped safely). */
function literalSegments(literal: ts.LiteralLikeNode, sf: ts.SourceFile): StringSegment[] {
  const start = literal.getStart(sf);
  const raw = sf.text.slice(start, literal.end);
  if (raw.includes('\\')) return [];
  const openLength = ts.isTemplateHead(literal as ts.Node) || ts.isTemplateMiddle(literal as ts.Node) || ts.isTemplateTail(literal as ts.Node)
    ? (raw.startsWith('`') || raw.startsWith('}') ? 1 : 0) : 1;
  const cooked = literal.text;
  if (cooked.length === 0) return [];
  // Template text turns CRLF into LF (ECMAScript TRV), so the value is shorter than the file text: cut a segment before each
  // dropped CR and chain the next one to it. Assuming 1:1 made --fix rewrite the wrong characters in CRLF files (issue 10).
  const segments: StringSegment[] = [];
  let from = 0;
  let fileStart = start + openLength;
  for (let c = 0, r = fileStart; c < cooked.length; c++, r++) {
    if (sf.text.charCodeAt(r) !== 13 || sf.text.charCodeAt(r + 1) !== 10) continue;
    if (c > from) segments.push({ from, to: c, fileStart, ...(segments.length > 0 ? { afterDroppedCr: true } : {}) });
    from = c;
    fileStart = ++r;
  }
  segments.push({ from, to: cooked.length, fileStart, ...(segments.length > 0 ? { afterDroppedCr: true } : {}) });
  return segments;
}

function concat(parts: ResolvedString[], node: ts.Expression): ResolvedString {
  let value = '';
  const segments: StringSegment[] = [];
  for (const part of parts) {
    for (const segment of part.segments) segments.push({ ...segment, from: segment.from + value.length, to: segment.to + value.length });
    value += part.value;
  }
  return { value, node, segments };
}
