/**
 * A one-line progress bar for stderr: redrawn in place on a terminal, and printed once at
 * the end otherwise (CI logs want one line, not hundreds).
 */
export function progressBar(total: number, write: (text: string) => void, terminal: boolean) {
  const width = 30;
  let last = -1;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const line = (sent: number) => {
    const share = total === 0 ? 1 : Math.min(1, sent / total);
    const filled = Math.round(share * width);
    return `Uploading [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${kb(sent)} / ${kb(total)}`;
  };
  return {
    update(sent: number) {
      const percent = Math.floor((sent / Math.max(total, 1)) * 100);
      if (!terminal || percent === last) return;
      last = percent;
      write(`\r${line(sent)}`);
    },
    done() {
      write(terminal ? `\r${line(total)}\n` : `${line(total)}\n`);
    },
  };
}
