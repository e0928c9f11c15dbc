// Helpers that build text edits for fixes and suggestions (pure data; applied by fixer.ts).
import { ts } from './parse/worker';
import type { Fix, TextEdit } from './types';

/** A fix with one replacement. */
export function replaceFix(title: string, start: number, end: number, text: string): Fix {
  return { title, edits: [{ start, end, text }] };
}

/** Edit that removes an object-literal property together with one adjacent comma and the space around it. */
export function removePropertyEdit(property: ts.ObjectLiteralElementLike, sf: ts.SourceFile): TextEdit {
  const list = (property.parent as ts.ObjectLiteralExpression).properties;
  const index = list.indexOf(property);
  const text = sf.text;
  if (index < list.length - 1) {
    return { start: property.getStart(sf), end: list[index + 1]!.getStart(sf), text: '' };
  }
  if (index > 0) {
    return { start: list[index - 1]!.end, end: trailingCommaEnd(text, property.end), text: '' };
  }
  return { start: property.getStart(sf), end: trailingCommaEnd(text, property.end), text: '' };
}

function trailingCommaEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ',' ? i + 1 : from;
}
