// wrangler.toml / wrangler.json / wrangler.jsonc -> one config model with source ranges (domain.md A11).
import { getNode, stringValue, type ConfigNode, type ConfigSyntaxError } from './config-tree';
import { parseJsoncTree } from './jsonc';
import { parseTomlTree } from './toml';

/** A parsed wrangler config file. `root` is undefined when the file could not be parsed at all. */
export interface WranglerConfig {
  path: string;
  format: 'toml' | 'json';
  root?: ConfigNode;
  errors: ConfigSyntaxError[];
}

/** A binding declared in the config, with the node that declares its name. */
export interface BindingDecl {
  name: string;
  env?: string;
  node: ConfigNode;
  entry: ConfigNode;
}

/** Parses a wrangler config file by its name. */
export function parseWrangler(path: string, text: string): WranglerConfig {
  const format = path.endsWith('.toml') ? 'toml' : 'json';
  const { root, errors } = format === 'toml' ? parseTomlTree(text) : parseJsoncTree(text);
  const usable = root && root.type === 'object' ? root : undefined;
  if (root && !usable) errors.push({ message: 'A wrangler config must be an object at the top level.', start: root.start, end: root.end });
  return { path, format, root: usable, errors };
}

/** The top level plus every `env.<name>` section, each with its env name. */
export function configSections(config: WranglerConfig): { env?: string; node: ConfigNode }[] {
  if (!config.root) return [];
  const sections: { env?: string; node: ConfigNode }[] = [{ node: config.root }];
  const envs = getNode(config.root, 'env');
  for (const [env, node] of envs?.properties ?? []) if (node.type === 'object') sections.push({ env, node });
  return sections;
}

/** Bindings of one kind (`kv_namespaces`, `r2_buckets`, …) across the top level and all environments. */
export function bindingsOf(config: WranglerConfig, key: string): BindingDecl[] {
  const result: BindingDecl[] = [];
  for (const { env, node } of configSections(config)) {
    for (const entry of getNode(node, key)?.items ?? []) {
      const bindingNode = getNode(entry, 'binding');
      const name = stringValue(bindingNode);
      if (name && bindingNode) result.push({ name, env, node: bindingNode, entry });
    }
  }
  return result;
}

/** A top-level value of the config, e.g. `compatibility_date`. */
export function topLevel(config: WranglerConfig, key: string): ConfigNode | undefined {
  return getNode(config.root, key);
}
