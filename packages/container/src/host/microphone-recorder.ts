import { type HostCapabilities, HostRefusal, type RecorderEvent } from '@plaza/runtime';

/**
 * The app's recorder in the host page: the microphone through `getUserMedia` (the frames get
 * no microphone), recorded with `MediaRecorder` in the browser's own format. A recording stops
 * at `stop` or after its duration; its bytes go to the program as a `Recorder` event. One
 * recording at a time, as on the platforms.
 */
export function microphoneRecorder(
  view: (Window & typeof globalThis) | null,
  emit: (event: RecorderEvent) => void,
  toBase64: (bytes: Uint8Array) => string,
): HostCapabilities['recorder'] {
  let current:
    | { recorder: MediaRecorder; stream: MediaStream; timer: ReturnType<typeof setTimeout> }
    | undefined;
  return async ({ action, duration }) => {
    if (action === 'start') {
      if (current) throw new HostRefusal('is recording');
      if (!view?.navigator.mediaDevices?.getUserMedia || !('MediaRecorder' in view))
        throw new HostRefusal('not supported');
      let stream: MediaStream;
      try {
        stream = await view.navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (error) {
        throw new HostRefusal(`the microphone is not available: ${(error as Error).message}`);
      }
      const recorder = new view.MediaRecorder(stream);
      const chunks: Blob[] = [];
      let started = 0;
      let recorded = 0;
      recorder.ondataavailable = (event) => chunks.push(event.data);
      recorder.onstart = () => {
        started = view.performance.now();
      };
      recorder.onpause = () => {
        recorded += view.performance.now() - started;
      };
      recorder.onresume = () => {
        started = view.performance.now();
      };
      recorder.onstop = async () => {
        if (recorder.state !== 'inactive') return;
        recorded += started ? view.performance.now() - started : 0;
        const blob = new Blob(chunks, { type: recorder.mimeType });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        emit({
          kind: 'stop',
          data: toBase64(bytes),
          type: recorder.mimeType,
          duration: Math.round(recorded),
        });
      };
      recorder.onerror = () => emit({ kind: 'error', errMsg: 'recording failed' });
      const timer = setTimeout(() => finish(), duration);
      current = { recorder, stream, timer };
      recorder.start();
      return;
    }
    if (!current) throw new HostRefusal('is not recording');
    if (action === 'pause') current.recorder.pause();
    else if (action === 'resume') current.recorder.resume();
    else finish();
  };

  function finish(): void {
    if (!current) return;
    const { recorder, stream, timer } = current;
    current = undefined;
    clearTimeout(timer);
    recorder.stop();
    for (const track of stream.getTracks()) track.stop();
  }
}
