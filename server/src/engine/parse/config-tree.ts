// One position-keeping tree for TOML and JSON(C) config files, so rules read wrangler config the same way in both formats.

/** A value in a config file with its source range (0-based offsets into the file text). */
export interface ConfigNode {
  type: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'other';
  /** Scalar value (strings, numbers, booleans, dates as text). */
  value?: string | number | boolean | null;
  start: number;
  end: number;
  /** Range of the key that names this node in its parent object (the table header for TOML tables). */
  keyStart?: number;
  keyEnd?: number;
  /** Range of the whole `key = value` / `"key": value` entry, or the whole TOML table. */
  entryStart?: number;
  entryEnd?: number;
  properties?: Map<string, ConfigNode>;
  items?: ConfigNode[];
}

/** A syntax error in a config file. */
export interface ConfigSyntaxError {
  message: string;
  start: number;
  end: number;
}

/** Follows a path of property names and array indexes from a node. */
export function getNode(node: ConfigNode | undefined, ...path: (string | number)[]): ConfigNode | undefined {
  let current = node;
  for (const part of path) {
    if (!current) return undefined;
    current = typeof part === 'number' ? current.items?.[part] : current.properties?.get(part);
  }
  return current;
}

/** The string value of a node, if it is a string. */
export function stringValue(node: ConfigNode | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** The boolean value of a node, if it is a boolean. */
export function booleanValue(node: ConfigNode | undefined): boolean | undefined {
  return node?.type === 'boolean' && typeof node.value === 'boolean' ? node.value : undefined;
}
