import { isTimeZone } from '../time/zone';

/** `GET /api/v1/client-config`: what a screen must know of the server before it shows a day. */
export interface ClientConfig {
  /** The IANA zone of every calendar day and time of day on screen: the API's `TZ_DISPLAY`. */
  zone: string;
}

/** An answer of `GET /api/v1/client-config`, checked; throws saying what is wrong. */
export function parseClientConfig(answer: unknown): ClientConfig {
  const zone = (answer as { zone?: unknown } | null)?.zone;
  if (typeof zone !== 'string' || !isTimeZone(zone)) {
    throw new Error(`client-config: zone must be an IANA time zone, not ${JSON.stringify(zone)}`);
  }
  return { zone };
}
