// The bundled dataset as the build ships it (scripts/compact-dataset-plugin.ts). Three quarters of the file are the
// domain entries, and 7,514 of them share fewer than 700 combinations of company, role, sources, date, confidence and
// note: each combination is written once and an entry is its host and the number of its combination. A fresh worker
// parses the whole bundle before it can answer, so this is parse time saved at every start. `expandDataset` gives
// back exactly what was compacted, keys in the same order (exports and "identical update" checks stringify it); the
// build checks that round trip before it emits anything, and the validator has run on the full form before that.

/** The dataset with its `domains` in compact form; every other field as it was. */
export type CompactDataset<D> = Omit<D, 'domains'> & { domains: CompactDomains };

export interface CompactDomains {
  /** Each distinct entry without its host: the host key is there, empty, so an expanded entry keeps the key order. */
  shapes: Record<string, unknown>[];
  hosts: string[];
  /** Per host, the index of its shape. */
  shapeOf: number[];
}

type WithDomains = { domains: readonly { host: string }[] };

export function compactDataset<D extends WithDomains>(dataset: D): CompactDataset<D> {
  const shapes: Record<string, unknown>[] = [];
  const ids = new Map<string, number>();
  const hosts: string[] = [];
  const shapeOf: number[] = [];
  for (const entry of dataset.domains) {
    const shape: Record<string, unknown> = { ...entry, host: '' };
    const key = JSON.stringify(shape);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = shapes.push(shape) - 1));
    hosts.push(entry.host);
    shapeOf.push(id);
  }
  return { ...dataset, domains: { shapes, hosts, shapeOf } };
}

/**
 * The dataset back in full. Entries of one shape share its nested values (the sources array): the dataset is only
 * ever read, never changed in place.
 */
export function expandDataset<D extends WithDomains>(compact: CompactDataset<D>): D {
  const { shapes, hosts, shapeOf } = compact.domains;
  if (hosts.length !== shapeOf.length) throw new Error('compact dataset: hosts and shapes differ in length');
  const domains = new Array<Record<string, unknown>>(hosts.length);
  for (let i = 0; i < hosts.length; i++) {
    const shape = shapes[shapeOf[i]!];
    if (!shape) throw new Error(`compact dataset: entry ${i} names no shape`);
    domains[i] = { ...shape, host: hosts[i] };
  }
  return { ...compact, domains } as unknown as D;
}
