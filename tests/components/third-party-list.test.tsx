// @vitest-environment happy-dom
// The third parties of a real page, thirty companies: grouped by the owner's HQ country, one line each opening to the
// detail; the three kinds of "where" in words that differ in every language; unknown hosts as "unknown" with a count.
import { cleanup, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { companyNamesOf } from '@/components/company-names';
import { I18nProvider } from '@/components/i18n';
import { RequestLog } from '@/components/RequestLog';
import { ThirdPartyList } from '@/components/ThirdPartyList';
import { render as renderPreact } from '@testing-library/preact';
import { LOCALES, translator } from '@/data/i18n/translator';
import type { AssessedDestination } from '@/data/assess/risk';
import type { Destination } from '@/data/dataset/schema';
import type { UnknownHost } from '@/data/protocol';
import { logRow } from '../fixtures/log-rows';
import { temuReport } from './report-fixture';
import { render } from './render';
import { alphabet, amazon, aws, company, contentsquare, googleAnalytics, hotjar, meta, party, thirtyCompanies, yandex } from './third-party-fixture';

afterEach(cleanup);

const names = () => screen.getAllByTestId('third-party-name').map((e) => e.textContent);
const item = (id: string) => screen.getAllByTestId('third-party').find((e) => e.dataset.company === id)!;

const destination = (country: string, status: AssessedDestination['status']): AssessedDestination => ({
  destination: { company: 'meta', country, kind: 'transfer', statedBy: 'company', sources: ['https://example.org/p'], asOf: '2026-11-01', confidence: 'confirmed' } as Destination,
  status,
  current: true,
});

describe('ThirdPartyList with thirty companies', () => {
  it('groups them under the owner’s HQ country, the most concerning group first, each company once', () => {
    render(<ThirdPartyList thirdParties={thirtyCompanies()} unknown={[]} jurisdiction="EEA" />);
    const headings = screen.getAllByTestId('hq-group').map((g) => g.querySelector('h3')!.textContent);
    expect(headings).toEqual([
      'Headquartered in: Russia · 1 company',
      'Headquartered in: United States · 20 companies',
      'Headquartered in: France · 5 companies',
      'Headquartered in: Israel · 2 companies',
      'Headquartered in: Germany · 1 company',
      'Headquartered in: not on record · 1 company',
    ]);
    expect(names()).toHaveLength(30);
    expect(new Set(names()).size).toBe(30);
    expect(names().slice(0, 3)).toEqual(['Yandex', 'US Company 00 Inc.', 'US Company 01 Inc.']);
    const us = screen.getAllByTestId('hq-group')[1]!;
    expect(within(us).getAllByTestId('third-party').every((e) => e.dataset.hq === 'US')).toBe(true);
  });

  it('gives each company one line with its name, owner, level, request count and roles, and its detail behind a disclosure', () => {
    render(<ThirdPartyList thirdParties={thirtyCompanies()} unknown={[]} jurisdiction="EEA" />);
    const hj = item('hotjar');
    const summary = hj.querySelector('summary')!;
    expect(hj.querySelector('details')!.open).toBe(false);
    expect(summary.textContent).toMatch(/^Hotjar \(part of Contentsquare\) ● Known, no concern on record3 requests · analytics, Headquartered in: France$/);
    expect(within(hj).getByTestId('third-party-summary').textContent).toBe('3 requests · analytics');
    // The HQ is read out with the line, but shown once, in the group heading: it is visually hidden here.
    expect(summary.querySelector('.visually-hidden')!.textContent).toBe(', Headquartered in: France');
    expect(within(hj).getByTestId('third-party-hq').textContent).toBe('Headquartered in: Malta (Hotjar), France (Contentsquare)');
    expect(hj.textContent).toContain('Legal name: Hotjar Ltd');
    expect(hj.textContent).toContain('Hosts: static.hotjar.com');
  });

  it('names one country when the whole group is headquartered there, each company’s when they differ', () => {
    render(
      <ThirdPartyList thirdParties={[party({ company: googleAnalytics, owner: alphabet }), party({ company: hotjar, owner: contentsquare })]} unknown={[]} jurisdiction="EEA" />,
    );
    expect(within(item('google-analytics')).getByTestId('third-party-hq').textContent).toBe('Headquartered in: United States');
    expect(within(item('hotjar')).getByTestId('third-party-hq').textContent).toBe('Headquartered in: Malta (Hotjar), France (Contentsquare)');
  });

  it('names the owner only when users know it by another name', () => {
    const google = company('google', 'Google LLC', 'US', { displayName: 'Google' });
    render(
      <ThirdPartyList
        thirdParties={[party({ company: google, owner: alphabet }), party({ company: googleAnalytics, owner: alphabet })]}
        unknown={[]}
        jurisdiction="EEA"
      />,
    );
    expect(item('google').querySelector('.tp-head')!.textContent).toBe('Google ● Known, no concern on record');
    expect(item('google-analytics').querySelector('.tp-head')!.textContent).toBe('Google Analytics (part of Google) ● Known, no concern on record');
  });

  it('says "no disclosed destination on record" for a company with an HQ and no destination, never the HQ as a destination', () => {
    render(<ThirdPartyList thirdParties={[party({ company: yandex, hosts: ['mc.yandex.ru'] })]} unknown={[]} jurisdiction="EEA" />);
    const says = screen.getByTestId('third-party-says').textContent!;
    expect(says).toBe('Says it transfers data to: no disclosed destination on record');
    expect(says).not.toMatch(/Russia/);
    expect(screen.getByTestId('third-party-hq').textContent).toBe('Headquartered in: Russia');
  });

  it('keeps headquarters, disclosed destinations and servers seen on three separately labelled lines', () => {
    const tp = party({ company: meta, destinations: [destination('US', 'partial'), destination('CN', 'no-adequacy')], serversSeen: ['IE'] });
    render(<ThirdPartyList thirdParties={[tp]} unknown={[]} jurisdiction="EEA" />);
    expect(screen.getByTestId('third-party-hq').textContent).toBe('Headquartered in: United States');
    const says = screen.getByTestId('third-party-says');
    expect(says.textContent).toMatch(/^Says it transfers data to:/);
    expect(within(says).getAllByTestId('third-party-destinations').map((e) => e.dataset.status)).toEqual(['no-adequacy', 'partial']);
    expect(screen.getByTestId('servers-seen').textContent).toMatch(/^Servers seen in: Ireland \(observed server location/);
  });

  it('says for cloud and CDN infrastructure that the provider’s customer, not the provider, decides what is sent', () => {
    const cdn = party({ company: aws, owner: amazon, roles: ['cdn'], hosts: ['d1234.cloudfront.net'], providerHosts: ['d1234.cloudfront.net'] });
    const own = party({ company: meta, roles: ['cdn'], hosts: ['static.xx.fbcdn.net'] });
    render(<ThirdPartyList thirdParties={[cdn, own]} unknown={[]} jurisdiction="EEA" />);
    expect(within(item('aws')).getByTestId('provider-note').textContent).toBe(
      'Cloud or CDN infrastructure (d1234.cloudfront.net): the customer of Amazon Web Services — this site or a company it works with — decides what is sent, not Amazon Web Services.',
    );
    expect(within(item('meta')).queryByTestId('provider-note')).toBeNull();
  });
});

describe('unknown hosts', () => {
  const unknown: UnknownHost[] = Array.from({ length: 10 }, (_, i) => ({ host: `h${i}.unlisted.example`, requests: i + 1 }));

  it('are shown as "unknown" with their count, the most requested first, the rest behind "n more"', () => {
    render(<ThirdPartyList thirdParties={[]} unknown={unknown} jurisdiction="EEA" />);
    const box = screen.getByTestId('unknown-hosts');
    expect(box.dataset.count).toBe('10');
    expect(box.dataset.requests).toBe('55');
    expect(box.querySelector('h3')!.textContent).toBe('? Unknown company');
    expect(screen.getByTestId('unknown-summary').textContent).toBe(
      '10 third-party hosts (55 requests) that Borderline cannot attribute to a company. Unknown is not safe.',
    );
    const hosts = screen.getAllByTestId('unknown-host');
    expect(hosts.map((h) => h.dataset.host)).toEqual(unknown.map((u) => u.host).reverse());
    expect(hosts[0]!.textContent).toBe('h9.unlisted.example · 10 requests');
    const more = box.querySelector('details.more')!;
    expect(more.querySelector('summary')!.textContent).toBe('and 2 more');
    expect(more.querySelectorAll('li')).toHaveLength(2);
    expect(box.textContent).not.toMatch(/\bnone\b|no known/i);
  });

  it('say plainly when there are none', () => {
    render(<ThirdPartyList thirdParties={[party({ company: yandex })]} unknown={[]} jurisdiction="EEA" />);
    expect(screen.getByTestId('unknown-hosts').dataset.count).toBe('0');
  });
});

describe('the three kinds of "where" in every language', () => {
  type Messages = Record<string, { message: string }>;
  const tp = party({ company: meta, destinations: [destination('US', 'partial')], serversSeen: ['IE'] });
  const bare = party({ company: yandex });
  it.each(LOCALES)('%s: headquartered in, says it transfers data to and servers seen in begin with different words', (lang) => {
    const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
    const t = translator(messages);
    renderPreact(
      <I18nProvider t={t} lang={lang}>
        <ThirdPartyList thirdParties={[tp, bare]} unknown={[]} jurisdiction="EEA" />
      </I18nProvider>,
    );
    const label = (s: string) => s.split(/\s*:/)[0]!.trim();
    const [withDestination, without] = [item('meta'), item('yandex')];
    const [hq, says, seen] = [
      within(withDestination).getByTestId('third-party-hq'),
      within(withDestination).getByTestId('third-party-says'),
      within(withDestination).getByTestId('servers-seen'),
    ].map((e) => label(e.textContent!));
    expect(new Set([hq, says, seen]).size).toBe(3);
    for (const l of [hq, says, seen]) expect(l!.length).toBeGreaterThan(2);
    // No destination: the "says" line names none, and not the HQ country either.
    const none = within(without).getByTestId('third-party-says').textContent!;
    expect(label(none)).toBe(says);
    expect(none).toContain(messages.tpNoDestination!.message.split(/\s*:\s*/).at(-1)!);
    expect(none).not.toContain(new Intl.DisplayNames([lang], { type: 'region' }).of('RU')!);
    cleanup();
  });
});

describe('the log’s Company column', () => {
  it('names the company as users know it and says "unknown" for a host no company claims', () => {
    const report = temuReport({
      thirdParties: [party({ company: googleAnalytics, owner: alphabet, hosts: ['www.google-analytics.com'] })],
    });
    const names = companyNamesOf(report);
    expect(names('google-analytics')).toBe('Google Analytics');
    expect(names('alphabet')).toBe('Google');
    const rows = [
      logRow({ host: 'www.google-analytics.com', company: 'google-analytics', owner: 'alphabet', role: 'analytics', level: 'low' }),
      logRow({ host: 'cdn.unlisted-example.net' }),
    ];
    render(<RequestLog rows={rows} companyName={names} />);
    const cells = screen.getAllByTestId('log-row').map((r) => [r.children[3]!.textContent, r.children[4]!.textContent]);
    expect(cells).toEqual([
      ['Google Analytics', '● known'],
      ['unknown', '○ unknown'],
    ]);
  });
});
