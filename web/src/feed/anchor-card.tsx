import type { Anchor } from '../api.ts';

/** A mini-program card on a video or in a live room: the app's icon, the title, a tap opens it. */
export function AnchorCard({ anchor, onTap }: { anchor: Anchor; onTap: () => void }) {
  return (
    <button type="button" className="anchor-card" data-testid="anchor-card" onClick={onTap}>
      {anchor.app_icon_url ? (
        <img className="anchor-icon" src={anchor.app_icon_url} alt="" />
      ) : (
        <span className="anchor-icon placeholder" aria-hidden="true">
          {anchor.app_name.slice(0, 1)}
        </span>
      )}
      <span className="anchor-text">
        <strong>{anchor.title}</strong>
        <small>{anchor.app_name} · mini program</small>
      </span>
      <span className="anchor-go" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
