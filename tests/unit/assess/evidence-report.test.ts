// The readable report saved with the HAR: names every recipient with its country and status, the actions with their
// source links, the dataset version, and the HAR's SHA-256; it escapes what it quotes and loads nothing.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { buildEvidenceReport, escapeHtml, type EvidenceReportInput } from '@/data/assess/evidence-report';
import { RiskModel } from '@/data/assess/risk';
import { LOCALES, translator } from '@/data/i18n/translator';
import type { ThirdParty } from '@/data/protocol';
import { loadBundled } from '../bundled-dataset';

const dataset = loadBundled();
const risk = new RiskModel(dataset);
const t = (lang: string) => translator(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')));
const tp = (company: string, hosts: string[], requests: number, serversSeen?: string[]): ThirdParty => ({
  assessment: risk.assess(company, 'EEA')!,
  requests,
  roles: ['analytics'],
  hosts,
  sameGroupAsSite: false,
  ...(serversSeen ? { serversSeen } : {}),
});
const SHA = 'ab'.repeat(32);

const input = (lang: string, site: string | null = 'spiegel.de'): EvidenceReportInput => ({
  report: {
    site,
    url: 'http://www.spiegel.de/?ref=secret',
    jurisdiction: 'EEA',
    siteAssessment: null,
    thirdParties: [tp('yandex', ['mc.yandex.ru'], 3, ['local']), tp('tiktok', ['analytics.tiktok.com'], 2)],
    unknownThirdParties: [{ host: 'x.unknown.example', requests: 1 }],
    dataset: { version: dataset.version, date: dataset.date, source: 'bundled', counts: {}, license: 'CC BY 4.0' },
  },
  requests: 7,
  files: { har: 'borderline-evidence-spiegel.de-2026-12-01T23-50-07Z.har', report: 'borderline-evidence-spiegel.de-2026-12-01T23-50-07Z.html' },
  sha256: SHA,
  savedAt: Date.UTC(2026, 11, 1, 23, 50, 7),
  keepQuery: false,
  creator: { name: 'Borderline', version: '0.1.0' },
  browser: { name: 'Chromium', version: '156' },
  t: t(lang),
  lang,
});

const parse = (html: string) => {
  const doc = new Window().document;
  doc.write(html);
  return doc;
};

describe('the evidence report', () => {
  it('names each recipient with its country, status, actions and sources, and carries the SHA-256', () => {
    const html = buildEvidenceReport(input('en'));
    const doc = parse(html);
    expect(doc.querySelector('main')!.getAttribute('data-sha256')).toBe(SHA);
    expect(doc.querySelector('[data-testid="har-sha256"]')!.textContent).toBe(SHA);
    const companies = [...doc.querySelectorAll('section.company')].map((s) => s.getAttribute('data-company'));
    expect([...companies].sort()).toEqual(['tiktok', 'yandex']);
    const yandex = doc.querySelector('[data-company="yandex"]')!.textContent!;
    expect(yandex).toMatch(/Headquartered in: Russia/);
    expect(yandex).toMatch(/3 requests to mc\.yandex\.ru/);
    expect(yandex).toMatch(/Russia \((storage|transfer)\): no adequacy decision/);
    expect(yandex).toMatch(/Servers seen in: local network/);
    expect(doc.querySelectorAll('[data-company="tiktok"] .actions a[href^="https://"]').length).toBeGreaterThan(0);
    expect(html).toContain(dataset.version);
    expect(html).toMatch(/not of where the company stores the data/);
    expect(html).toContain('x.unknown.example');
    expect(html).not.toContain('secret');
  });

  it('has the popup’s picture as tables: every status in words and sign, its countries, the companies there by name', () => {
    const doc = parse(buildEvidenceReport(input('en')));
    const row = (kind: string, country: string) =>
      [...doc.querySelectorAll(`table.picture[data-kind="${kind}"] tbody tr`)].find((tr) => tr.querySelector(`li[data-country="${country}"]`));
    const hqRussia = row('hq', 'RU')!;
    expect(hqRussia.getAttribute('data-status')).toBe('no-adequacy');
    expect(hqRussia.querySelector('th')!.textContent).toBe('✗ no adequacy decision');
    expect(hqRussia.querySelector('li[data-country="RU"]')!.textContent).toBe('Russia: Yandex');
    expect(row('dest', 'RU')!.querySelector('li[data-country="RU"]')!.textContent).toBe('Russia: Yandex');
    expect(doc.querySelector('table.picture[data-kind="hq"] thead')!.textContent).toBe('Status for EEA usersCountries and the companies there');
    // Each look has its own sign, so a printout in black and white still tells them apart.
    for (const tr of doc.querySelectorAll('table.picture tbody tr')) {
      const sign = { concern: '✗', ok: '✓', neutral: '○' }[tr.getAttribute('data-look')!];
      expect(tr.querySelector('th')!.textContent!.startsWith(`${sign} `)).toBe(true);
    }
    // Every country a recipient has is in the table of its kind, and nothing else is.
    const expected = new Set(input('en').report.thirdParties.flatMap((p) => [`hq ${p.assessment.hq!.country}`, ...p.assessment.destinations.filter((d) => d.current).map((d) => `dest ${d.destination.country}`)]));
    const shown = new Set([...doc.querySelectorAll('table.picture li')].map((li) => `${li.closest('table')!.getAttribute('data-kind')} ${li.getAttribute('data-country')}`));
    expect(shown).toEqual(expected);
  });

  it.each(LOCALES.map((l) => [l]))('names the picture’s headings in %s', (lang) => {
    const doc = parse(buildEvidenceReport(input(lang)));
    const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
    expect([...doc.querySelectorAll('table.picture caption')].map((c) => c.textContent)).toEqual([messages.glanceDestHeading.message, messages.glanceHqHeading.message]);
  });

  it('is self-contained: no script, no outside stylesheet or image', () => {
    const doc = parse(buildEvidenceReport(input('en')));
    expect(doc.querySelectorAll('script, link, img, iframe').length).toBe(0);
  });

  it('escapes what it quotes', () => {
    expect(escapeHtml(`<b a="1">&'`)).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
    const html = buildEvidenceReport(input('en', '<script>alert(1)</script>'));
    expect(html).not.toContain('<script>');
  });

  it.each(LOCALES)('is written in %s with every placeholder filled', (lang) => {
    const html = buildEvidenceReport(input(lang));
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).not.toMatch(/\$[A-Z_]+\$/);
    expect(html).toContain(SHA);
    expect(html).toMatch(/Yandex/);
  });
});
