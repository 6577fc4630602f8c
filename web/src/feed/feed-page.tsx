import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type FeedPage as FeedPageAnswer, type FeedVideo } from '../api.ts';
import { coarseLocation, locationQuery } from './coarse-location.ts';
import { type OpenAnchor, VideoCard } from './video-card.tsx';

/** The vertical full-screen feed: swipe (scroll-snap) from video to video; more load near the end. */
export function FeedPage({
  onOpen,
  onPlace,
}: {
  onOpen: (a: OpenAnchor) => void;
  onPlace: (poiId: string) => void;
}) {
  const [videos, setVideos] = useState<FeedVideo[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const near = useRef<Promise<string> | undefined>(undefined);
  const scroller = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(async () => {
    if (loading.current || cursor === null) return;
    loading.current = true;
    try {
      // Asked once per feed (a guest's pages lean to places near it), sent with every page.
      near.current ??= coarseLocation().then(locationQuery);
      const nearQuery = await near.current;
      const page = await api<FeedPageAnswer>(
        'GET',
        `/api/feed?limit=6${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}${nearQuery}`,
      );
      setVideos((v) => [...v, ...page.items.filter((n) => !v.some((o) => o.video_id === n.video_id))]);
      setCursor(page.next_cursor);
    } catch {
      setError('The feed could not be loaded');
    } finally {
      loading.current = false;
    }
  }, [cursor]);

  useEffect(() => {
    if (cursor === undefined) void loadMore();
  }, [cursor, loadMore]);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const index = Math.round(el.scrollTop / el.clientHeight);
    if (index !== active) setActive(index);
    if (index >= videos.length - 2) void loadMore();
  }

  if (error) return <p className="empty">{error}</p>;
  if (cursor !== undefined && videos.length === 0) return <p className="empty">No videos yet.</p>;
  return (
    <div className="feed" ref={scroller} onScroll={onScroll} data-testid="feed">
      {videos.map((v, i) => (
        <VideoCard key={v.video_id} video={v} active={i === active} onOpen={onOpen} onPlace={onPlace} />
      ))}
    </div>
  );
}
