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

/** What the platform knows of a creator about to mount an app. */
export interface MountingCreator {
  /** A creator account the app's org named as its own, confirmed by the creator. */
  ownAccount: boolean;
  /** A creator the app authorised (its list). */
  authorised: boolean;
}

/**
 * Whether a creator may mount an app that is mountable at all, as on Douyin: any creator
 * under UGC mounting; the app's own accounts and the creators it authorised under
 * influencer mounting; only its own accounts under self-operated mounting. Videos and live
 * rooms both ask this; the refusal names the mode.
 */
export function mountingRefusal(
  mode: MountingMode,
  creator: MountingCreator,
): 'not_own' | 'not_authorised' | null {
  if (mode === 'ugc') return null;
  if (creator.ownAccount) return null;
  if (mode === 'self_operated') return 'not_own';
  return creator.authorised ? null : 'not_authorised';
}
