import { useEffect, useRef, useState } from 'react';
import { api, type FeedReason, type FeedVideo } from '../api.ts';
import { useSession } from '../session.tsx';
import { AnchorCard } from './anchor-card.tsx';
import { feedEvents } from './event-batcher.ts';

/** "Why am I seeing this", in the viewer's words, per recommendation source. */
const reasonText: Record<FeedReason, string> = {
  followed: 'From a creator you follow',
  covisit: 'People who liked what you watched liked this',
  creator: 'From a creator you watch',
  app: 'From a shop you use',
  category: 'Because you like this topic',
  poi: 'Near a place you visit',
  fresh: 'New here: picked for people who like this topic',
  daytime: 'Popular at this time of day',
  popular: 'Popular now',
};

export interface OpenAnchor {
  appid: string;
  appName: string;
  iconUrl: string | null;
  path: string;
}

/** One full-screen video: plays while it is on screen, with caption, like and the anchor card. */
export function VideoCard({
  video,
  active,
  onOpen,
  onPlace,
}: {
  video: FeedVideo & { why?: FeedReason };
  active: boolean;
  onOpen: (a: OpenAnchor) => void;
  /** Opens a place's (POI's) page; without it the place is only named. */
  onPlace?: (poiId: string) => void;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  const [likes, setLikes] = useState(video.likes);
  const [liked, setLiked] = useState(false);
  // A page proposed by a followed creator already says so; following is not undone here.
  const [following, setFollowing] = useState(video.why === 'followed');
  const [shared, setShared] = useState<'idle' | 'shared' | 'copied'>('idle');
  const { requireUser } = useSession();
  const shown = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (active) {
      if (!shown.current) {
        shown.current = true;
        feedEvents.track('impression', { video_id: video.video_id });
        if (video.anchor)
          feedEvents.track('anchor_exposure', { video_id: video.video_id, appid: video.anchor.appid });
      }
      el.currentTime = 0;
      void el.play().catch(() => {
        // Autoplay with sound may be refused; muted playback is always allowed.
        el.muted = true;
        void el.play().catch(() => undefined);
      });
    } else {
      el.pause();
    }
  }, [active, video]);

  async function toggleLike() {
    const user = await requireUser();
    if (!user) return;
    const next = !liked;
    const res = await api<{ likes: number; liked: boolean }>(
      next ? 'POST' : 'DELETE',
      `/api/videos/${video.video_id}/like`,
    );
    setLikes(res.likes);
    setLiked(res.liked);
    if (next) feedEvents.track('like', { video_id: video.video_id });
  }

  async function follow() {
    const user = await requireUser();
    if (!user) return;
    setFollowing(true);
    feedEvents.track('follow', { video_id: video.video_id });
  }

  /** The system share sheet where there is one, else the link to the clipboard; counted once done. */
  async function share() {
    const url = `${location.origin}/?video=${encodeURIComponent(video.video_id)}`;
    try {
      if (navigator.share) {
        await navigator.share({ title: video.caption, url });
        setShared('shared');
      } else {
        await navigator.clipboard.writeText(url);
        setShared('copied');
      }
    } catch {
      // Dismissed or refused: nothing was shared, so nothing is counted.
      return;
    }
    feedEvents.track('share', { video_id: video.video_id });
  }

  return (
    <section className="video-card" data-video-id={video.video_id} aria-label={video.caption}>
      <video
        ref={ref}
        className="video"
        src={video.video_url}
        poster={video.cover_url}
        loop={false}
        muted
        playsInline
        preload={active ? 'auto' : 'metadata'}
        onPlay={() => feedEvents.track('play', { video_id: video.video_id })}
        onEnded={() => {
          feedEvents.track('complete', { video_id: video.video_id });
          const el = ref.current;
          if (el && active) {
            el.currentTime = 0;
            void el.play().catch(() => undefined);
          }
        }}
      />
      <div className="video-side">
        <button
          type="button"
          className={`like ${liked ? 'liked' : ''}`}
          aria-pressed={liked}
          aria-label="Like"
          onClick={() => void toggleLike()}
        >
          <span aria-hidden="true">♥</span>
          <span className="count">{likes}</span>
        </button>
        <button
          type="button"
          className={`side-action follow ${following ? 'on' : ''}`}
          aria-pressed={following}
          aria-label={following ? `Following @${video.creator.name}` : `Follow @${video.creator.name}`}
          onClick={() => void follow()}
          disabled={following}
        >
          <span aria-hidden="true">{following ? '✓' : '+'}</span>
          <span className="count">{following ? 'Following' : 'Follow'}</span>
        </button>
        <button type="button" className="side-action share" aria-label="Share" onClick={() => void share()}>
          <span aria-hidden="true">↗</span>
          <span className="count" role="status">
            {shared === 'copied' ? 'Link copied' : shared === 'shared' ? 'Shared' : 'Share'}
          </span>
        </button>
      </div>
      <div className="video-meta">
        <p className="creator">@{video.creator.name}</p>
        <p className="caption">{video.caption}</p>
        {video.why && <p className="why">{reasonText[video.why]}</p>}
        {video.place && (
          <button
            type="button"
            className="video-place"
            data-testid="video-place"
            disabled={!onPlace}
            onClick={() => video.place && onPlace?.(video.place.poi_id)}
          >
            <span className="video-place-pin" aria-hidden="true" />
            <span className="video-place-name">{video.place.name}</span>
          </button>
        )}
        {video.anchor && (
          <AnchorCard
            anchor={video.anchor}
            onTap={() => {
              const a = video.anchor;
              if (!a) return;
              feedEvents.track('anchor_click', { video_id: video.video_id, appid: a.appid });
              onOpen({ appid: a.appid, appName: a.app_name, iconUrl: a.app_icon_url, path: a.path });
            }}
          />
        )}
      </div>
    </section>
  );
}
