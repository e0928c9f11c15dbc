// Stand-in for the file `wrangler types` generates.
interface Env {
  CATALOG: KVNamespace;
  CATALOG_TTL?: string;
}
