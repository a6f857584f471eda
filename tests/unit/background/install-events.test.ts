import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { onInstalled } from '@/entrypoints/background/install-events';

afterEach(() => vi.restoreAllMocks());

describe('install', () => {
  it('opens the settings page, whose welcome asks where the user lives, in a tab of its own, on a new install only', () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    onInstalled({ reason: 'update' });
    onInstalled({ reason: 'chrome_update' });
    expect(create).not.toHaveBeenCalled();
    onInstalled({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url).toMatch(/\/options\.html$/);
  });
});
