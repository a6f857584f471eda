// Host → dataset entry, most specific suffix wins. This runs for every request of every page, so the common case
// (a host the dataset does not know) must cost about one Map lookup: entries are bucketed by their last two labels,
// and only buckets that hold deeper entries (bugly.qq.com under qq.com) walk further.
import type { Company, Dataset, DomainEntry } from './schema';

interface Bucket {
  /** The entry for exactly the two-label key, e.g. temu.com. */
  entry: DomainEntry | undefined;
  /** Entries with three or more labels under this key, e.g. bugly.qq.com, shein.co.uk. */
  deeper: Map<string, DomainEntry> | undefined;
}

export interface HostMatch {
  entry: DomainEntry;
  company: Company;
}

/** Index of the last two labels: "a.b.temu.com" → "temu.com"; a single label has no key. */
function tailKey(host: string): string | undefined {
  const last = host.lastIndexOf('.');
  if (last <= 0) return undefined;
  const prev = host.lastIndexOf('.', last - 1);
  return prev === -1 ? host : host.slice(prev + 1);
}

export class HostIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly companies = new Map<string, Company>();

  constructor(dataset: Pick<Dataset, 'domains' | 'companies'>) {
    for (const c of dataset.companies) this.companies.set(c.id, c);
    for (const e of dataset.domains) {
      const key = tailKey(e.host);
      if (key === undefined) continue;
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = { entry: undefined, deeper: undefined }));
      if (key === e.host) bucket.entry = e;
      else (bucket.deeper ??= new Map()).set(e.host, e);
    }
  }

  /** `host` must already be normalised (as URL.hostname is); see normalizeHost for people's input. */
  lookupEntry(host: string): DomainEntry | undefined {
    const key = tailKey(host);
    if (key === undefined) return undefined;
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return undefined;
    if (bucket.deeper !== undefined && host.length > key.length) {
      // Strip one label at a time from the left until only the two-label key is left.
      let candidate = host;
      while (candidate.length > key.length) {
        const hit = bucket.deeper.get(candidate);
        if (hit !== undefined) return hit;
        candidate = candidate.slice(candidate.indexOf('.') + 1);
      }
    }
    return bucket.entry;
  }

  lookup(host: string): HostMatch | undefined {
    const entry = this.lookupEntry(host);
    if (entry === undefined) return undefined;
    const company = this.companies.get(entry.company);
    return company && { entry, company };
  }

  get size(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += (b.entry ? 1 : 0) + (b.deeper?.size ?? 0);
    return n;
  }
}
