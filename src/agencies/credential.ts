import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A credential is `sijil_<clientId>.<secret>`: the client ID finds the agency, the 256-bit secret
 * proves it. Only a SHA-256 of the secret is stored; with that much entropy a slow password hash
 * would add nothing but latency to every request.
 */
export interface IssuedCredential {
  clientId: string;
  credential: string;
  secretHash: string;
}

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function issueCredential(): IssuedCredential {
  const clientId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { clientId, credential: `sijil_${clientId}.${secret}`, secretHash: hashSecret(secret) };
}

export function parseCredential(credential: string): { clientId: string; secret: string } | undefined {
  const match = /^sijil_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/.exec(credential);
  return match ? { clientId: match[1], secret: match[2] } : undefined;
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(secretHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
