export interface Session {
  user: string;
  team?: string;
  expiresAt: number;
}

function sessionKey(id: string): string {
  return `session:${id}`;
}

export async function openSession(kv: KVNamespace, id: string, user: string): Promise<Session> {
  const session: Session = { user, expiresAt: Date.now() + 30 * 24 * 3600 * 1000 };
  await kv.put(sessionKey(id), JSON.stringify(session), { expiration: Math.floor(session.expiresAt / 1000) });
  return session;
}

export async function switchTeam(kv: KVNamespace, id: string, team: string): Promise<Session | null> {
  const current = await kv.get<Session>(sessionKey(id), 'json');
  if (!current) return null;
  const left = Math.floor((current.expiresAt - Date.now()) / 1000);
  if (left <= 0) return null;
  const next: Session = { ...current, team };
  await kv.put(sessionKey(id), JSON.stringify(next), { expirationTtl: left }); // expect: kv-expiration-below-minimum
  return next;
}

export async function refresh(kv: KVNamespace, id: string, session: Session): Promise<void> {
  const left = Math.floor((session.expiresAt - Date.now()) / 1000);
  await kv.put(sessionKey(id), JSON.stringify(session), { expirationTtl: Math.max(60, left) });
}
