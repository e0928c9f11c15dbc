// A small wrapper over a KV namespace; the lifetime is clamped to KV's 60 s minimum.
export class Shelf {
  constructor(private kv: KVNamespace) {}

  async keep(key: string, value: string, seconds: number): Promise<void> {
    await this.kv.put(key, value, { expirationTtl: Math.max(60, seconds) });
  }

  async take(key: string): Promise<string | null> {
    return this.kv.get(key);
  }
}
