import { HostRefusal } from '@plaza/runtime';

/**
 * `wx.getVideoInfo` in a browser: a `<video>` in the host page loads `src` to its metadata
 * (duration in seconds, frame size); the bytes and their type come from fetching it.
 */
export async function videoInfo(
  doc: Document,
  src: string,
): Promise<{ duration: number; width: number; height: number; type: string; size: number }> {
  const video = doc.createElement('video');
  video.preload = 'metadata';
  video.muted = true;
  const loaded = new Promise<void>((resolve, reject) => {
    video.onloadedmetadata = () => resolve();
    video.onerror = () => reject(new HostRefusal('invalid src: not a video this browser plays'));
  });
  video.src = src;
  const [blob] = await Promise.all([
    fetch(src).then(
      (response) =>
        response.ok ? response.blob() : Promise.reject(new HostRefusal(`invalid src: ${response.status}`)),
      () => Promise.reject(new HostRefusal('invalid src: download failed')),
    ),
    loaded,
  ]);
  const info = {
    duration: Number.isFinite(video.duration) ? video.duration : 0,
    width: video.videoWidth,
    height: video.videoHeight,
    // `video/mp4` → `mp4`, as the platforms name formats.
    type: blob.type.replace(/^video\//, '').replace(/;.*$/, ''),
    size: blob.size,
  };
  // Lets the player go: the host page keeps no decoder for it.
  video.removeAttribute('src');
  video.load();
  return info;
}
