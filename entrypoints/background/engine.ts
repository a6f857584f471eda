// The matcher and risk model built from the dataset in force, rebuilt on every worker start instead of persisting
// derived structures. The host index (7,514 entries) is the costly part of a fresh worker's first milliseconds, while
// its code still runs unoptimised, and an answer to the popup or the settings page rarely needs it: it is built on the
// first lookup, so only a worker woken by a request pays for it, and then once.
import { HostIndex } from '@/data/match/host-index';
import type { DatasetInfo } from '@/data/protocol';
import { RiskModel } from '@/data/assess/risk';
import { datasetCounts, type Dataset } from '@/data/dataset/schema';

export interface Engine {
  dataset: Dataset;
  readonly index: HostIndex;
  risk: RiskModel;
  info: DatasetInfo;
}

export function buildEngine(dataset: Dataset, source: DatasetInfo['source'], about: Pick<DatasetInfo, 'origin' | 'signed' | 'appliedAt'> = {}): Engine {
  let index: HostIndex | undefined;
  return {
    dataset,
    get index() {
      return (index ??= new HostIndex(dataset));
    },
    risk: new RiskModel(dataset),
    info: engineInfo(dataset, source, about),
  };
}

/** What the dataset of an engine is, without building one: for a slot that is not in force. */
export function engineInfo(dataset: Dataset, source: DatasetInfo['source'], about: Pick<DatasetInfo, 'origin' | 'signed' | 'appliedAt'> = {}): DatasetInfo {
  return { version: dataset.version, date: dataset.date, source, counts: datasetCounts(dataset), license: dataset.license, ...about };
}

/** Names the dataset in force, so a tab state attributed under another one can be told apart after a restart. */
export function datasetStamp(info: DatasetInfo): string {
  return `${info.source}:${info.version}:${info.appliedAt ?? 0}`;
}
