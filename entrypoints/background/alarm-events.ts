// Alarms wake the worker for the work no event asks for: log retention (hourly) and the scheduled dataset check.
import type { Browser } from 'wxt/browser';
import { UPDATE_ALARM } from './dataset-control';
import { RETENTION_ALARM } from './retention';
import type { WorkerState } from './worker-state';

export function onAlarm(w: WorkerState, alarm: Browser.alarms.Alarm): void {
  if (alarm.name === RETENTION_ALARM) void w.retention.runNow();
  if (alarm.name === UPDATE_ALARM) {
    void w.ready.then(() => w.datasets.automatic()).catch((e) => console.error('Borderline: scheduled dataset check failed', e));
  }
}
