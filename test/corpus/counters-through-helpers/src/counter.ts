const VISITS = 'stats:visits';

export async function readVisits(kv: KVNamespace): Promise<number> {
  return Number((await kv.get(VISITS)) ?? '0');
}

export async function writeVisits(kv: KVNamespace, n: number): Promise<void> {
  await kv.put(VISITS, String(n));
}
