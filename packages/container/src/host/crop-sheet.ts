import { HostRefusal } from '@plaza/runtime';
import { openSheet } from './sheet-frame.ts';

/** The ratios the dialects offer (`cropScale`), and the free one of the editor. */
const RATIOS = ['free', '1:1', '4:3', '3:4', '16:9', '9:16', '5:4', '4:5'];
/** The longest side of the picture on the sheet, in CSS pixels. */
const VIEW = 280;

/** A crop in the image's own pixels. */
export interface CropBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The largest box of `ratio` (`w:h`, or `free` for the whole image) centred in the image,
 * scaled by `size` (0–1] about its centre.
 */
export function cropBox(imageWidth: number, imageHeight: number, ratio: string, size = 1): CropBox {
  const [w, h] = ratio === 'free' ? [imageWidth, imageHeight] : ratio.split(':').map(Number);
  const fit = Math.min(imageWidth / w!, imageHeight / h!) * size;
  const width = Math.max(1, Math.round(w! * fit));
  const height = Math.max(1, Math.round(h! * fit));
  return {
    x: Math.round((imageWidth - width) / 2),
    y: Math.round((imageHeight - height) / 2),
    width,
    height,
  };
}

const clamp = (value: number, max: number) => Math.min(Math.max(0, value), Math.max(0, max));

/**
 * `wx.cropImage` and `wx.editImage`: the host's sheet shows the image with a crop box the
 * user drags and sizes (and, without a fixed `scale`, shapes by ratio); Crop answers the
 * cropped image as a PNG in base64, Cancel rejects with `cancel`.
 */
export async function cropImage(layer: HTMLElement, src: string, scale?: string): Promise<string> {
  const doc = layer.ownerDocument;
  const img = doc.createElement('img');
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new HostRefusal('invalid src: not an image'));
    img.src = src;
  });
  const { naturalWidth: iw, naturalHeight: ih } = img;
  const zoom = Math.min(1, VIEW / Math.max(iw, ih));
  const sheet = openSheet(layer, scale ? 'Crop' : 'Edit image', 'plaza-crop');
  const stage = doc.createElement('div');
  stage.className = 'plaza-crop-stage';
  stage.style.cssText = `position:relative;margin:8px auto;width:${iw * zoom}px;height:${ih * zoom}px;touch-action:none;overflow:hidden`;
  img.style.cssText = 'width:100%;height:100%;display:block';
  const frame = doc.createElement('div');
  frame.className = 'plaza-crop-box';
  frame.setAttribute('aria-label', 'Crop box');
  frame.style.cssText =
    'position:absolute;box-sizing:border-box;border:2px solid #fff;box-shadow:0 0 0 999px rgba(0,0,0,.5);cursor:move';
  stage.append(img, frame);
  const size = doc.createElement('input');
  size.type = 'range';
  size.min = '10';
  size.max = '100';
  size.value = '100';
  size.setAttribute('aria-label', 'Crop size');
  const controls: HTMLElement[] = [stage, size];
  let ratio = scale ?? 'free';
  if (!scale) {
    const shape = doc.createElement('select');
    shape.setAttribute('aria-label', 'Ratio');
    for (const r of RATIOS) shape.add(new Option(r === 'free' ? 'Original' : r, r));
    shape.addEventListener('change', () => {
      ratio = shape.value;
      reshape();
    });
    controls.push(shape);
  }
  sheet.actions.before(...controls);
  let box = cropBox(iw, ih, ratio);
  const draw = () => {
    frame.style.left = `${box.x * zoom}px`;
    frame.style.top = `${box.y * zoom}px`;
    frame.style.width = `${box.width * zoom}px`;
    frame.style.height = `${box.height * zoom}px`;
  };
  const reshape = () => {
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    box = cropBox(iw, ih, ratio, Number(size.value) / 100);
    box.x = Math.round(clamp(centre.x - box.width / 2, iw - box.width));
    box.y = Math.round(clamp(centre.y - box.height / 2, ih - box.height));
    draw();
  };
  size.addEventListener('input', reshape);
  frame.addEventListener('pointerdown', (down) => {
    const start = { ...box };
    frame.setPointerCapture?.(down.pointerId);
    const move = (event: PointerEvent) => {
      box.x = Math.round(clamp(start.x + (event.clientX - down.clientX) / zoom, iw - box.width));
      box.y = Math.round(clamp(start.y + (event.clientY - down.clientY) / zoom, ih - box.height));
      draw();
    };
    const up = () => {
      frame.removeEventListener('pointermove', move);
      frame.removeEventListener('pointerup', up);
    };
    frame.addEventListener('pointermove', move);
    frame.addEventListener('pointerup', up);
  });
  draw();
  return new Promise<string>((resolve, reject) => {
    sheet.button('Cancel').addEventListener('click', () => {
      sheet.close();
      reject(new HostRefusal('cancel'));
    });
    sheet.button('Crop', 'submit');
    sheet.form.addEventListener('submit', (event) => {
      event.preventDefault();
      sheet.close();
      const canvas = doc.createElement('canvas');
      canvas.width = box.width;
      canvas.height = box.height;
      canvas
        .getContext('2d')
        ?.drawImage(img, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
      resolve(canvas.toDataURL('image/png').replace(/^data:[^,]*,/, ''));
    });
  });
}
