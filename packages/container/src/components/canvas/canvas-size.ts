/** Sizes a canvas's pixels to its box at the device's ratio (which clears it) when they differ. */
export function fitCanvas(el: HTMLCanvasElement): void {
  const ratio = el.ownerDocument.defaultView?.devicePixelRatio ?? 1;
  const width = Math.round((el.clientWidth || 300) * ratio);
  const height = Math.round((el.clientHeight || 150) * ratio);
  if (el.width !== width) el.width = width;
  if (el.height !== height) el.height = height;
}
