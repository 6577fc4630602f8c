import Hls from 'hls.js';
import { useEffect, useRef } from 'react';

/**
 * Plays a room's HLS playlist: with hls.js where the browser has no HLS of its own
 * (Chromium), natively where it has (Safari). Live rooms start near the live edge; a
 * replay plays from its start.
 */
export function LivePlayer({ src, live }: { src: string; live: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    const play = () => void video.play().catch(() => undefined);
    if (Hls.isSupported()) {
      const hls = new Hls({ liveSyncDurationCount: 2, lowLatencyMode: false });
      hls.on(Hls.Events.MANIFEST_PARSED, play);
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        // A fatal network error in a live room is often a segment not yet pushed: try again.
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
        else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
        else console.error('live player', data.details);
      });
      hls.loadSource(src);
      hls.attachMedia(video);
      return () => hls.destroy();
    }
    video.src = src;
    video.addEventListener('loadedmetadata', play);
    return () => video.removeEventListener('loadedmetadata', play);
  }, [src]);
  return (
    <video
      ref={ref}
      className="live-video"
      data-testid="live-video"
      data-live={live ? 'true' : 'false'}
      muted
      playsInline
      autoPlay
    />
  );
}
