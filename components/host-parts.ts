// The log's host column is narrow; a host cut at its end loses the part that says who runs it
// ("securepubads.g.doub…"). Split in two, the start can give way while the end stays: "securepubads…doubleclick.net".
// Display only: a registrable-domain lookup (tldts, with the public suffix list) would cost the popup more than the
// column gains, so a short second-level label before a country code (co.uk, com.au) is the one case kept whole.

/** [the part that may be elided, the part kept]; together they are the host, unchanged. */
export function hostParts(host: string): [string, string] {
  const labels = host.split('.');
  if (labels.length <= 2) return ['', host];
  const keep = labels.length > 3 && labels.at(-2)!.length <= 3 && labels.at(-1)!.length === 2 ? 3 : 2;
  const end = labels.slice(-keep).join('.');
  return [host.slice(0, host.length - end.length), end];
}
