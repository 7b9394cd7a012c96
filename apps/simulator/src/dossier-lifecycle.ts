import {
  DossierEvent,
  isoWeekday,
  LocalDate,
  PaymentCompleted,
  shiftDue,
  WorkingCalendar,
} from '@ioc/domain';
import { DESK_HOURS, OFFICE_HOURS, ONLINE_DAY_OFF, ONLINE_WORKING_DAY } from './day-profiles';
import { InstantFormat } from './instant-format';
import {
  Channel,
  OBLIGATION_SIGMA,
  ONLINE_PAYMENT_PROBABILITY,
  POSTAL_SHARE_OF_OFFLINE,
  ProvinceModel,
  SimulatedProcedure,
} from './province-model';
import { Random } from './random';
import { WorkingDayIndex } from './working-day-index';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const WITHDRAWN_SHARE = 0.005;
const PAUSED_SHARE = 0.04;
const MAX_PAUSE_WORKING_DAYS = 5;
const APOLOGIZED_SHARE_OF_LATE = 0.9;
const REJECTED_SHARE = 0.03;
const RESULT_DIGITIZED_SHARE = 0.93;
const FULLY_DIGITIZED_SHARE = 0.9;
const RATED_SHARE = 0.2;
const FAILED_PAYMENT_SHARE = 0.06;
const RETRIED_AFTER_FAILURE_SHARE = 0.8;
/** Retries that reuse the failed transaction's id; the others open a new transaction. */
const SAME_TRANSACTION_RETRY_SHARE = 0.5;
/** On-time dossiers resolved on the due day itself; the rest earlier. */
const ON_DUE_DAY_SHARE = 0.3;
/** Working days a late dossier overruns, beyond the first: capped so that lifecycles are bounded. */
const MAX_EXTRA_LATE_WORKING_DAYS = 15;
/** Receipts later than this leave no time to act on the dossier the same day. */
const SAME_DAY_WORK_UNTIL_MS = 16 * HOUR_MS;
const MAX_RATING_DELAY_MS = 3 * 24 * HOUR_MS;

const PAYMENT_METHODS = ['Mã QR', 'Thẻ ATM nội địa', 'Ví điện tử', 'Thẻ quốc tế'];
// Stars given by applicants whose dossier came back on time, and late.
const ON_TIME_SCORES = [0.01, 0.015, 0.045, 0.27, 0.66];
const LATE_SCORES = [0.1, 0.15, 0.25, 0.3, 0.2];
// Busier Mondays, quieter Fridays; a make-up Saturday is quieter still.
const WEEKDAY_VOLUME = [1.12, 1.04, 1, 0.97, 0.9, 0.85, 0.85];

/**
 * Working days from receipt to the last event a dossier can have, beyond its processing days: the
 * longest pause, the longest overrun and a margin for the day of receipt and the rating.
 */
export const LIFECYCLE_EXTRA_WORKING_DAYS =
  MAX_PAUSE_WORKING_DAYS + 1 + MAX_EXTRA_LATE_WORKING_DAYS + 2;

/** What the simulation of one dossier needs to know about the province and the calendar. */
export interface SimulationContext {
  seed: number;
  model: ProvinceModel;
  calendar: WorkingCalendar;
  workingDays: WorkingDayIndex;
  format: InstantFormat;
}

/** An event and its instant, kept as a number for sorting and slicing. */
export interface TimedEvent<E = DossierEvent> {
  at: number;
  event: E;
}

type FieldsOf<E> = E extends unknown ? Omit<E, 'eventId' | 'occurredAt' | 'dossierId'> : never;
type DossierEventFields = FieldsOf<DossierEvent>;

/** The expected number of dossiers received on a local day, at scale 1. */
export function expectedDossiers(context: SimulationContext, day: LocalDate): number {
  const { model, calendar } = context;
  return calendar.isWorkingDay(day)
    ? model.dossiersPerWorkingDay * WEEKDAY_VOLUME[isoWeekday(day) - 1]
    : model.dossiersPerDayOff;
}

/**
 * Dossier number `index` received on `day`: its receipt, and its whole life decided at once (the
 * events may fall days or weeks later). Drawn from a stream of its own, so a dossier is the same
 * however many others the day has. Its events come in no particular order; null when `exists`
 * rules out the receipt instant.
 */
export function simulateDossier(
  context: SimulationContext,
  day: LocalDate,
  index: number,
  exists: (receivedAt: number) => boolean,
): TimedEvent[] | null {
  const { seed, model, calendar } = context;
  const random = new Random(seed, 'dossier', day, index);
  const workingDay = calendar.isWorkingDay(day);
  const procedure = (workingDay ? model.workingDayDemand : model.dayOffDemand).draw(random);
  const channel = drawChannel(random, procedure, workingDay);
  const profile =
    channel !== 'online' ? DESK_HOURS : workingDay ? ONLINE_WORKING_DAY : ONLINE_DAY_OFF;
  const receivedAt = calendar.clock.startOfDay(day) + profile.drawTimeOfDay(random);
  if (!exists(receivedAt)) return null;

  const code = `${day.replaceAll('-', '')}-${String(index).padStart(6, '0')}`;
  const life = new DossierLife(context, random, {
    dossierId: `SIM${seed}-${code}`,
    eventIdPrefix: `sim-${seed}-${code}`,
    day,
    receivedAt,
    procedure,
    channel,
  });
  return life.simulate();
}

function drawChannel(random: Random, procedure: SimulatedProcedure, workingDay: boolean): Channel {
  // On a day off the desks are closed: whatever comes in, comes in online.
  if (!workingDay || random.chance(procedure.onlineProbability)) return 'online';
  return random.chance(POSTAL_SHARE_OF_OFFLINE) ? 'postal' : 'direct';
}

interface Receipt {
  dossierId: string;
  eventIdPrefix: string;
  day: LocalDate;
  receivedAt: number;
  procedure: SimulatedProcedure;
  channel: Channel;
}

/**
 * One dossier's life in working days counted from its receipt: offset 0 is the day of receipt
 * (when officials can still act on it that day), offset n the n-th working day after it.
 */
class DossierLife {
  private readonly events: TimedEvent[] = [];
  /** The first working-day offset on which officials can act on the dossier. */
  private readonly firstOffset: number;

  constructor(
    private readonly context: SimulationContext,
    private readonly random: Random,
    private readonly receipt: Receipt,
  ) {
    const { calendar } = context;
    const timeOfDay = receipt.receivedAt - calendar.clock.startOfDay(receipt.day);
    const actOnSameDay = calendar.isWorkingDay(receipt.day) && timeOfDay < SAME_DAY_WORK_UNTIL_MS;
    this.firstOffset = actOnSameDay ? 0 : 1;
  }

  simulate(): TimedEvent[] {
    const { random } = this;
    const { calendar, model, format } = this.context;
    // The desk that receives it: the province's for a department, else the committee's unit.
    const agency = this.receipt.procedure.agencies.draw(random);
    this.receive(agency.code, agency.unitCode);
    const { processingDays } = this.receipt.procedure.procedure;
    let due = calendar.clock.endOfDay(this.workingDay(processingDays));

    if (random.chance(WITHDRAWN_SHARE)) {
      const offset = random.int(this.firstOffset, Math.max(this.firstOffset, processingDays));
      this.add('withdrawn', this.officeTime(offset), { type: 'dossier.withdrawn' });
      return this.events;
    }

    const late = random.chance(model.lateProbability(agency.code));
    let resolvedOffset = late
      ? Math.max(processingDays, this.firstOffset) + 1 + this.overrun(agency.code)
      : this.onTimeOffset(processingDays);
    let dueOffset = processingDays;
    if (random.chance(PAUSED_SHARE)) {
      // Waiting for the applicant's supplement (bổ sung hồ sơ): the due date moves on by every
      // working day the pause touched, and so does the planned resolution.
      const latestPause = Math.max(this.firstOffset, Math.min(resolvedOffset, processingDays));
      const pausedOffset = random.int(this.firstOffset, latestPause);
      const pauseWorkingDays = random.int(1, MAX_PAUSE_WORKING_DAYS);
      this.add('paused', this.officeTime(pausedOffset), { type: 'dossier.paused' });
      const resumedAt = this.officeTime(pausedOffset + pauseWorkingDays);
      this.add('resumed', resumedAt, { type: 'dossier.resumed' });
      const touched = pauseWorkingDays + 1;
      due = shiftDue(due, touched, calendar);
      dueOffset += touched;
      resolvedOffset += touched;
    }

    const resolvedAt = this.officeTime(resolvedOffset);
    const onTime = resolvedAt <= due;
    this.add('resolved', resolvedAt, {
      type: 'dossier.resolved',
      outcome: random.chance(REJECTED_SHARE) ? 'rejected' : 'approved',
      resultDigitized: random.chance(RESULT_DIGITIZED_SHARE),
    });
    if (!onTime && random.chance(APOLOGIZED_SHARE_OF_LATE)) {
      // The letter of apology (thư xin lỗi) goes out on the due day with a new appointment.
      const newDueAt = calendar.clock.endOfDay(calendar.clock.dateOf(resolvedAt));
      this.add('apologized', this.officeTime(dueOffset), {
        type: 'dossier.apologized',
        newDueAt: format.format(newDueAt),
      });
    }
    this.pay();
    if (random.chance(RATED_SHARE)) {
      const delay = Math.min(MAX_RATING_DELAY_MS, random.logNormal(3 * HOUR_MS, 1));
      this.add('rated', resolvedAt + wholeSeconds(delay), {
        type: 'rating.submitted',
        score: drawScore(random, onTime ? ON_TIME_SCORES : LATE_SCORES),
      });
    }
    return this.events;
  }

  /** Most on-time dossiers come back before the due day; about a third on the day itself. */
  private onTimeOffset(processingDays: number): number {
    const { random, firstOffset } = this;
    const offset = random.chance(ON_DUE_DAY_SHARE)
      ? processingDays
      : random.int(firstOffset, Math.max(firstOffset, processingDays - 1));
    return Math.max(firstOffset, offset);
  }

  private receive(agencyCode: string, unitCode: string): void {
    const { random, receipt } = this;
    const { procedure, componentsTotal } = receipt.procedure;
    this.add('received', receipt.receivedAt, {
      type: 'dossier.received',
      procedureCode: procedure.code,
      agencyCode,
      unitCode,
      channel: receipt.channel,
      // Components scanned into the one-stop software (số hóa thành phần hồ sơ).
      componentsTotal,
      componentsDigitized: random.chance(FULLY_DIGITIZED_SHARE)
        ? componentsTotal
        : random.int(0, componentsTotal - 1),
      ...(procedure.feeVnd > 0 ? { feeVnd: procedure.feeVnd } : {}),
    });
  }

  /** Fee and obligations through the online payment platform, sometimes failing at first. */
  private pay(): void {
    const { random, receipt } = this;
    const { procedure, obligation } = receipt.procedure;
    const paysOnline = random.chance(ONLINE_PAYMENT_PROBABILITY[receipt.channel]);
    if (procedure.feeVnd <= 0 || !paysOnline) return;
    const obligationVnd =
      obligation && random.chance(obligation.probability)
        ? random.logNormal(
            obligation.medianVnd * this.context.model.obligationScale,
            OBLIGATION_SIGMA,
          )
        : 0;
    // Amounts are whole thousands of đồng, as the fee schedules are.
    const amountVnd = Math.round((procedure.feeVnd + obligationVnd) / 1000) * 1000;
    const method = random.pick(PAYMENT_METHODS);
    // Online applicants pay minutes after submitting; at the desk, by QR code while they wait.
    const delay =
      receipt.channel === 'online'
        ? random.logNormal(20 * MINUTE_MS, 1)
        : random.between(2, 15) * MINUTE_MS;
    const paidAt = receipt.receivedAt + wholeSeconds(delay);
    const transaction = (n: number) => `${receipt.dossierId}-TT${n}`;
    const payment = (paymentId: string, status: PaymentCompleted['status']) =>
      ({ type: 'payment.completed', paymentId, amountVnd, status, method }) as const;

    if (!random.chance(FAILED_PAYMENT_SHARE)) {
      this.add('payment1', paidAt, payment(transaction(1), 'succeeded'));
      return;
    }
    this.add('payment1', paidAt, payment(transaction(1), 'failed'));
    if (!random.chance(RETRIED_AFTER_FAILURE_SHARE)) return;
    const retryId = transaction(random.chance(SAME_TRANSACTION_RETRY_SHARE) ? 1 : 2);
    this.add('payment2', paidAt + random.int(1, 30) * MINUTE_MS, payment(retryId, 'succeeded'));
  }

  /** Extra working days a late dossier runs over; the chronic agencies drag on longer. */
  private overrun(agencyCode: string): number {
    const chronic = this.context.model.chronicallyLate.has(agencyCode);
    return Math.min(MAX_EXTRA_LATE_WORKING_DAYS, this.random.geometric(chronic ? 0.2 : 0.45));
  }

  private workingDay(offset: number): LocalDate {
    return this.context.workingDays.after(this.receipt.day, offset);
  }

  /** A time in office hours on the working day at `offset`, after the receipt. */
  private officeTime(offset: number): number {
    const { clock } = this.context.calendar;
    const at = clock.startOfDay(this.workingDay(offset)) + OFFICE_HOURS.drawTimeOfDay(this.random);
    return Math.max(at, this.receipt.receivedAt + this.random.int(10, 30) * MINUTE_MS);
  }

  private add(kind: string, at: number, fields: DossierEventFields): void {
    const event = {
      eventId: `${this.receipt.eventIdPrefix}-${kind}`,
      occurredAt: this.context.format.format(at),
      dossierId: this.receipt.dossierId,
      ...fields,
    };
    this.events.push({ at, event });
  }
}

const wholeSeconds = (ms: number) => Math.round(ms / 1000) * 1000;

function drawScore(random: Random, probabilities: readonly number[]): number {
  let target = random.next();
  for (let score = 1; score <= probabilities.length; score++) {
    target -= probabilities[score - 1];
    if (target < 0) return score;
  }
  return probabilities.length;
}
