// Everything the background worker keeps, in one place. An MV3 worker is stopped after ~30 s without events and
// started again by the next one, so memory is only a cache: what must outlive it is in IndexedDB or storage.
//
// What survives what. "Worker" is MV3 stopping the idle worker (or a crash); "browser" is a browser restart.
//
// | state                              | where it lives                                  | written by                                   | worker restart            | browser restart          |
// |------------------------------------|-------------------------------------------------|----------------------------------------------|---------------------------|--------------------------|
// | request log rows                   | IndexedDB `borderline` / `requests`             | TabTracker.flush; retention.ts, log-export   | kept                      | kept                     |
// |                                    |                                                 | (clear) delete                               |                           |                          |
// | page state of each tab (TabState)  | IndexedDB `borderline` / `tabs`                 | TabTracker.flush, reattributeOpenTabs;       | kept, restored at boot    | dropped at boot for each |
// |                                    |                                                 | forgetTab on close and replace               |                           | tab id not open          |
// | datasets in force and previous     | IndexedDB `borderline-datasets` / `slots`       | dataset-control (apply, rollback, reset)     | kept                      | kept                     |
// | checked update awaiting its preview| IndexedDB `borderline-datasets` / `pending`     | dataset-control                              | kept                      | kept                     |
// | last check; unsigned sources let in| IndexedDB `borderline-datasets` / `meta`        | dataset-control                              | kept                      | kept                     |
// | settings                           | storage.local `settings`                        | settings-store (setSettings)                 | kept                      | kept                     |
// | log incomplete (rows were refused) | storage.local `logIncomplete`                   | WorkerState.noteLoss; cleared with the log   | kept                      | kept                     |
// | sites whose banner was dismissed   | storage.local `dismissedSites`                  | site-warning (dismissSiteWarning)            | kept                      | kept                     |
// | banner shown this visit, per tab   | storage.session `warned:<tabId>`                | site-warning (getSiteWarning)                | kept                      | lost                     |
// | retention and dataset-check alarms | browser.alarms `borderline-retention`,          | retention, dataset-control                   | kept                      | re-created at boot if    |
// |                                    | `borderline-dataset-update`                     |                                              |                           | the browser dropped them |
// | engine (host index, risk model)    | memory: WorkerState.engine                      | boot, install (update, rollback, reset)      | rebuilt from `slots`      | rebuilt from `slots`     |
// | bundled dataset, parsed            | memory: bundled-dataset.ts                      | boot, once it is known to be in force (read  | read again                | read again               |
// |                                    |                                                 | from the package's file)                     |                           |                          |
// | settings in force                  | memory: WorkerState.settings                    | boot, setSettings                            | reloaded                  | reloaded                 |
// | open tabs' page states             | memory: TabTracker.states                       | TabTracker                                   | restored from `tabs`      | lost                     |
// | private tabs and their rows        | memory: TabTracker.privateTabs / privateRows    | TabTracker.observe                           | lost: never on disk       | lost                     |
// | back/forward pages (5 per tab)     | memory: TabTracker.history                      | TabTracker                                   | lost: such a page starts  | lost                     |
// |                                    |                                                 |                                              | afresh when shown again   |                          |
// | rows of each tab's current page    | memory: TabTracker.cached (≤ 30,000 rows)       | TabTracker.observe                           | lost: read from IndexedDB | lost                     |
// | rows, IPs, states not yet written  | memory: TabTracker.queue / ips / dirty (quiet) | TabTracker                                   | lost if it dies first     | lost                     |
// | requests awaiting their server IP  | memory: TabTracker.inFlight (≤ 10,000)          | TabTracker.observe, recordIp                 | lost: those get no IP     | lost                     |
// | navigations not yet committed      | memory: TabTracker.pending                      | request-events, tab-events                   | lost: the commit starts   | lost                     |
// |                                    |                                                 |                                              | the page instead          |                          |
// | tab id → private window            | memory: IncognitoCache                          | boot (tabs.query), tab-events, lookups       | re-read at boot           | re-read at boot          |
// | rows since the last retention run  | memory: RetentionScheduler                      | TabTracker.onWritten                         | lost: the alarm covers it | lost                     |
// | events waiting their turn          | memory: EventQueue                              | every listener                               | lost with the worker      | lost                     |
// | popup summary of each tab          | storage.session `summary:<tabId>`               | TabSummaries (each batch, settings, dataset) | kept                      | lost                     |
// | IP → country table                 | memory: server-location.ts                      | the first report after start                 | fetched again             | fetched again            |
// | assessments per company            | memory: RiskModel's cache                       | RiskModel.assess                             | computed again            | computed again           |
import { browser } from 'wxt/browser';
import { fail } from '@/data/i18n/localized-error';
import { currentTimeZone } from '@/data/assess/residence';
import { defaultSettings, type Settings } from '@/data/settings';
import type { TabState } from '@/data/log/tab-state';
import { paintBadge } from './badge';
import type { DatasetInfo } from '@/data/protocol';
import { datasetControl, loadStoredEngine, scheduleAutoUpdate, type DatasetControlDeps, type InForce } from './dataset-control';
import { DATASET_DB_NAME, openDatasetStore, type DatasetStore } from './dataset-store';
import type { Engine } from './engine';
import { EventQueue } from './event-queue';
import { IncognitoCache } from './incognito-cache';
import { openLogDB, type LogDB } from './log-db';
import { enforceRetention, ensureRetentionAlarm, RetentionScheduler } from './retention';
import { loadSettings } from './settings-store';
import { reattributeOpenTabs, reattributeStale, type OpenTabs } from './tab-attribution';
import { TabSummaries } from './tab-summaries';
import { TabTracker } from './tab-tracker';

const LOG_INCOMPLETE = 'logIncomplete';

/** What the handlers that need the log wait for: the log store open and the tab states restored. */
export interface Started {
  db: LogDB;
  tracker: TabTracker;
}

/** Test seams for the updater: a fake server and a test key pair. */
export type UpdaterOptions = Pick<DatasetControlDeps, 'fetch' | 'timeoutMs' | 'trusted'>;

export class WorkerState {
  /**
   * Replaced when an update, rollback or reset applies. Boot (`configured`) puts the dataset in force before any
   * handler runs: every handler that reads it waits for `inForce` or `ready` first, so asking earlier is a wiring bug.
   */
  get engine(): Engine {
    if (!this.current) fail('errorUnexpected', 'WorkerState.engine read before the dataset in force was loaded');
    return this.current;
  }
  set engine(next: Engine) {
    this.current = next;
  }
  private current: Engine | undefined;
  /** Which dataset is in force: known once `configured`, before its engine (`inForce`) is built. */
  get datasetInfo(): DatasetInfo {
    const info = this.current?.info ?? this.infoAtStart;
    if (!info) fail('errorUnexpected', 'WorkerState.datasetInfo read before the dataset in force was known');
    return info;
  }
  private infoAtStart: DatasetInfo | undefined;
  readonly datasetStore: Promise<DatasetStore>;
  settings: Settings = defaultSettings(currentTimeZone());
  readonly incognito = new IncognitoCache((tabId) => browser.tabs.get(tabId));
  /**
   * The settings are loaded and it is known which dataset is in force (configure); `inForce` follows once that
   * dataset's engine is built, `ready` once the log is open and the tabs restored too.
   */
  readonly configured: Promise<void>;
  readonly inForce: Promise<void>;
  readonly ready: Promise<Started>;
  readonly retention: RetentionScheduler;
  readonly events: EventQueue<Started>;
  readonly datasets: ReturnType<typeof datasetControl>;
  /** The browser refused to store part of the log (quota): the popup says the log is incomplete until it is cleared. */
  logIncomplete = false;
  private tracker: TabTracker | undefined;
  /** What the popup paints before the worker answers (tab-summaries.ts). */
  readonly summaries = new TabSummaries({
    engine: () => this.engine,
    settings: () => this.settings,
    rowsOf: (tabId) => this.tracker?.cachedPageRows(tabId),
    storage: browser.storage.session,
  });

  constructor(dbName: string | undefined, updater: UpdaterOptions) {
    this.datasetStore = openDatasetStore(dbName ? `${dbName}-datasets` : DATASET_DB_NAME);
    const configuring = this.configure();
    this.configured = configuring.then(() => undefined);
    this.inForce = configuring.then(async ({ engine }) => {
      this.engine = await engine;
      performance.mark('borderline-boot:engine');
    });
    this.inForce.catch(() => undefined); // whoever needs it hears the failure; `ready` does
    this.ready = this.boot(dbName);
    // Reported once here: the events and messages that wait for `ready` each fail with the same error.
    this.ready.catch((e: unknown) => console.error('Borderline: the worker could not start', e));
    this.retention = new RetentionScheduler(() => this.applyRetention());
    this.events = new EventQueue(this.ready);
    const store = this.ready.then(() => this.datasetStore);
    store.catch(() => undefined); // its failure is `ready`'s, reported above; whoever awaits it still hears it
    this.datasets = datasetControl({
      store,
      engine: () => this.engine,
      install: (next) => this.install(next),
      settings: () => this.settings,
      ...updater,
    });
  }

  paint(state: TabState): void {
    paintBadge(state, this.engine, this.settings);
  }

  /** The open tabs, for re-rating and re-attribution. */
  async openTabs(): Promise<OpenTabs> {
    const { db, tracker } = await this.ready;
    return this.tabsOf(db, tracker);
  }

  private tabsOf(db: LogDB, tracker: TabTracker): OpenTabs {
    return {
      db,
      tracker,
      tabIds: async () => (await browser.tabs.query({})).map((t) => t.id),
      engine: () => this.engine,
      jurisdiction: () => this.settings.jurisdiction,
      paint: (state) => this.paint(state),
    };
  }

  /**
   * The settings and the dataset in force: all that a message about them needs. Read while the log store opens, so
   * such a message (the settings page's, the first after a stop) does not wait for the log and the tab states too.
   */
  private async configure(): Promise<Pick<InForce, 'engine'>> {
    performance.mark('borderline-boot');
    const [settings, incomplete, store] = await Promise.all([loadSettings(), browser.storage.local.get(LOG_INCOMPLETE), this.datasetStore]);
    this.settings = settings;
    this.logIncomplete = incomplete[LOG_INCOMPLETE] === true;
    performance.mark('borderline-boot:settings');
    const { info, engine } = await loadStoredEngine(store);
    this.infoAtStart = info;
    performance.mark('borderline-boot:slot');
    return { engine };
  }

  private async boot(dbName: string | undefined): Promise<Started> {
    // Marks of each step (`npm run measure` prints them with the cold start): a worker start is on the critical path
    // of whatever woke it, and these say which part of it to look at.
    const opening = openLogDB(dbName);
    opening.catch(() => undefined); // a failure is thrown below, after the settings'
    await this.configured;
    const db = await opening;
    performance.mark('borderline-boot:log-db');
    void scheduleAutoUpdate(this.settings.autoUpdate).catch((e) => console.error('Borderline: could not schedule dataset checks', e));
    const tracker = new TabTracker({
      db,
      engine: () => this.engine,
      jurisdiction: () => this.settings.jurisdiction,
      onChange: (state) => this.paint(state),
      onWritten: (rows) => this.retention.noteWritten(rows),
      onLoss: () => this.noteLoss(),
      onFlush: (tabs) => this.summaries.schedule(tabs),
    });
    this.tracker = tracker;
    const open = await browser.tabs.query({});
    for (const tab of open) if (tab.id !== undefined) this.incognito.remember(tab.id, tab.incognito);
    performance.mark('borderline-boot:tabs');
    await ensureRetentionAlarm();
    performance.mark('borderline-boot:alarm');
    const restored = await tracker.restore(new Set(open.map((t) => t.id).filter((id): id is number => id !== undefined)));
    performance.mark('borderline-boot:restored');
    // The first step that needs the engine: everything above ran while the bundled dataset was read.
    await this.inForce;
    await reattributeStale(this.tabsOf(db, tracker), restored);
    performance.mark('borderline-boot:reattributed');
    restored.forEach((state) => this.paint(state));
    // One mark per worker life: `npm run measure` reads it to time a cold start (worker time origin → ready).
    performance.mark('borderline-ready');
    return { db, tracker };
  }

  /** Rows had to go because the browser refused a write; remembered across restarts. */
  noteLoss(): void {
    if (this.logIncomplete) return;
    this.logIncomplete = true;
    void browser.storage.local.set({ [LOG_INCOMPLETE]: true }).catch(() => undefined);
  }

  /** The whole log was cleared: what is logged from now on is complete again. */
  async logComplete(): Promise<void> {
    this.logIncomplete = false;
    await browser.storage.local.remove(LOG_INCOMPLETE);
  }

  private async applyRetention(): Promise<void> {
    const { db, tracker } = await this.ready;
    const { byAge, byCount } = await enforceRetention(db, this.settings);
    if (byAge + byCount > 0) await tracker.pruneCachedRows();
  }

  /** Puts a new dataset in force: it may own hosts differently, so the open tabs are attributed again. */
  private async install(next: Engine): Promise<void> {
    const tabs = await this.openTabs();
    this.engine = next;
    await reattributeOpenTabs(tabs);
    await this.resetSummaries();
  }

  /** After a change of settings or dataset: the open tabs' summaries say it the new way, the others go. */
  async resetSummaries(): Promise<void> {
    const { tracker } = await this.ready;
    const states = (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : (tracker.get(t.id) ?? [])));
    await this.summaries.reset(states).catch((e: unknown) => console.warn('Borderline: could not renew the popup summaries', e));
  }
}
