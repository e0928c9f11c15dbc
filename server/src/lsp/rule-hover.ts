// Hover on a reported problem: each rule's one-line why (its description) and a link to its doc's "How to fix".
import { MarkupKind, type Hover, type MarkupContent, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../engine/define-rule';
import type { Problem } from '../engine/types';
import { ruleById } from '../rules';
import { escape } from './hover';

/**
 * Adds a note per rule reported at the position to a hover (or makes a hover of the notes alone). Messages are short
 * (what was seen + the consequence); the note gives the why, and the link leads to the fact, its source and the fix.
 */
export function withRuleNotes(hover: Hover | null, doc: TextDocument, position: Position, problems: readonly Problem[]): Hover | null {
  const offset = doc.offsetAt(position);
  const here = problems.filter((p) => p.start <= offset && offset <= p.end && ruleById(p.ruleId));
  if (here.length === 0) return hover;
  const notes = [...new Set(here.map((p) => p.ruleId))]
    .map((id) => `**${id}**: ${escape(ruleById(id)!.description)} ([why and how to fix](${docsUrl(id)}))`).join('\n\n');
  if (hover) return { ...hover, contents: { kind: MarkupKind.Markdown, value: `${(hover.contents as MarkupContent).value}\n\n---\n\n${notes}` } };
  const start = Math.min(...here.map((p) => p.start));
  const end = Math.max(...here.map((p) => p.end));
  return { contents: { kind: MarkupKind.Markdown, value: notes }, range: { start: doc.positionAt(start), end: doc.positionAt(end) } };
}
