/**
 * Ports of the servers that tests and benchmarks start themselves: API instances, nginx, Redis,
 * relays, the embedded PostgreSQL. They lie below Linux's ephemeral range (32768–60999), from
 * which the kernel picks the local port of every outgoing connection: a fixed port inside it can
 * be held by any client of a suite running beside it (CI once lost the topology suite to
 * `EADDRINUSE` on 41502). Each user has a block of its own; those that add `process.pid % n`
 * may run in two Jest workers at once.
 */
export const TEST_PORTS = {
  /** … + 999: the embedded PostgreSQL when there is no `DATABASE_URL`. */
  embeddedDatabase: 25_000,
  /** … + 89: the revocation suite's Redis. */
  revocationRedis: 26_000,
  /** … + 89: the data-changes suite's Redis. */
  dataChangesRedis: 26_100,
  /** The live suite's Redis, for its two instances. */
  liveRedis: 26_190,
  /** … + 39: the shutdown suite's API. */
  shutdownApi: 26_200,
  /** … + 4: nginx, api-1, api-2, Redis, the relay to PostgreSQL. */
  topology: 26_300,
  wallProvinces: 26_310,
  /** … + 5: as `topology`, and the lone instance of the first phase. */
  topologyBench: 26_400,
  workspacePaint: 26_420,
  briefingBench: 26_430,
  /** … + 89. */
  workspaceBench: 26_500,
  /** … + 499. */
  apiBench: 27_000,
  /** … + 299: the bench looks for a free one from `process.pid % 300`. */
  liveBench: 28_000,
} as const;
