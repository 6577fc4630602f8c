import { type LogicToViewMessage, parseDataPath, writePath } from '@plaza/runtime';

/**
 * Keeps a copy of each page's data from `page.create` and its patches, for developer tools.
 * Component data is not mirrored: the panel shows what pages hold.
 */
export class PageDataMirror {
  private readonly pages = new Map<string, { path: string; data: Record<string, unknown> }>();

  /** Applies a message; returns the page it changed, if any. */
  apply(
    message: LogicToViewMessage,
  ): { pageId: string; path: string; data: Record<string, unknown> } | undefined {
    if (message.type === 'page.create') {
      const page = { path: message.path, data: structuredClone(message.data) };
      this.pages.set(message.instanceId, page);
      return { pageId: message.instanceId, ...page };
    }
    if (message.type === 'page.destroy') {
      this.pages.delete(message.instanceId);
      return undefined;
    }
    if (message.type !== 'patch') return undefined;
    const page = this.pages.get(message.instanceId);
    if (!page) return undefined;
    for (const [key, value] of Object.entries(message.changes))
      writePath(page.data, parseDataPath(key), structuredClone(value));
    return { pageId: message.instanceId, ...page };
  }

  clear(): void {
    this.pages.clear();
  }
}
