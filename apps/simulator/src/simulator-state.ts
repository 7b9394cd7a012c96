import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_DEMO_PROVINCE, DEMO_PROVINCES, DemoProvince } from '@ioc/domain/demo';
import { z } from 'zod';
import type { Acceleration } from './simulated-stream';

/** What a restart needs to go on with the same stream from where it stopped. */
export interface SimulatorState {
  /** The demo province whose stream this is. */
  province: DemoProvince;
  seed: number;
  scale: number;
  /** The instant the simulated province started (the first backfilled instant). */
  genesis: number;
  /** Every event before this instant has been stored by the API. */
  simulatedUntil: number;
  /** Live stretches run faster, whose extra dossiers must live on after a restart. */
  accelerations: Acceleration[];
}

const instant = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));
const stateSchema = z.object({
  // Files written before there were two demos hold the only one there was.
  province: z.enum(DEMO_PROVINCES).default(DEFAULT_DEMO_PROVINCE),
  seed: z.number().int().nonnegative(),
  scale: z.number().positive(),
  genesis: instant,
  simulatedUntil: instant,
  accelerations: z
    .array(z.object({ from: instant, to: instant.nullable(), speed: z.number().min(1) }))
    .default([]),
});

const iso = (instant: number) => new Date(instant).toISOString();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A small JSON file beside the data, replaced atomically so a crash never leaves half of it. */
export class SimulatorStateFile {
  constructor(readonly path: string) {}

  async load(): Promise<SimulatorState | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = stateSchema.safeParse(parseJson(text));
    if (!parsed.success) {
      throw new Error(
        `The simulator state file ${this.path} is damaged; delete it to backfill again from scratch`,
      );
    }
    return parsed.data;
  }

  async save(state: SimulatorState): Promise<void> {
    const json = JSON.stringify(
      {
        province: state.province,
        seed: state.seed,
        scale: state.scale,
        genesis: iso(state.genesis),
        simulatedUntil: iso(state.simulatedUntil),
        accelerations: state.accelerations.map((a) => ({
          from: iso(a.from),
          to: a.to === null ? null : iso(a.to),
          speed: a.speed,
        })),
      },
      null,
      2,
    );
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    await writeFile(temporary, `${json}\n`);
    await rename(temporary, this.path);
  }
}
