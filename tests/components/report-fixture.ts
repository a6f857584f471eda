// Reports for component tests, built from the bundled dataset with the real risk model, so a test reads the same
// facts the popup shows in the browser.
import datasetJson from '@/data/dataset.json';
import type { LogRow } from '@/data/log/log-row';
import type { TabReport } from '@/data/protocol';
import { RiskModel } from '@/data/assess/risk';
import type { Dataset } from '@/data/dataset/schema';
import { logRow } from '../fixtures/log-rows';

const dataset = datasetJson as Dataset;
export const risk = new RiskModel(dataset);

export const temuRows: LogRow[] = [
  logRow({ host: 'www.temu.com', type: 'main_frame', company: 'temu', owner: 'pdd-holdings', role: 'first-party', level: 'high', thirdParty: false }),
  logRow({ host: 'img.kwcdn.com', company: 'temu', owner: 'pdd-holdings', role: 'cdn', level: 'high' }),
  logRow({ host: 'bugly.qq.com', type: 'script', company: 'tencent', owner: 'tencent', role: 'sdk', level: 'low' }),
  logRow({ host: 'cdn.unlisted-example.net', type: 'script' }),
];

export function temuReport(over: Partial<TabReport> = {}): TabReport {
  return {
    tabId: 7,
    url: 'https://www.temu.com/',
    site: 'temu.com',
    restricted: false,
    jurisdiction: 'EEA',
    residence: 'EEA',
    residenceGuessed: false,
    level: 'high',
    siteAssessment: risk.assess('temu', 'EEA')!,
    thirdParties: [{ assessment: risk.assess('tencent', 'EEA')!, requests: 1, roles: ['sdk'], hosts: ['bugly.qq.com'], sameGroupAsSite: false }],
    unknownThirdParties: [{ host: 'cdn.unlisted-example.net', requests: 1 }],
    requests: temuRows,
    dataset: { version: dataset.version, date: dataset.date, source: 'bundled', counts: {}, license: dataset.license },
    ...over,
  };
}

export function neutralReport(): TabReport {
  return temuReport({
    url: 'https://www.example.org/',
    site: 'example.org',
    level: 'none',
    siteAssessment: null,
    thirdParties: [],
    unknownThirdParties: [],
    requests: [logRow({ host: 'www.example.org', type: 'main_frame', thirdParty: false })],
  });
}
