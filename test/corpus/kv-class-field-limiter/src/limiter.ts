// Per-client request quota kept in KV; the namespace lives in a class field.
export interface QuotaStore extends KVNamespace {}

export interface LimiterOptions {
  max: number;
  windowSeconds: 10 | 60;
}

interface Bucket {
  left: number;
  resetAt: number;
}

export class KvLimiter {
  private readonly max: number;
  private readonly windowSeconds: 10 | 60;

  constructor(protected store: QuotaStore, options?: LimiterOptions) {
    this.max = options?.max ?? 20;
    this.windowSeconds = options?.windowSeconds ?? 60;
  }

  async allow(client: string): Promise<boolean> {
    const key = `quota:${client}`;
    const bucket = (await this.store.get<Bucket>(key, 'json')) ?? { left: this.max, resetAt: Date.now() + this.windowSeconds * 1000 };
    bucket.left -= 1;
    await this.store.put(key, JSON.stringify(bucket), { // expect: kv-hot-key-write
      expirationTtl: this.windowSeconds, // expect: kv-expiration-below-minimum
    });
    return bucket.left >= 0;
  }
}
