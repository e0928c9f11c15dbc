// package.json -> scripts with source ranges and the commands inside each script (for deploy-time checks).
import { getNode, stringValue, type ConfigNode, type ConfigSyntaxError } from './config-tree';
import { parseJsoncTree } from './jsonc';
import { splitShellCommands, type ShellCommand } from './shell';

/** One `scripts` entry. */
export interface PackageScript {
  name: string;
  /** The script text. */
  value: string;
  node: ConfigNode;
  /** Commands in the script, with ranges in the file. */
  commands: ShellCommand[];
}

/** A parsed package.json. */
export interface PackageModel {
  root?: ConfigNode;
  errors: ConfigSyntaxError[];
  scripts: PackageScript[];
}

/** Parses package.json text. Script command ranges are file offsets (inside the JSON string, escapes permitting). */
export function parsePackageJson(text: string): PackageModel {
  const { root, errors } = parseJsoncTree(text);
  const scripts: PackageScript[] = [];
  for (const [name, node] of getNode(root, 'scripts')?.properties ?? []) {
    const value = stringValue(node);
    if (value === undefined) continue;
    const raw = text.slice(node.start + 1, node.end - 1);
    const offset = raw === value ? node.start + 1 : undefined;
    const commands = splitShellCommands(value).map((c) => offset === undefined
      ? { ...c, start: node.start, end: node.end }
      : { ...c, start: c.start + offset, end: c.end + offset });
    scripts.push({ name, value, node, commands });
  }
  return { root, errors, scripts };
}
