// The warning lives in a closed shadow root, which page scripts — and so Playwright's locators — cannot enter.
// The DevTools protocol can: DOM.getDocument with pierce reaches closed roots, as a user's assistive technology does.
import type { CDPSession, Page } from 'playwright-core';

interface Node {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: Node[];
  shadowRoots?: Node[];
}

export interface ShadowProbe {
  /** Text of the first element with this data-testid, or null when there is none. */
  text(testId: string): Promise<string | null>;
  rect(testId: string): Promise<{ x: number; y: number; width: number; height: number } | null>;
  click(testId: string): Promise<void>;
}

function find(node: Node, testId: string): Node | undefined {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-testid' && attrs[i + 1] === testId) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = find(child, testId);
    if (hit) return hit;
  }
  return undefined;
}

export async function shadowProbe(page: Page): Promise<ShadowProbe> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  const locate = async (testId: string) => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    return find(root, testId);
  };
  const rect = async (testId: string) => {
    const node = await locate(testId);
    if (!node) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  };
  return {
    async text(testId) {
      const node = await locate(testId);
      if (!node) return null;
      const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: node.nodeId })) as { outerHTML: string };
      return outerHTML.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
    },
    rect,
    async click(testId) {
      const r = await rect(testId);
      if (!r) throw new Error(`no ${testId} in the page`);
      await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    },
  };
}
