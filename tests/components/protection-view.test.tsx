// @vitest-environment happy-dom
// What the popup says about protection, from the issue-15 fixture: the certification and its source, the DPF's court
// challenge as context, "certification not on record", history with its context, and the UK list's partial copy.
import { cleanup, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { RiskModel } from '@/data/assess/risk';
import type { Dataset } from '@/data/dataset/schema';
import { ActionList } from '@/components/ActionList';
import { CompanyReasons } from '@/components/CompanyReasons';
import { DestinationList } from '@/components/DestinationList';
import { RulesLine } from '@/components/ReportHeader';
import { render } from './render';

afterEach(cleanup);

const dataset = (JSON.parse(readFileSync('tests/fixtures/protection.json', 'utf8')) as { dataset: Dataset }).dataset;
const risk = new RiskModel(dataset);
const reasonOf = (code: string) => screen.getAllByTestId('reason').find((li) => li.dataset.code === code)!;

describe('protection in the popup', () => {
  it('names the Data Privacy Framework for Google with the certification’s source, and the court challenge as context', () => {
    render(<CompanyReasons assessment={risk.assess('google', 'EEA')!} />);
    const certified = reasonOf('certified');
    expect(certified.textContent).toMatch(/^Google is certified under the EU-US Data Privacy Framework, so its transfers to the United States are covered under the EU’s adequacy decision \(since Jul 10, 2023\)\./);
    expect(within(certified).getAllByTestId('source-link').map((a) => a.getAttribute('href'))).toContain('https://policies.google.com/privacy/frameworks?hl=te');
    const challenge = reasonOf('dpf-challenge');
    expect(challenge.textContent).toMatch(/challenged in court \(T-553\/23, General Court, Sep 3, 2025: dismissed; C-703\/25 P/);
    expect(within(challenge).getAllByTestId('source-link').map((a) => a.getAttribute('href'))).toContain('https://eur-lex.europa.eu/eli/C/2025/6610/oj/eng');
    expect(reasonOf('history-action').textContent).toMatch(/^History — Order decided: Datenschutzbehörde \(DSB\), Austria, Dec 2021\. It concerns transfers before/);
  });

  it('shows only the protection facts in the site’s "where" section', () => {
    render(<CompanyReasons assessment={risk.assess('google', 'EEA')!} only="protection" />);
    expect(screen.getAllByTestId('reason').map((li) => li.dataset.code)).toEqual(['certified', 'dpf-challenge']);
  });

  it('says "certification not on record" for OneTrust and gives no tick for its US transfer', () => {
    render(<CompanyReasons assessment={risk.assess('onetrust', 'EEA')!} />);
    expect(reasonOf('certification-unknown').textContent).toMatch(/^Certification not on record: Borderline has no source saying whether OneTrust is certified/);
    cleanup();
    render(<DestinationList destinations={risk.assess('criteo', 'EEA')!.destinations} jurisdiction="EEA" />);
    const status = screen.getByTestId('destination-status');
    expect(status.dataset.status).toBe('certification-unknown');
    expect(status.textContent).toMatch(/^○ certification not on record \(Data Privacy Framework\)/);
    expect(status.className).toContain('status-neutral');
  });

  it('marks a headquarters signal likely, with the headquarters’ source', () => {
    render(<CompanyReasons assessment={risk.assess('yandex', 'EEA')!} />);
    const hq = reasonOf('hq-concern');
    expect(within(hq).getByTestId('likely')).toBeTruthy();
    expect(within(hq).getAllByTestId('source-link').length).toBeGreaterThan(0);
  });

  it('puts the history context next to the fine, and names the decision’s real addressee', () => {
    const meta = risk.assess('meta', 'EEA')!;
    render(<ActionList actions={meta.actions} history={meta.history} />);
    const action = screen.getByTestId('action');
    expect(within(action).getByTestId('action-history').textContent).toBe(
      'History: it concerns conduct up to May 12, 2023, before the EU-US Data Privacy Framework took effect (Jul 10, 2023), under which this company is now certified; it does not raise the level.',
    );
    expect(within(action).getByTestId('action-addressee').textContent).toBe('Addressed to: Meta Platforms Ireland Limited');
    cleanup();
    // For UK users the UK Extension is not on record for Meta: no history note.
    const uk = risk.assess('meta', 'UK')!;
    render(<ActionList actions={uk.actions} history={uk.history} />);
    expect(screen.queryByTestId('action-history')).toBeNull();
  });

  it('says the UK list is partial, and when no list of its own is carried', () => {
    render(<RulesLine report={{ jurisdiction: 'UK', residence: 'UK', residenceGuessed: false, adequacyList: risk.listOf('UK') }} />);
    expect(screen.getByTestId('rules').textContent).toBe('Rules for UK users — change · Borderline’s copy of the UK’s own adequacy regulations is partial');
    cleanup();
    render(<RulesLine report={{ jurisdiction: 'CH', residence: 'CH', residenceGuessed: true, adequacyList: { own: false, partial: false } }} />);
    expect(screen.getByTestId('rules-list').textContent).toBe(' · no list of its own in the dataset: the EEA and the EU’s list stand in');
  });
});
