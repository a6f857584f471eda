// The real-world host table (tests/fixtures/hosts.json) through the same path the extension uses: normalizeHost, then
// HostIndex on the bundled dataset, then the parent chain to the owner. `npm run lookup -- --fixtures` runs it too.
import { describe, expect, it } from 'vitest';
import table from '../../fixtures/hosts.json';
import { HostIndex } from '@/data/match/host-index';
import { normalizeHost } from '@/data/match/hostname';
import { loadBundled } from '../bundled-dataset';

interface Case {
  host: string;
  owner: string | null;
  company?: string;
  note?: string;
}

const dataset = loadBundled();
const index = new HostIndex(dataset);
const byId = new Map(dataset.companies.map((c) => [c.id, c]));
const ownerOf = (id: string) => {
  let c = byId.get(id);
  const seen = new Set<string>();
  while (c?.parent && !seen.has(c.id)) {
    seen.add(c.id);
    c = byId.get(c.parent);
  }
  return c?.id ?? null;
};
const cases = table.cases as Case[];

function resolve(input: string) {
  const host = normalizeHost(input);
  const match = host === null ? undefined : index.lookup(host);
  return { company: match?.company.id ?? null, owner: match ? ownerOf(match.company.id) : null, entry: match?.entry.host ?? null };
}

describe('tests/fixtures/hosts.json', () => {
  it('is big enough to mean something', () => {
    // Issue 14: the 200 cases of issue 3 grew by 150 real web hosts and 30 lookalikes (less the hosts 0.3.0 could no
    // longer source, which left the table).
    expect(cases.length).toBeGreaterThanOrEqual(350);
    expect(cases.filter((c) => c.owner === null).length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.host)).size).toBe(cases.length);
  });

  it('names only companies that exist in the dataset', () => {
    for (const c of cases) {
      if (c.owner !== null) expect(byId.has(c.owner), `${c.host}: owner "${c.owner}" is not a company`).toBe(true);
      if (c.company !== undefined) expect(byId.has(c.company), `${c.host}: company "${c.company}" is not a company`).toBe(true);
    }
  });

  it.each(cases.map((c) => [c.host || '(empty)', c] as const))('%s', (_label, c) => {
    const got = resolve(c.host);
    const why = `${JSON.stringify(c.host)} matched entry ${got.entry ?? 'none'}${c.note ? ` (${c.note})` : ''}`;
    expect(got.owner, why).toBe(c.owner);
    if (c.company !== undefined) expect(got.company, why).toBe(c.company);
    if (c.owner === null) expect(got.company, why).toBeNull();
  });

  it('attributes a private-suffix CDN zone only to the provider that runs it, as cdn or cloud-provider', () => {
    // The PSL's private section names who submitted each zone: Akamai's, Amazon's CloudFront, Cloudflare's.
    const provider: Record<string, string> = { 'edgesuite.net': 'akamai', 'akamaized.net': 'akamai', 'edgekey.net': 'akamai', 'cloudfront.net': 'amazon-web-services' };
    for (const [host, company] of Object.entries(provider)) {
      const e = dataset.domains.find((d) => d.host === host);
      expect(e?.company, host).toBe(company);
      expect(['cdn', 'cloud-provider'], host).toContain(e?.role);
    }
    for (const host of ['web.app', 'ksyna.net', 'ks-cdn.com', 'blogspot.com', 'github.io', 'myshopify.com']) {
      expect(dataset.domains.some((d) => d.host === host), host).toBe(false);
    }
  });
});
