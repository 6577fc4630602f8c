import type { HostCapabilities } from './host-capabilities.ts';

/** What opening a chat names: the page it came from (the card), its title, whether to show the card. */
export interface ChatOpening {
  path?: string | undefined;
  title?: string | undefined;
  showCard?: boolean | undefined;
}

/**
 * Asks the host to open the customer-service chat. Without a path the card is the page the
 * user is on (`currentUrl`), so the merchant sees where the question came from.
 *
 * @example
 * await openChat(host, { title: 'Order A-1' }, () => 'pages/result/result?orderId=A-1');
 */
export function openChat(
  host: HostCapabilities,
  opening: ChatOpening,
  currentUrl: () => string | undefined,
): Promise<void> {
  const path = (opening.path || currentUrl() || '').replace(/^\/+/, '');
  return host.openCustomerServiceChat({
    path,
    title: opening.title ?? '',
    showCard: opening.showCard !== false && path !== '',
  });
}
