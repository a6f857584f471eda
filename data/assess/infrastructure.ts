// Cloud and CDN providers carry their customers' traffic: a request to d1234.cloudfront.net sends what the site (or
// a company it works with) chose to send, not what Amazon chose. The UI and the CLI say so for such hosts.
import type { DomainEntry } from '../dataset/schema';
import { isPrivateSuffix } from '../match/hostname';

/**
 * True for a provider's shared infrastructure: every `cloud-provider` entry, and a `cdn` entry that names a private
 * Public Suffix List suffix (cloudfront.net, whose subdomains the provider hands to customers). A company's own CDN
 * (pinimg.com for Pinterest, tiktokcdn.com for TikTok) is `cdn` too, but carries that company's own content: not this.
 */
export function servesCustomers(entry: Pick<DomainEntry, 'host' | 'role'>): boolean {
  return entry.role === 'cloud-provider' || (entry.role === 'cdn' && isPrivateSuffix(entry.host));
}
