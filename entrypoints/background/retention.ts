// Retention runs beside the log, never inside a write: after enough new rows (throttled) and on an hourly alarm,
// which also covers a browser that was closed for days. Old rows go first by age, then the oldest beyond the cap.
import { browser } from 'wxt/browser';
import type { Settings } from '@/data/settings';
import { deleteRowsBefore, keepNewestRows, type LogDB } from './log-db';

export const RETENTION_ALARM = 'borderline-retention';
const RETENTION_PERIOD_MINUTES = 60;
const DAY_MS = 86_400_000;

/** The hourly alarm, created once: alarms outlive the worker, and re-creating one would push its next run back. */
export async function ensureRetentionAlarm(): Promise<void> {
  if (!(await browser.alarms.get(RETENTION_ALARM))) {
    await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: RETENTION_PERIOD_MINUTES });
  }
}

export type RetentionLimits = Pick<Settings, 'retentionDays' | 'retentionRows'>;

export async function enforceRetention(db: LogDB, limits: RetentionLimits, now = Date.now()): Promise<{ byAge: number; byCount: number }> {
  const byAge = await deleteRowsBefore(db, now - limits.retentionDays * DAY_MS);
  const byCount = await keepNewestRows(db, limits.retentionRows);
  return { byAge, byCount };
}

export interface RetentionSchedule {
  /** Rows written since the last run that call for another. */
  everyRows: number;
  /** Shortest gap between two runs, so a busy page does not turn retention into a second hot path. */
  minGapMs: number;
  now: () => number;
}

export class RetentionScheduler {
  private written = 0;
  private lastRun = -Infinity;
  private running: Promise<void> | undefined;
  private readonly schedule: RetentionSchedule;

  constructor(
    private readonly run: () => Promise<unknown>,
    schedule: Partial<RetentionSchedule> = {},
  ) {
    this.schedule = { everyRows: 2_000, minGapMs: 60_000, now: Date.now, ...schedule };
  }

  /** Called after each batch is written; starts a run when enough rows came in and the last run is old enough. */
  noteWritten(rows: number): void {
    this.written += rows;
    if (this.written >= this.schedule.everyRows && this.schedule.now() - this.lastRun >= this.schedule.minGapMs) void this.runNow();
  }

  /** One run at a time; a request during a run joins it. */
  runNow(): Promise<void> {
    this.running ??= (async () => {
      this.written = 0;
      this.lastRun = this.schedule.now();
      try {
        await this.run();
      } catch (e) {
        console.error('Borderline: could not apply log retention', e);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
