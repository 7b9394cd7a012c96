import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { TcpProxy } from '../e2e/support/tcp-proxy';

/**
 * The production topology of docker-compose.yml on loopback: a Redis of its own, two built API
 * instances (dist/apps/api/main.js, as the Dockerfile runs them) on one PostgreSQL database
 * reached through a TCP relay (so a test can cut the database away from them), and Debian's
 * nginx running the repository's deploy/nginx.conf with only its addresses changed.
 */

const ROOT = resolve(__dirname, '../..');
export const API_ENTRY = join(ROOT, 'dist/apps/api/main.js');

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` until it answers true, or throws after `ms` with `what`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(100);
  }
}

/** `nest build api`: the built entry the Dockerfile runs, from the current sources. */
export function buildApi(): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'api'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** A child process whose exit can be awaited and which is killed, once, when asked. */
abstract class Child {
  protected child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  /** What the process wrote to stderr, for the failure message of a test. */
  stderr = '';

  protected spawn(command: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.stderr = '';
    child.stderr.on(
      'data',
      (chunk: Buffer) => (this.stderr = (this.stderr + String(chunk)).slice(-8_000)),
    );
    this.exited = new Promise((done) => child.once('exit', () => done()));
    return child;
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null
      ? this.child.pid
      : undefined;
  }

  /** Sends `signal` (SIGKILL: no goodbye) and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.pid !== undefined) this.child!.kill(signal);
    await this.exited;
  }
}

/** `redis-server` on a port of its own, nothing kept on disk. */
export class RedisServer extends Child {
  constructor(readonly port: number) {
    super();
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = this.spawn('redis-server', [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    await new Promise<void>((ready, failed) => {
      child.stdout!.on(
        'data',
        (chunk: Buffer) => /Ready to accept connections/.test(String(chunk)) && ready(),
      );
      child.once('exit', (code) =>
        failed(new Error(`redis-server exited (${code}): ${this.stderr}`)),
      );
    });
  }
}

/** One line of the API's JSON log. */
export type LogLine = Record<string, unknown> & { level: string; time: string; msg: string };

/** `node dist/apps/api/main.js` with its own port, as one docker-compose service runs it. */
export class ApiInstance extends Child {
  /** Its log, parsed (stdout is not a terminal: JSON lines). */
  readonly log: LogLine[] = [];

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    super();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts it and answers once it serves requests. */
  async start(): Promise<void> {
    // Its stdout is a pipe: JSON lines, as a container's log driver gets them.
    const { LOG_FORMAT: _format, ...inherited } = process.env;
    const child = this.spawn(process.execPath, [API_ENTRY], {
      ...inherited,
      LOG_LEVEL: 'info',
      ...this.env,
      PORT: String(this.port),
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        this.log.push(JSON.parse(line) as LogLine);
      } catch {
        this.log.push({ level: 'raw', time: '', msg: line });
      }
    });
    const exited = new Promise<never>((_, failed) =>
      child.once('exit', (code, signal) =>
        failed(new Error(`${this.name} exited (${code ?? signal}) while starting: ${this.stderr}`)),
      ),
    );
    exited.catch(() => {});
    let answer = 'no answer';
    await Promise.race([
      exited,
      waitFor(
        `${this.name} ready`,
        async () => {
          const ready = await fetch(`${this.url}/api/v1/health/ready`);
          answer = `${ready.status} ${await ready.text()}`;
          return ready.ok;
        },
        90_000,
      ).catch((error: Error) => {
        const problems = this.log.filter((line) => line.level !== 'info').slice(-5);
        throw new Error(`${error.message}; last answer ${answer}; ${JSON.stringify(problems)}`);
      }),
    ]);
  }

  /** The value of one metric line of its GET /metrics (`name{labels}`), 0 when absent. */
  async metric(series: string): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  }
}

/**
 * Debian's nginx with deploy/nginx.conf as its server block: only the listening address and the
 * upstream servers' addresses (docker-compose's service names) are replaced.
 */
export class Nginx extends Child {
  private prefix: string | undefined;

  constructor(
    readonly port: number,
    private readonly upstreams: readonly number[],
  ) {
    super();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** deploy/nginx.conf for loopback: what the test changes, and that it found it to change. */
  static serverBlock(port: number, upstreams: readonly number[]): string {
    const original = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
    const servers = [...original.matchAll(/^(\s*server\s+)api-\d+:3000;/gm)];
    if (servers.length !== upstreams.length || !/^\s*listen 80;/m.test(original))
      throw new Error('deploy/nginx.conf no longer has "listen 80;" and the api-N:3000 servers');
    let index = 0;
    return original
      .replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`)
      .replace(
        /^(\s*server\s+)api-\d+:3000;/gm,
        (_, head: string) => `${head}127.0.0.1:${upstreams[index++]};`,
      );
  }

  async start(): Promise<void> {
    const prefix = mkdtempSync(join(tmpdir(), 'ioc-nginx-'));
    this.prefix = prefix;
    // As root, nginx's workers run as nobody: they must reach the temporary files.
    chmodSync(prefix, 0o755);
    for (const dir of ['logs', 'temp']) {
      mkdirSync(join(prefix, dir));
      chmodSync(join(prefix, dir), 0o777);
    }
    writeFileSync(join(prefix, 'server.conf'), Nginx.serverBlock(this.port, this.upstreams));
    // The frame the Debian package's /etc/nginx/nginx.conf gives it, on a temporary prefix.
    writeFileSync(
      join(prefix, 'nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${prefix}/temp/body;
  proxy_temp_path ${prefix}/temp/proxy;
  fastcgi_temp_path ${prefix}/temp/fastcgi;
  uwsgi_temp_path ${prefix}/temp/uwsgi;
  scgi_temp_path ${prefix}/temp/scgi;
  include ${prefix}/server.conf;
}
`,
    );
    const child = this.spawn(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', [
      '-p',
      prefix,
      '-c',
      join(prefix, 'nginx.conf'),
      '-e',
      'stderr',
    ]);
    const exited = new Promise<never>((_, failed) =>
      child.once('exit', (code) => failed(new Error(`nginx exited (${code}): ${this.stderr}`))),
    );
    exited.catch(() => {});
    await Promise.race([
      exited,
      waitFor('nginx listening', async () => (await fetch(`${this.url}/api/v1/health`)).status > 0),
    ]);
  }

  override async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await super.kill(signal);
    if (this.prefix) rmSync(this.prefix, { recursive: true, force: true });
  }
}

/** The whole of it, ports `base` … `base + 4`. */
export interface Topology {
  nginx: Nginx;
  redis: RedisServer;
  instances: [ApiInstance, ApiInstance];
  /** Between the instances and PostgreSQL: `stop()` cuts the database away, `start()` brings it back. */
  database: TcpProxy;
  close(): Promise<void>;
}

/**
 * Starts the topology on a database that already exists (`databaseUrl`, the real server's
 * address): Redis, the relay, instance A then B (each migrates and seeds the demo on start; one
 * after the other), then nginx.
 */
export async function startTopology(options: {
  base: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<Topology> {
  const { base } = options;
  const direct = new URL(options.databaseUrl);
  const database = new TcpProxy(Number(direct.port || 5432));
  await database.start(base + 4);
  const redis = new RedisServer(base + 3);
  const env = {
    DATABASE_URL: Object.assign(new URL(direct), {
      hostname: '127.0.0.1',
      port: String(base + 4),
    }).toString(),
    REDIS_URL: redis.url,
    DEMO: 'on',
    SIMULATOR: 'off',
    TRUST_PROXY: '1',
    ...options.env,
  };
  const instances: [ApiInstance, ApiInstance] = [
    new ApiInstance('api-1', base + 1, env),
    new ApiInstance('api-2', base + 2, env),
  ];
  const nginx = new Nginx(base, [base + 1, base + 2]);
  const close = async () => {
    await nginx.kill();
    await Promise.all(instances.map((instance) => instance.kill()));
    await redis.kill();
    await database.stop();
  };
  try {
    await redis.start();
    for (const instance of instances) await instance.start();
    await nginx.start();
  } catch (error) {
    await close();
    throw error;
  }
  return { nginx, redis, instances, database, close };
}
