import { useEffect, useState } from 'react';
import { api, type FeedVideo } from '../api.ts';
import { type OpenAnchor, VideoCard } from '../feed/video-card.tsx';

/** One video opened from a search result, played as the feed plays it, anchor card included. */
export function VideoSheet({
  videoId,
  onOpen,
  onClose,
}: {
  videoId: string;
  onOpen: (a: OpenAnchor) => void;
  onClose: () => void;
}) {
  const [video, setVideo] = useState<FeedVideo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<FeedVideo>('GET', `/api/videos/${encodeURIComponent(videoId)}`).then(setVideo, () =>
      setError('This video is no longer available'),
    );
  }, [videoId]);
  return (
    <div className="video-sheet" data-testid="video-sheet">
      <button type="button" className="search-back video-sheet-back" aria-label="Back" onClick={onClose}>
        ‹
      </button>
      {error && <p className="search-empty">{error}</p>}
      {video && <VideoCard video={video} active onOpen={onOpen} />}
    </div>
  );
}
