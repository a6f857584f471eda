// The Dataset section's side in the worker: check an update (URL or file) into a pending preview, apply it, roll back,
// reset, export, and the scheduled check. Every path goes through `checkCandidate`; on any failure the engine and
// the stored slots are left exactly as they were.
import { browser } from 'wxt/browser';
import { fail, text, toLocalizedText, type LocalizedText } from '@/data/i18n/localized-error';
import { diffDatasets } from '@/data/dataset/diff';
import { DATASET_KEY_ID, DATASET_PUBLIC_KEY } from '@/data/dataset/public-key';
import type { DatasetInfo, UpdateCheck, UpdateSource } from '@/data/protocol';
import type { Settings } from '@/data/settings';
import { datasetCounts, validateDataset, type Dataset } from '@/data/dataset/schema';
import type { PublicKeyInfo } from '@/data/dataset/signature';
import { checkCandidate } from '@/data/dataset/update-candidate';
import * as store from './dataset-store';
import { bundledDataset, bundledInfo } from './bundled-dataset';
import { buildEngine, engineInfo, type Engine } from './engine';
import type { Handlers } from './messages';
import { DEFAULT_UPDATE_URL } from '@/data/settings';
import { fetchDataset, FETCH_TIMEOUT_MS } from '@/data/dataset/download';

export const UPDATE_ALARM = 'borderline-dataset-update';
const PERIOD_MINUTES = { daily: 24 * 60, weekly: 7 * 24 * 60 } as const;

export interface DatasetControlDeps {
  store: Promise<store.DatasetStore>;
  engine: () => Engine;
  /** Puts a new engine in force and re-rates the open tabs. */
  install: (engine: Engine) => Promise<void>;
  settings: () => Settings;
  fetch?: typeof fetch;
  timeoutMs?: number;
  trusted?: PublicKeyInfo;
}

const MAINTAINERS_KEY: PublicKeyInfo = { key: DATASET_PUBLIC_KEY, keyId: DATASET_KEY_ID };

/** The engine for a slot. A stored dataset is validated again, since a newer extension may have a stricter schema. */
async function engineFor(slot: store.Slot): Promise<{ engine: Engine; problem?: LocalizedText }> {
  if (slot.kind === 'bundled') return { engine: buildEngine(await bundledDataset(), 'bundled') };
  const valid = validateDataset(slot.dataset);
  if (!valid.ok) {
    return {
      engine: buildEngine(await bundledDataset(), 'bundled'),
      problem: text('updStoredInvalid', slot.dataset.version, valid.problems[0] ?? ''),
    };
  }
  return { engine: buildEngine(valid.dataset, 'update', store.infoOf(slot)) };
}

/** What a slot holds, without building its engine (the previous slot is only named). */
async function infoFor(slot: store.Slot): Promise<DatasetInfo> {
  if (slot.kind === 'bundled') return engineInfo(await bundledDataset(), 'bundled');
  const valid = validateDataset(slot.dataset);
  return valid.ok ? engineInfo(valid.dataset, 'update', store.infoOf(slot)) : engineInfo(await bundledDataset(), 'bundled');
}

/**
 * The dataset in force at a start: what it is, known at once, and its engine. For the bundled dataset the engine waits
 * for its text to be parsed (bundled-dataset.ts) while what it is comes with the code, so a message that only asks
 * which dataset is in force (the settings page's, after a stop) does not wait for 1.2 MB to be parsed and expanded.
 * A stored dataset is validated before either is known.
 */
export interface InForce {
  info: DatasetInfo;
  /** Wrapped, so that awaiting an InForce does not also await the engine. */
  engine: Promise<Engine>;
}

export async function loadStoredEngine(db: store.DatasetStore): Promise<InForce> {
  const { current } = await store.readSlots(db);
  if (current.kind === 'bundled') return { info: bundledInfo, engine: bundledDataset().then((d) => buildEngine(d, 'bundled')) };
  const { engine, problem } = await engineFor(current);
  if (problem) await store.setLastCheck(db, { time: Date.now(), ok: false, message: problem });
  return { info: engine.info, engine: Promise.resolve(engine) };
}

function infoOfCandidate(d: Dataset, origin: string, signed: DatasetInfo['signed']): DatasetInfo {
  return { version: d.version, date: d.date, source: 'update', counts: datasetCounts(d), license: d.license, origin, signed };
}

function isAllowableOrigin(origin: string): boolean {
  return /^https:\/\/\S+$/.test(origin) || /^file:.+$/.test(origin);
}

export async function scheduleAutoUpdate(mode: Settings['autoUpdate']): Promise<void> {
  if (mode === 'off') {
    await browser.alarms.clear(UPDATE_ALARM);
    return;
  }
  const period = PERIOD_MINUTES[mode];
  // Alarms outlive the worker: re-creating one on every start would push its next run back forever.
  const existing = await browser.alarms.get(UPDATE_ALARM);
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

export function datasetControl(deps: DatasetControlDeps) {
  const trusted = deps.trusted ?? MAINTAINERS_KEY;
  const fetchDeps = { fetch: deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a)), timeoutMs: deps.timeoutMs ?? FETCH_TIMEOUT_MS };

  const record = async (db: store.DatasetStore, ok: boolean, message: LocalizedText) => store.setLastCheck(db, { time: Date.now(), ok, message });

  async function preview(src: UpdateSource): Promise<UpdateCheck> {
    const db = await deps.store;
    const origin = src.source === 'url' ? deps.settings().updateUrl : `file:${src.name}`;
    await store.setPending(db, undefined);
    const rejected = async (error: LocalizedText, problems: string[] = [], needsAllow = false): Promise<UpdateCheck> => {
      await record(db, false, error);
      return { kind: 'rejected', origin, error, problems, needsAllow };
    };
    let bytes: Uint8Array;
    let signature: string | undefined;
    let etag: string | undefined;
    const { current } = await store.readSlots(db);
    if (src.source === 'url') {
      try {
        const known = current.kind === 'stored' && current.origin === origin ? current.etag : undefined;
        const fetched = await fetchDataset(origin, known, fetchDeps);
        if (fetched.status === 'not-modified') {
          const message = text('updNotModified', origin, deps.engine().info.version);
          await record(db, true, message);
          return { kind: 'up-to-date', message };
        }
        ({ bytes, signature, etag } = fetched);
      } catch (e) {
        return rejected(toLocalizedText(e));
      }
    } else {
      bytes = new TextEncoder().encode(src.text);
      signature = src.signature;
    }
    const allowed = (await store.getUnsignedAllowed(db)).includes(origin);
    const checked = await checkCandidate(bytes, signature, { trusted, allowUnsigned: allowed });
    if (!checked.ok) return rejected(checked.error, checked.problems, checked.needsAllow);
    if (current.kind === 'stored' ? current.text === checked.text : JSON.stringify(checked.dataset) === JSON.stringify(await bundledDataset())) {
      const message = text('updIdentical', origin, checked.dataset.version);
      await record(db, true, message);
      return { kind: 'up-to-date', message };
    }
    const preview = {
      origin,
      from: deps.engine().info,
      to: infoOfCandidate(checked.dataset, origin, checked.signed),
      diff: diffDatasets(deps.engine().dataset, checked.dataset),
    };
    await store.setPending(db, {
      candidate: { kind: 'stored', text: checked.text, dataset: checked.dataset, origin, signed: checked.signed, ...(etag ? { etag } : {}) },
      preview,
    });
    await record(db, true, text('updReady', checked.dataset.version, origin));
    return { kind: 'preview', preview };
  }

  async function apply(): Promise<DatasetInfo> {
    const db = await deps.store;
    // The new slots and the "applied" record commit together: a worker stopped at any point leaves either the old
    // dataset with its update still pending, or the new one in force and said so; re-attribution follows on start.
    const next = await store.applyPending(db, Date.now(), (n) => ({ time: Date.now(), ok: true, message: text('updApplied', n.dataset.version, n.origin) }));
    if (!next) fail('errorNothingToApply');
    await deps.install(buildEngine(next!.dataset, 'update', store.infoOf(next!)));
    return deps.engine().info;
  }

  /** The scheduled check applies only a newer version, so an old signed file replayed by a server cannot downgrade. */
  async function automatic(): Promise<void> {
    const result = await preview({ source: 'url' });
    if (result.kind !== 'preview') return;
    if (result.preview.diff.version === 'newer') {
      await apply();
      return;
    }
    const db = await deps.store;
    await store.setPending(db, undefined);
    await record(db, false, text('updNotNewer', result.preview.to.version, result.preview.origin, result.preview.from.version));
  }

  const handlers: Pick<Handlers, 'getDatasetStatus' | 'previewUpdate' | 'applyUpdate' | 'discardUpdate' | 'rollbackDataset' | 'resetDataset' | 'exportDataset' | 'allowUnsigned'> = {
    async getDatasetStatus() {
      const db = await deps.store;
      const { previous } = await store.readSlots(db);
      return {
        info: deps.engine().info,
        previous: previous ? await infoFor(previous) : null,
        pending: (await store.getPending(db))?.preview ?? null,
        lastCheck: await store.getLastCheck(db),
        unsignedAllowed: await store.getUnsignedAllowed(db),
        defaultUpdateUrl: DEFAULT_UPDATE_URL,
      };
    },
    async previewUpdate(msg) {
      // The payload was checked against the protocol's schema before it got here.
      const src: UpdateSource = msg.source === 'url' ? { source: 'url' } : { source: 'file', name: msg.name, text: msg.text, ...(msg.signature !== undefined ? { signature: msg.signature } : {}) };
      return preview(src);
    },
    applyUpdate: apply,
    async discardUpdate() {
      await store.setPending(await deps.store, undefined);
      return null;
    },
    async rollbackDataset() {
      const db = await deps.store;
      const slot = await store.rollback(db);
      await deps.install((await engineFor(slot)).engine);
      await record(db, true, text('updRolledBack', deps.engine().info.version));
      return deps.engine().info;
    },
    async resetDataset() {
      const db = await deps.store;
      await store.resetToBundled(db);
      const bundled = await bundledDataset();
      await deps.install(buildEngine(bundled, 'bundled'));
      await record(db, true, text('updResetDone', bundled.version));
      return deps.engine().info;
    },
    async exportDataset() {
      const { current } = await store.readSlots(await deps.store);
      const text = current.kind === 'stored' ? current.text : `${JSON.stringify(await bundledDataset(), null, 2)}\n`;
      return { filename: `borderline-dataset-${deps.engine().info.version}.json`, text };
    },
    async allowUnsigned({ origin, allow }) {
      if (!isAllowableOrigin(origin)) fail('errorAllowOrigin', origin);
      const db = await deps.store;
      const list = (await store.getUnsignedAllowed(db)).filter((o) => o !== origin);
      if (allow) list.push(origin);
      await store.setUnsignedAllowed(db, list);
      return list;
    },
  };

  return { handlers, automatic };
}
