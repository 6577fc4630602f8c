import type { Anchor, AnchorInput, AppCard } from './content.model.ts';
import type { AnchorRow, MountingMode } from './content.table.ts';
import { contentErrors } from './errors.ts';

const anchorPath = /^[A-Za-z0-9_\-./]+(\?[A-Za-z0-9_\-.~%=&+]*)?$/;

/** A page path inside the mini program: no way out of it, no scheme, no odd characters. */
export function validateAnchorShape(anchor: AnchorInput): void {
  const path = anchor.path.replace(/^\//, '');
  if (!anchorPath.test(path) || path.includes('..') || path.length > 512)
    throw contentErrors.ANCHOR_PATH_INVALID();
}

/** An anchor whose app can no longer be mounted disappears instead of breaking. */
export function anchorView(
  anchor: Pick<AnchorRow, 'appid' | 'title' | 'path'> | undefined,
  cards: Map<string, AppCard>,
): Anchor | null {
  if (!anchor) return null;
  const card = cards.get(anchor.appid);
  if (!card) return null;
  return {
    appid: anchor.appid,
    appName: card.name,
    appIconUrl: card.iconUrl,
    title: anchor.title,
    path: anchor.path,
  };
}

/**
 * Whether a creator may mount an app that is mountable at all: any creator when the app is
 * open to everyone (UGC mounting), otherwise only a creator the app authorised
 * (influencer mounting). Videos and live rooms both ask this.
 */
export function creatorMayMount(mode: MountingMode, authorised: boolean): boolean {
  return mode === 'open' || authorised;
}
