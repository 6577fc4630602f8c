import { HostRefusal } from '@plaza/runtime';

/**
 * `previewImage`: the images full screen over the app, the current one first, each image
 * a step of a list the user pages through; Escape or the close button ends it.
 */
export function previewImages(layer: HTMLElement, urls: string[], current: string): void {
  const doc = layer.ownerDocument;
  const viewer = doc.createElement('div');
  viewer.className = 'plaza-preview';
  viewer.setAttribute('role', 'dialog');
  viewer.setAttribute('aria-modal', 'true');
  viewer.setAttribute('aria-label', 'Image preview');
  viewer.style.cssText =
    'position:absolute;inset:0;z-index:30;background:#000;display:flex;overflow-x:auto;scroll-snap-type:x mandatory';
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close preview');
  close.style.cssText =
    'position:absolute;top:8px;right:8px;z-index:1;font-size:24px;color:#fff;background:none;border:0';
  const end = () => viewer.remove();
  close.addEventListener('click', end);
  viewer.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') end();
  });
  viewer.append(close);
  urls.forEach((url, i) => {
    const img = doc.createElement('img');
    img.src = url;
    img.alt = `Image ${i + 1} of ${urls.length}`;
    img.style.cssText = 'flex:none;width:100%;height:100%;object-fit:contain;scroll-snap-align:center';
    viewer.append(img);
  });
  layer.append(viewer);
  const start = Math.max(0, urls.indexOf(current));
  viewer.scrollLeft = start * viewer.clientWidth;
  close.focus();
}

/** The size and kind of an image the host page can load. */
export function imageInfo(
  doc: Document,
  src: string,
): Promise<{ width: number; height: number; type: string }> {
  return new Promise((resolve, reject) => {
    const img = doc.createElement('img');
    img.onload = () =>
      resolve({
        width: img.naturalWidth,
        height: img.naturalHeight,
        type:
          (/^data:image\/([a-z]+)/i.exec(src) ??
            /\.(png|gif|webp|svg|bmp)(\?|#|$)/i.exec(src))?.[1]?.toLowerCase() ?? 'jpeg',
      });
    img.onerror = () => reject(new HostRefusal('download image fail'));
    img.src = src;
  });
}

/** Hands the user a file to keep (the browser's download), standing in for the photo album. */
export function offerDownload(
  doc: Document,
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  type: string,
): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * `chooseImage`/`chooseMedia`: a sheet whose button opens the browser's file picker (a click
 * of the user's is what lets it); resolves with the files chosen, rejects with `cancel`.
 */
export function chooseFiles(
  layer: HTMLElement,
  accept: string,
  count: number,
): Promise<Array<{ name: string; type: string; bytes: Uint8Array }>> {
  const doc = layer.ownerDocument;
  return new Promise((resolve, reject) => {
    const sheet = doc.createElement('div');
    sheet.className = 'plaza-action-sheet';
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('aria-label', 'Choose files');
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = count > 1;
    input.hidden = true;
    const pick = doc.createElement('button');
    pick.type = 'button';
    pick.textContent = accept.startsWith('video')
      ? 'Choose a video'
      : accept.startsWith('image')
        ? 'Choose from album'
        : 'Choose a file';
    const cancel = doc.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    const done = () => sheet.remove();
    pick.addEventListener('click', () => input.click());
    cancel.addEventListener('click', () => {
      done();
      reject(new HostRefusal('cancel'));
    });
    input.addEventListener('change', async () => {
      done();
      const files = Array.from(input.files ?? []).slice(0, count);
      if (files.length === 0) return reject(new HostRefusal('cancel'));
      resolve(
        await Promise.all(
          files.map(async (f) => ({
            name: f.name,
            type: f.type,
            bytes: new Uint8Array(await f.arrayBuffer()),
          })),
        ),
      );
    });
    sheet.append(input, pick, cancel);
    layer.append(sheet);
    pick.focus();
  });
}

/** Re-encodes an image the host page can load as JPEG, scaled down to `width` when given. */
export async function compressImage(
  doc: Document,
  src: string,
  quality: number,
  width?: number,
): Promise<string> {
  const img = doc.createElement('img');
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new HostRefusal('download image fail'));
    img.src = src;
  });
  const scale = width && width < img.naturalWidth ? width / img.naturalWidth : 1;
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', quality / 100).replace(/^data:[^,]*,/, '');
}
