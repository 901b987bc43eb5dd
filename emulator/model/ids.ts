import { createHash, randomBytes } from 'node:crypto';

/** A fresh access or refresh token: 40 lowercase hex, as Particle's (particle-api.md §1.4). */
export const newToken = (): string => createHash('sha1').update(randomBytes(256)).digest('hex');

/** A stable 40-hex value for seeded data, so docs and tests can rely on it. */
export const stableHex = (seed: string, length = 40): string =>
  createHash('sha1').update(seed).digest('hex').slice(0, length);

const ALPHANUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function suffix(random: boolean, seed: string): string {
  const bytes = random ? randomBytes(10) : createHash('sha1').update(seed).digest();
  return Array.from(bytes.subarray(0, 10), (b) => ALPHANUM[b % ALPHANUM.length]).join('');
}

/**
 * `<friendly-name-slug>+<10 lowercase alphanumerics>@api.particle.io` (§1.4). A friendly name with
 * no ASCII letters or digits (all Unicode, say) falls back to the slug `api-user`.
 * Seeded users pass `seed` for a stable name; created users get a random suffix.
 */
export function apiUsername(friendlyName: string, seed?: string): string {
  const slug = friendlyName
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'api-user'}+${suffix(seed === undefined, seed ?? '')}@api.particle.io`;
}

/** An opaque, JWT-looking MFA token (§1.4): three base64url parts. */
export function newMfaToken(): string {
  const part = (n: number) => randomBytes(n).toString('base64url');
  return `eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.${part(48)}.${part(32)}`;
}
