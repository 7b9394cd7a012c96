import type { DossierRow } from '@ioc/domain';
import { received } from '@ioc/domain/testing';
import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { DossierProjection } from '../projection/dossier-projection';
import { FakeDossiersRepository, FixedClock, readSide } from '../testing/service-fakes';
import { DossiersService } from './dossiers.service';

const NOW = '2026-11-21T12:00:00+07:00';
const nobody = { unitCode: null, agencyCode: null };
const leader: Principal = { name: 'leader', role: 'leader', ...nobody };
const chiefOfD1: Principal = {
  name: 'chief-D1',
  role: 'district_chief',
  ...nobody,
  unitCode: 'D1',
};
const headOfC3: Principal = {
  name: 'head-UBND-C3',
  role: 'agency_head',
  ...nobody,
  agencyCode: 'UBND-C3',
};

const row = (dossierId: string, status: DossierRow['status'], overdueDays = 0): DossierRow => ({
  dossierId,
  procedureCode: 'TTHC-2D',
  agencyCode: 'UBND-C1',
  unitCode: 'C1',
  channel: 'online',
  receivedAt: '2026-11-16T02:00:00.000Z',
  dueAt: '2026-11-18T16:59:59.999Z',
  status,
  overdueDays,
  apologized: false,
});

async function start() {
  const read = await readSide({ now: NOW });
  read.statusRepository.pageRows = [
    row('HS-1', 'overdue', 3),
    row('HS-2', 'dueSoon'),
    row('HS-3', 'paused'),
  ];
  const dossiers = new FakeDossiersRepository();
  const service = new DossiersService(
    read.statusRepository.real,
    read.scopes,
    read.metrics,
    read.calendar,
    dossiers as unknown as ConstructorParameters<typeof DossiersService>[4],
    new DossierProjection(read.projectionRepository.real, read.calendar, read.directory),
    read.access,
    new FixedClock(Date.parse(NOW)),
  );
  return { service, dossiers, calls: read.statusRepository.calls };
}

const criteria = (filter: string, instant = NOW) => ({
  filter,
  instant: Date.parse(instant),
  zone: 'Asia/Ho_Chi_Minh',
  dueOn: undefined,
  codePrefix: undefined,
  sort: undefined,
  // The fake log holds no event: every instant reads the open dossiers.
  horizon: -Infinity,
});

describe('DossiersService', () => {
  it('lists a page of the province’s dossiers in progress now, in the calendar’s zone', async () => {
    const { service, calls } = await start();
    const page = await service.list(leader, { status: 'inProgress', page: 2, pageSize: 2 });
    expect(page).toEqual({ total: 3, page: 2, pageSize: 2, rows: [row('HS-3', 'paused')] });
    expect(calls).toEqual([
      { method: 'page', args: [{ by: 'unit' }, criteria('inProgress'), 2, 2] },
    ]);
  });

  it('lists a unit with everything below it, or one agency, at the instant asked for', async () => {
    const { service, calls } = await start();
    const overdue = await service.list(leader, {
      scope: 'D1',
      status: 'overdue',
      page: 1,
      pageSize: 50,
      to: '2026-11-20T00:00:00+07:00',
    });
    expect(overdue.rows).toEqual([row('HS-1', 'overdue', 3)]);
    await service.list(leader, { agency: 'UBND-C3', status: 'dueSoon', page: 1, pageSize: 50 });
    expect(calls.map((call) => call.args.slice(0, 2))).toEqual([
      [{ by: 'unit', units: ['D1', 'C1', 'C2'] }, criteria('overdue', '2026-11-20T00:00:00+07:00')],
      [{ by: 'agency', agencies: ['UBND-C3'] }, criteria('dueSoon')],
    ]);
  });

  it('keeps a district chief inside their district, and refuses an instant without an offset', async () => {
    const { service, calls } = await start();
    await service.list(chiefOfD1, { status: 'inProgress', page: 1, pageSize: 50 });
    expect(calls[0].args[0]).toEqual({ by: 'unit', units: ['D1', 'C1', 'C2'] });
    const query = { status: 'inProgress', page: 1, pageSize: 50 } as const;
    await expect(service.list(chiefOfD1, { ...query, scope: 'D2' })).rejects.toThrow(
      ForbiddenException,
    );
    await expect(service.list(chiefOfD1, { ...query, agency: 'UBND-C3' })).rejects.toThrow(
      ForbiddenException,
    );
    await expect(service.list(leader, { ...query, to: '2026-11-20' })).rejects.toThrow(
      BadRequestException,
    );
    expect(calls).toHaveLength(1);
  });

  it('keeps an agency head to their agency, by default and against any other scope', async () => {
    const { service, calls } = await start();
    const query = { status: 'overdue', page: 1, pageSize: 50 } as const;
    await service.list(headOfC3, query);
    expect(calls[0].args[0]).toEqual({ by: 'agency', agencies: ['UBND-C3'] });
    await expect(service.list(headOfC3, { ...query, agency: 'UBND-C1' })).rejects.toThrow(
      ForbiddenException,
    );
    await expect(service.list(headOfC3, { ...query, scope: 'D1' })).rejects.toThrow(
      ForbiddenException,
    );
    expect(calls).toHaveLength(1);
  });

  it('shows one dossier to whoever may see it, and is a 404 to anybody else', async () => {
    const { service, dossiers } = await start();
    dossiers.events.set('HS-9', [
      received({
        at: '2026-11-16T09:00:00+07:00',
        dossierId: 'HS-9',
        unitCode: 'C1',
        agencyCode: 'UBND-C1',
        dueAt: '2026-11-18T17:00:00+07:00',
      }),
    ]);
    expect(await service.detail(leader, 'HS-9')).toMatchObject({ dossierId: 'HS-9' });
    expect(await service.detail(chiefOfD1, 'HS-9')).toMatchObject({ unitCode: 'C1' });
    await expect(service.detail(headOfC3, 'HS-9')).rejects.toThrow(NotFoundException);
    await expect(service.detail(leader, 'HS-unknown')).rejects.toThrow(NotFoundException);
  });
});
