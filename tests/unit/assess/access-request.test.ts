import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAccessRequest } from '@/data/assess/access-request';
import { LOCALES, translator } from '@/data/i18n/translator';
import { RiskModel } from '@/data/assess/risk';
import { loadBundled } from '../bundled-dataset';

const risk = new RiskModel(loadBundled());
const t = (lang: string) => translator(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')));

describe('GDPR access request', () => {
  it('addresses the EEA controller and asks for third-country recipients and safeguards', () => {
    const r = buildAccessRequest(risk.assess('shein', 'EEA')!, t('en'));
    expect(r.controller).toBe('Infinite Styles Services Co., Limited, 1-2 Victoria Buildings, Haddington Road, Dublin 4, Ireland');
    expect(r.body).toMatch(/^To: Infinite Styles Services Co., Limited/);
    expect(r.body).toMatch(/recipients in third countries, naming each country \(Article 15\(1\)\(c\)\)/);
    expect(r.body).toMatch(/safeguards relied on under Article 46 GDPR \(Article 15\(2\)\)/);
    expect(r.body).toMatch(/my use of SHEIN/);
  });

  it('never invents an e-mail address: it points to the sourced policy instead', () => {
    const r = buildAccessRequest(risk.assess('temu', 'EEA')!, t('en'));
    expect(r.email).toBeNull();
    expect(r.contactNote).toMatch(/no sourced privacy e-mail.*https:\/\/www\.temu\.com\//);
    expect(r.mailto.startsWith('mailto:?subject=')).toBe(true);
    expect(decodeURIComponent(r.mailto.split('&body=')[1]!)).toBe(r.body);
  });

  it.each(LOCALES)('is written in %s with the company filled in', (lang) => {
    const r = buildAccessRequest(risk.assess('temu', 'EEA')!, t(lang));
    expect(r.body).toContain('Temu');
    expect(r.body).toContain('Whaleco Technology Limited');
    expect(r.body).toMatch(/15/);
    expect(r.body).not.toMatch(/\$[A-Z]+\$/);
  });
});
