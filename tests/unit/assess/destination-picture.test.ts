// The popup's picture of where a page's data goes, from a table of companies: headquarters and disclosed
// destinations kept apart, each country under its status with its companies, worst status first, and the counts the
// sentence says. The last cases read the bundled dataset through the real risk model.
import { describe, expect, it } from 'vitest';
import { destinationPicture, type PictureCompany } from '@/data/assess/destination-picture';
import { RiskModel, type DestinationStatus } from '@/data/assess/risk';
import { loadBundled } from '../bundled-dataset';

type Dest = [country: string, status: DestinationStatus, current?: boolean];

function co(id: string, hq: [string, DestinationStatus] | null, dests: Dest[] = [], status: DestinationStatus | null = null): PictureCompany {
  return {
    company: { id },
    status,
    hq: hq ? ({ country: hq[0], status: hq[1], company: { id } } as PictureCompany['hq']) : null,
    destinations: dests.map(([country, s, current = true]) => ({ destination: { country } , status: s, current }) as PictureCompany['destinations'][number]),
  };
}

/** A picture's groups as `status: country=ids` strings, easy to read in a table. */
const flat = (groups: ReturnType<typeof destinationPicture>['destinations']) =>
  groups.map((g) => `${g.status}: ${g.countries.map((c) => `${c.country}=${c.companies.join('+')}`).join(' ')}`);

const CASES: {
  name: string;
  companies: PictureCompany[];
  unknown?: number;
  counts: [companies: number, hqCountries: number, concerning: number];
  hq: string[];
  dest: string[];
}[] = [
  { name: 'nothing known', companies: [], counts: [0, 0, 0], hq: [], dest: [] },
  {
    name: 'a headquarters is never taken for a destination',
    companies: [co('yandex', ['RU', 'no-adequacy'], [], 'no-adequacy')],
    counts: [1, 1, 1],
    hq: ['no-adequacy: RU=yandex'],
    dest: [],
  },
  {
    name: 'the US splits by certification, worst first, the country with more companies first',
    companies: [
      co('google', ['US', 'certified'], [['US', 'certified']], 'certified'),
      co('meta', ['US', 'certified'], [['US', 'certified'], ['IE', 'domestic']], 'certified'),
      co('adco', ['US', 'not-certified'], [['US', 'not-certified']], 'not-certified'),
      co('temu', ['IE', 'domestic'], [['unspecified', 'unspecified']], 'unspecified'),
      co('tiktok', ['CN', 'no-adequacy'], [['CN', 'no-adequacy'], ['SG', 'no-adequacy'], ['MY', 'no-adequacy'], ['SG', 'no-adequacy']], 'no-adequacy'),
    ],
    counts: [5, 3, 3],
    hq: ['no-adequacy: CN=tiktok', 'not-certified: US=adco', 'certified: US=google+meta', 'domestic: IE=temu'],
    dest: ['no-adequacy: CN=tiktok MY=tiktok SG=tiktok', 'not-certified: US=adco', 'unspecified: unspecified=temu', 'certified: US=google+meta', 'domestic: IE=meta'],
  },
  {
    name: 'past disclosures are history, not part of the picture; a company is counted once',
    companies: [co('a', ['DE', 'domestic'], [['CN', 'no-adequacy', false], ['JP', 'adequate']], 'adequate'), co('a', ['DE', 'domestic'])],
    counts: [1, 1, 0],
    hq: ['domestic: DE=a'],
    dest: ['adequate: JP=a'],
  },
  {
    name: 'unnamed countries come after the named ones of the same status; no HQ on record counts no country',
    companies: [co('x', null, [['unspecified', 'unspecified'], ['ZZ', 'unspecified']], 'unspecified')],
    unknown: 3,
    counts: [1, 0, 1],
    hq: [],
    dest: ['unspecified: ZZ=x unspecified=x'],
  },
];

describe('destinationPicture', () => {
  it.each(CASES)('$name', ({ companies, unknown, counts, hq, dest }) => {
    const p = destinationPicture(companies, unknown);
    expect([p.companies, p.hqCountries, p.concerning]).toEqual(counts);
    expect(p.unknownHosts).toBe(unknown ?? 0);
    expect(flat(p.headquarters)).toEqual(hq);
    expect(flat(p.destinations)).toEqual(dest);
  });

  describe('on the bundled dataset', () => {
    const risk = new RiskModel(loadBundled());
    const spiegel = ['google', 'meta', 'yandex', 'hotjar', 'onetrust', 'microsoft', 'pinterest', 'tiktok'];

    it('for an EEA user on the spiegel.de stand-in: Russia without adequacy, every company somewhere', () => {
      const p = destinationPicture(spiegel.map((id) => risk.assess(id, 'EEA')!));
      expect(p.companies).toBe(spiegel.length);
      const hqIds = p.headquarters.flatMap((g) => g.countries.flatMap((c) => c.companies));
      expect(new Set(hqIds)).toEqual(new Set(spiegel));
      const ru = p.headquarters.find((g) => g.countries.some((c) => c.country === 'RU'));
      expect(ru?.status).toBe('no-adequacy');
      // Every destination shown is one the company (or its group) discloses, under the status the model gave it.
      for (const g of p.destinations) {
        for (const c of g.countries) {
          for (const id of c.companies) {
            expect(risk.assess(id, 'EEA')!.destinations.some((d) => d.current && d.destination.country === c.country && d.status === g.status)).toBe(true);
          }
        }
      }
    });

    it('for a US user, China is a country of concern', () => {
      const p = destinationPicture([risk.assess('tencent', 'US')!]);
      expect(flat(p.headquarters)).toEqual(['country-of-concern: CN=tencent']);
      expect(p.concerning).toBe(1);
    });
  });
});
