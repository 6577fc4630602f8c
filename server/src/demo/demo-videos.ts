import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One short demo clip: a caption in two scripts over a coloured, moving scene. */
export interface DemoClip {
  caption: string;
  /** The dish, drawn in the picture (short enough for a phone-width frame). */
  dish: string;
  /** The dish's name in Chinese, drawn large when a CJK font is installed. */
  title: string;
  color: string;
  seconds: number;
  anchorTitle: string;
  creator: number;
}

export const demoClips: DemoClip[] = [
  {
    caption: '手工牛肉拉面，现点现拉 · Hand-pulled beef noodles, made to order',
    dish: 'Hand-pulled beef noodles',
    title: '手工牛肉拉面',
    color: '0xB5441B',
    seconds: 4,
    anchorTitle: '点一碗牛肉拉面',
    creator: 0,
  },
  {
    caption: '麻辣担担面，20分钟送到 · Spicy dan dan noodles in 20 minutes',
    dish: 'Spicy dan dan noodles',
    title: '担担面',
    color: '0x8E2C1F',
    seconds: 3,
    anchorTitle: '担担面外卖',
    creator: 1,
  },
  {
    caption: '招牌卤肉饭 · Braised pork rice bowl, our bestseller',
    dish: 'Braised pork rice bowl',
    title: '卤肉饭',
    color: '0x6B4E16',
    seconds: 5,
    anchorTitle: '点卤肉饭',
    creator: 0,
  },
  {
    caption: '深夜饺子，来自Plaza面馆 · Late-night dumplings from Plaza Noodle House',
    dish: 'Late-night dumplings',
    title: '夜宵饺子',
    color: '0x1F4E79',
    seconds: 4,
    anchorTitle: '进店看看',
    creator: 1,
  },
];

/** The clip the demo's live room loops (a keyframe every second, for 1 s HLS segments). */
export const demoLiveClip: DemoClip = {
  caption: '直播：现场拉面 · Live: noodles pulled right now',
  dish: 'LIVE from the kitchen',
  title: '直播拉面',
  color: '0x7A1F3D',
  seconds: 6,
  anchorTitle: '外卖下单 · Order takeout',
  creator: 0,
};

const cjkFonts = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
];
const latinFonts = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
];

/** Whether Debian's ffmpeg (which `.ci/run` installs) is on the PATH. */
export async function ffmpegAvailable(): Promise<boolean> {
  try {
    await run('ffmpeg', ['-hide_banner', '-version']);
    return true;
  } catch {
    return false;
  }
}

/** drawtext needs a quoted value; ':' and '\'' are its separators. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, '\u2019').replace(/:/g, '\\:')}'`;
}

/**
 * Renders a clip as a 540×960 H.264 MP4 (yuv420p, faststart: it plays in every browser
 * and starts before it has fully loaded) and a JPEG cover from its first second.
 *
 * @example
 * const { video, cover } = await renderClip(demoClips[0]);
 */
export async function renderClip(clip: DemoClip): Promise<{ video: Buffer; cover: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'plaza-demo-clip-'));
  try {
    const cjk = cjkFonts.find((f) => existsSync(f));
    const latin = latinFonts.find((f) => existsSync(f)) ?? cjk;
    const font = (file: string | undefined) => (file ? `fontfile=${file}:` : '');
    const filters = [
      // A bowl, and steam rising from it: enough motion to see that the video plays.
      `drawbox=x=(iw-360)/2:y=560:w=360:h=150:color=white@0.85:t=fill`,
      `drawtext=${font(latin)}text='~  ~  ~':fontcolor=white@0.7:fontsize=64:x=(w-text_w)/2:y='520-60*mod(t,1)'`,
      ...(cjk
        ? [`drawtext=${font(cjk)}text=${quoted(clip.title)}:fontcolor=white:fontsize=84:x=(w-text_w)/2:y=220`]
        : []),
      `drawtext=${font(latin)}text=${quoted(clip.dish)}:fontcolor=white:fontsize=36:x=(w-text_w)/2:y=360`,
      `drawtext=${font(latin)}text=${quoted('Plaza Noodle House')}:fontcolor=white@0.8:fontsize=26:x=(w-text_w)/2:y=h-220`,
    ];
    const video = join(dir, 'clip.mp4');
    const cover = join(dir, 'cover.jpg');
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=${clip.color}:s=540x960:r=25:d=${clip.seconds}`,
      '-vf',
      filters.join(','),
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      // A keyframe every second: seeking is quick, and the live room cuts 1 s HLS segments from it.
      '-g',
      '25',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      '-an',
      video,
    ]);
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-ss',
      '1',
      '-i',
      video,
      '-frames:v',
      '1',
      '-q:v',
      '4',
      cover,
    ]);
    return { video: await readFile(video), cover: await readFile(cover) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
