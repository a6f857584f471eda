import { describe, expect, it, vi } from 'vitest';
import { IncognitoCache } from '@/entrypoints/background/incognito-cache';

describe('incognito cache', () => {
  it('asks the browser once per tab and remembers the answer', async () => {
    const lookup = vi.fn(async (tabId: number) => ({ incognito: tabId === 2 }));
    const cache = new IncognitoCache(lookup);
    expect(cache.get(1)).toBeUndefined();
    expect(await cache.resolve(1)).toBe(false);
    expect(await cache.resolve(2)).toBe(true);
    expect(await cache.resolve(1)).toBe(false);
    expect(cache.get(2)).toBe(true);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('counts a tab it cannot look up as private, so doubt never writes to disk', async () => {
    const cache = new IncognitoCache(async (tabId) => {
      if (tabId === 1) throw new Error('No tab with id 1');
      return undefined;
    });
    expect(await cache.resolve(1)).toBe(true);
    expect(await cache.resolve(2)).toBe(true);
  });

  it('answers from what it was told without asking, and asks again once a tab is forgotten', async () => {
    const lookup = vi.fn(async () => ({ incognito: true }));
    const cache = new IncognitoCache(lookup);
    cache.remember(5, false);
    expect(await cache.resolve(5)).toBe(false);
    expect(lookup).not.toHaveBeenCalled();
    cache.forget(5);
    expect(cache.get(5)).toBeUndefined();
    expect(await cache.resolve(5)).toBe(true);
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});
