import { type AudioEvent, type HostCapabilities, HostRefusal } from '@plaza/runtime';

/**
 * The program's audio, played by the host page: one `<audio>` element per audio the program
 * made, its events reported back (`emit`). Only network and data URLs play.
 */
export function audioPlayer(
  doc: Document,
  emit: (event: AudioEvent) => void,
): HostCapabilities['audioCommand'] {
  const players = new Map<number, HTMLAudioElement>();
  const playerFor = (id: number) => {
    let audio = players.get(id);
    if (audio) return audio;
    if (players.size >= 10) throw new HostRefusal('too many audios: at most 10 at once');
    audio = doc.createElement('audio');
    audio.preload = 'auto';
    const report = (kind: AudioEvent['kind']) => () =>
      emit({
        id,
        kind,
        currentTime: audio!.currentTime,
        duration: Number.isFinite(audio!.duration) ? audio!.duration : 0,
      });
    audio.addEventListener('canplay', report('Canplay'));
    audio.addEventListener('play', report('Play'));
    audio.addEventListener('pause', report('Pause'));
    audio.addEventListener('ended', report('Ended'));
    audio.addEventListener('timeupdate', report('TimeUpdate'));
    audio.addEventListener('waiting', report('Waiting'));
    audio.addEventListener('seeking', report('Seeking'));
    audio.addEventListener('seeked', report('Seeked'));
    audio.addEventListener('error', () => emit({ id, kind: 'Error', errMsg: 'audio could not be played' }));
    players.set(id, audio);
    return audio;
  };
  return async ({ id, action, props, value }) => {
    if (props.src && !/^(https?:|data:audio\/)/.test(props.src))
      throw new HostRefusal(`invalid src "${props.src}"`);
    const audio = playerFor(id);
    if (action === 'destroy') {
      audio.pause();
      audio.removeAttribute('src');
      players.delete(id);
      return;
    }
    if (props.src && audio.getAttribute('src') !== props.src) {
      audio.src = props.src;
      audio.currentTime = props.startTime;
    }
    audio.loop = props.loop;
    audio.autoplay = props.autoplay;
    audio.volume = Math.min(1, Math.max(0, props.volume));
    audio.playbackRate = props.playbackRate > 0 ? props.playbackRate : 1;
    switch (action) {
      case 'play':
        await audio.play().catch((error: Error) => {
          throw new HostRefusal(error.message);
        });
        return;
      case 'pause':
        audio.pause();
        return;
      case 'stop':
        audio.pause();
        audio.currentTime = 0;
        emit({ id, kind: 'Stop', currentTime: 0 });
        return;
      case 'seek':
        audio.currentTime = value ?? 0;
        return;
    }
  };
}
