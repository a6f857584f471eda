// Where the user lives, in real Chromium with a fresh profile: the install opens the welcome on the settings page,
// preselected from the time zone the browser runs in (never from the UI language: these browsers say en-US), and the
// popup says which rules apply and that they are a guess until the user answers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../scripts/harness/browser';
import { useDemo, type Demo } from './demo';

async function welcomePage(demo: Demo): Promise<Page> {
  const pages = await eventually(
    async () => demo.browser.context.pages().filter((p) => p.url().endsWith('/options.html')),
    (found) => found.length > 0,
  );
  const page = pages[0];
  if (!page) throw new Error('the install opened no settings page');
  await page.getByTestId('welcome').waitFor();
  return page;
}

async function rulesLine(demo: Demo): Promise<string> {
  const { page, tabId } = await demo.browser.visit('http://www.example.org/');
  const popup = await demo.browser.popup(tabId);
  const text = (await popup.getByTestId('rules').textContent()) ?? '';
  await popup.close();
  await page.close();
  return text;
}

describe('an en-US browser in Berlin', () => {
  const demo = useDemo({ locale: 'en-US', timezone: 'Europe/Berlin' });

  it('opens the welcome on install, with the EEA preselected from the time zone', async () => {
    const page = await welcomePage(demo);
    expect(await page.getByTestId('welcome-EEA').isChecked()).toBe(true);
    expect(await page.getByTestId('welcome-guess').textContent()).toContain('Europe/Berlin');
  });

  it('applies the EEA rules and says they are guessed until the user answers', async () => {
    expect(await rulesLine(demo)).toBe('Rules for EEA users (guessed from your time zone) — change');
  });

  it('takes the answer from the welcome: the popup then says the rules without a guess', async () => {
    const page = await welcomePage(demo);
    await page.getByTestId('welcome-CH').check();
    await page.getByTestId('welcome-save').click();
    await page.getByTestId('welcome-saved').waitFor();
    expect(await rulesLine(demo)).toMatch(/^Rules for CH users — change( · |$)/);
  });
});

describe('an en-US browser in London', () => {
  const demo = useDemo({ locale: 'en-US', timezone: 'Europe/London' });

  it('applies the UK rules, guessed from the time zone', async () => {
    expect(await (await welcomePage(demo)).getByTestId('welcome-UK').isChecked()).toBe(true);
    expect(await rulesLine(demo)).toMatch(/^Rules for UK users \(guessed from your time zone\) — change( · |$)/);
  });
});
