// The matcher and risk model built from the dataset in force. Building is cheap (well under a millisecond for the
// bundled data), so the worker rebuilds on every start instead of persisting derived structures.
import bundledJson from '@/data/dataset.json';
import { HostIndex } from '@/data/match/host-index';
import type { DatasetInfo } from '@/data/protocol';
import { RiskModel } from '@/data/assess/risk';
import { datasetCounts, type Dataset } from '@/data/dataset/schema';

export interface Engine {
  dataset: Dataset;
  index: HostIndex;
  risk: RiskModel;
  info: DatasetInfo;
}

export function buildEngine(dataset: Dataset, source: DatasetInfo['source'], about: Pick<DatasetInfo, 'origin' | 'signed' | 'appliedAt'> = {}): Engine {
  return {
    dataset,
    index: new HostIndex(dataset),
    risk: new RiskModel(dataset),
    info: { version: dataset.version, date: dataset.date, source, counts: datasetCounts(dataset), license: dataset.license, ...about },
  };
}

/** Names the dataset in force, so a tab state attributed under another one can be told apart after a restart. */
export function datasetStamp(info: DatasetInfo): string {
  return `${info.source}:${info.version}:${info.appliedAt ?? 0}`;
}

/** The bundled file is validated by the build (wxt.config.ts) and the tests, so it is trusted here. */
export const bundledDataset = bundledJson as Dataset;
