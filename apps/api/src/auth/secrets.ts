import { createHash, randomBytes } from 'node:crypto';

/** Keys and kiosk tokens are long random strings: a fast hash is enough to store them safely. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function newKey(prefix: 'ingest' | 'wall'): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}
