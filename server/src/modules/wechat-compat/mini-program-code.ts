import QRCode from 'qrcode';

/** The super app's link that opens an app at a page: what a scanned mini-program code holds. */
export function openAppLink(publicUrl: string, appid: string, pageWithQuery: string): string {
  const q = new URLSearchParams({ open: appid, path: pageWithQuery });
  return `${publicUrl}/?${q.toString()}`;
}

/** A page path as WeChat takes it: no leading slash, no scheme, printable. */
export function pagePathProblem(page: string): boolean {
  return page.startsWith('/') || /[\s\\]|:\/\//.test(page) || page.length > 256;
}

/** WeChat's `line_color` `{r, g, b}` as a hex colour. */
function hex(c: { r: number; g: number; b: number }): string {
  return `#${[c.r, c.g, c.b]
    .map((v) =>
      Math.min(255, Math.max(0, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}ff`;
}

/**
 * A PNG QR code of the link, `width` pixels wide (WeChat takes 280–1280), dark on white,
 * or on transparent when `hyaline`.
 */
export function renderMiniProgramCode(
  link: string,
  options: { width: number; lineColor?: { r: number; g: number; b: number }; hyaline?: boolean },
): Promise<Buffer> {
  return QRCode.toBuffer(link, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    width: Math.min(1280, Math.max(280, Math.round(options.width))),
    color: {
      dark: options.lineColor ? hex(options.lineColor) : '#000000ff',
      light: options.hyaline ? '#ffffff00' : '#ffffffff',
    },
  });
}
