import type { HostCapabilities } from './host-capabilities.ts';

/**
 * `wx.enableAlertBeforeUnload`: the pages that ask the user before they leave by the back
 * button (the navigation bar's or the host's back), with the question each asks. As on the
 * platforms, the program's own `wx.navigateBack` leaves without asking.
 */
export class UnloadAlerts {
  private readonly messages = new Map<string, string>();

  set(pageId: string, message: string): void {
    this.messages.set(pageId, message);
  }

  asks(pageId: string): boolean {
    return this.messages.has(pageId);
  }

  clear(pageId: string): void {
    this.messages.delete(pageId);
  }

  /** Whether the user, asked if the page set a question, chose to leave it. */
  async confirmLeave(pageId: string, host: HostCapabilities): Promise<boolean> {
    const message = this.messages.get(pageId);
    if (message === undefined) return true;
    const answer = await host.showModal({
      title: '',
      content: message,
      showCancel: true,
      cancelText: '取消',
      confirmText: '确定',
    });
    return answer.confirm;
  }
}
