import type { DossierRow } from '@ioc/domain';
import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { readSide } from '../testing/service-fakes';
import { DossiersService } from './dossiers.service';

const NOW = '2026-11-21T12:00:00+07:00';
const leader: Principal = { name: 'leader', role: 'leader', unitCode: null };
const chiefOfD1: Principal = { name: 'chief-D1', role: 'district_chief', unitCode: 'D1' };

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
});

async function start() {
  const read = await readSide({ now: NOW });
  read.statusRepository.pageRows = [
    row('HS-1', 'overdue', 3),
    row('HS-2', 'dueSoon'),
    row('HS-3', 'paused'),
  ];
  const service = new DossiersService(
    read.statusRepository.real,
    read.scopes,
    read.metrics,
    read.calendar,
  );
  return { service, calls: read.statusRepository.calls };
}

describe('DossiersService', () => {
  it('lists a page of the province’s dossiers in progress now, in the calendar’s zone', async () => {
    const { service, calls } = await start();
    const page = await service.list(leader, { status: 'inProgress', page: 2, pageSize: 2 });
    expect(page).toEqual({ total: 3, page: 2, pageSize: 2, rows: [row('HS-3', 'paused')] });
    expect(calls).toEqual([
      {
        method: 'page',
        args: [{ by: 'unit' }, 'inProgress', Date.parse(NOW), 'Asia/Ho_Chi_Minh', 2, 2],
      },
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
    expect(calls.map((call) => call.args.slice(0, 3))).toEqual([
      [
        { by: 'unit', units: ['D1', 'C1', 'C2'] },
        'overdue',
        Date.parse('2026-11-20T00:00:00+07:00'),
      ],
      [{ by: 'agency', agencies: ['UBND-C3'] }, 'dueSoon', Date.parse(NOW)],
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
});
