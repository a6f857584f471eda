// Tab id → in a private window. Chrome's webRequest details do not say (Firefox's do), so tabs are looked up once and
// remembered; a tab that cannot be looked up counts as private, so doubt never writes to disk.

export type TabLookup = (tabId: number) => Promise<{ incognito?: boolean } | undefined>;

export class IncognitoCache {
  private readonly known = new Map<number, boolean>();

  constructor(private readonly lookup: TabLookup) {}

  /** What is known without asking the browser; undefined for a tab not seen yet. */
  get(tabId: number): boolean | undefined {
    return this.known.get(tabId);
  }

  remember(tabId: number, incognito: boolean): void {
    this.known.set(tabId, incognito);
  }

  forget(tabId: number): void {
    this.known.delete(tabId);
  }

  /** Asks the browser once per tab; a failed or empty answer counts as private. */
  async resolve(tabId: number): Promise<boolean> {
    const known = this.known.get(tabId);
    if (known !== undefined) return known;
    const value = await this.lookup(tabId).then(
      (t) => t?.incognito ?? true,
      () => true,
    );
    this.known.set(tabId, value);
    return value;
  }
}
