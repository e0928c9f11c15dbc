// The "Why" and "How to fix" sections of a rule's doc, for `edgelint explain <rule-id>`: read from the package's own
// docs/ folder (shipped next to dist/ in the npm package; the source tree when run from source), never from the workspace.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The sections `explain` prints; each is undefined when the doc (or the section) is not there. */
export interface RuleDocSections { why?: string; howToFix?: string }

/** The package's docs/rules folders, for the bundle (dist/cli.js) and for the sources (server/src/cli). */
const DOC_FOLDERS = [resolve(__dirname, '..', 'docs', 'rules'), resolve(__dirname, '..', '..', '..', 'docs', 'rules')];

export function ruleDocSections(ruleId: string, folders: readonly string[] = DOC_FOLDERS): RuleDocSections {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return {};
  for (const folder of folders) {
    let text: string;
    try {
      text = readFileSync(resolve(folder, `${ruleId}.md`), 'utf8');
    } catch {
      continue;
    }
    return { why: section(text, 'Why'), howToFix: section(text, 'How to fix') };
  }
  return {};
}

/** The text under `## <title>` up to the next `## ` heading, trimmed. */
function section(markdown: string, title: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  return body || undefined;
}
