import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * Injected into every document of a bench page (the host page and each sandboxed frame:
 * Chromium runs init scripts in all of them, whatever their CSP), before any of its own
 * script. It records, on `globalThis.__probe`:
 * - `shown`: when `rows` elements of class `name` are in this document (epoch ms, so frames
 *   and the host page compare), and `drawn`: after the next frame was produced once they were;
 * - `taps`: for each click, the time from the click's own timestamp (when the browser took
 *   the input) to the moment a row's text changed to "Tapped …" in this document.
 * A string, not a function: the TypeScript loader would wrap inner functions in a helper the
 * page lacks.
 */
export function probeScript(rows: number): string {
  return `(() => {
  const probe = { shown: undefined, drawn: undefined, taps: [] };
  globalThis.__probe = probe;
  const now = () => performance.timeOrigin + performance.now();
  const names = document.getElementsByClassName('name');
  let clickAt;
  addEventListener('click', (e) => { clickAt = e.timeStamp; }, true);
  const tapped = (records) => records.some((r) => {
    const node = r.type === 'characterData' ? r.target : r.target.firstChild ?? r.target;
    return (node.textContent || '').startsWith('Tapped');
  });
  new MutationObserver((records) => {
    if (probe.shown === undefined && names.length >= ${rows}) {
      probe.shown = now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { probe.drawn = now(); };
        channel.port2.postMessage(0);
      });
    }
    if (clickAt !== undefined && tapped(records)) {
      probe.taps.push(performance.now() - clickAt);
      clickAt = undefined;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

export interface ProbeRecord {
  shown?: number;
  drawn?: number;
  taps: number[];
}

/** Each frame's probe record, for the frames that have one. */
export async function probeRecords(page: Page): Promise<ProbeRecord[]> {
  const records = await Promise.all(
    page
      .frames()
      .map(
        (frame) =>
          frame.evaluate('globalThis.__probe').catch(() => undefined) as Promise<ProbeRecord | undefined>,
      ),
  );
  return records.filter((r): r is ProbeRecord => r !== undefined);
}

/**
 * Used JS heap of everything a context runs (its pages, their out-of-process frames and
 * every worker), after a full garbage collection, in bytes. Reached through the browser's
 * own target list, since a worker inside a sandboxed frame has no page of its own.
 */
export async function contextHeap(browser: Browser, context: BrowserContext): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const page = context.pages()[0];
    if (!page) return 0;
    const contextId = await contextIdOf(context, page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; browserContextId?: string }>;
    };
    let used = 0;
    for (const target of targetInfos) {
      if (target.browserContextId !== contextId) continue;
      if (!['page', 'iframe', 'worker'].includes(target.type)) continue;
      used += await targetHeap(cdp, target.targetId);
    }
    return used;
  } finally {
    await cdp.detach();
  }
}

async function contextIdOf(context: BrowserContext, page: Page): Promise<string> {
  const session = await context.newCDPSession(page);
  try {
    const { targetInfo } = (await session.send('Target.getTargetInfo')) as {
      targetInfo: { browserContextId: string };
    };
    return targetInfo.browserContextId;
  } finally {
    await session.detach();
  }
}

/** One target's used heap, through a session attached for the question and detached after. */
async function targetHeap(cdp: CDPSession, targetId: string): Promise<number> {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
    sessionId: string;
  };
  let id = 0;
  const ask = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const messageId = ++id;
      const listener = (event: { sessionId?: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const reply = JSON.parse(event.message) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: unknown;
        };
        if (reply.id !== messageId) return;
        cdp.off('Target.receivedMessageFromTarget', listener);
        if (reply.error) reject(new Error(`${method}: ${JSON.stringify(reply.error)}`));
        else resolve(reply.result ?? {});
      };
      cdp.on('Target.receivedMessageFromTarget', listener);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: messageId, method }),
      });
    });
  try {
    await ask('HeapProfiler.collectGarbage');
    const { usedSize } = (await ask('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
}
