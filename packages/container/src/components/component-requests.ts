/**
 * What a built-in component may ask of the host page, outside the program's protocol: the code
 * of a component loaded on first use, the user's consent to the camera, the profile shown by
 * `open-data`, and the navigation chrome `navigation-bar` drives. The host answers each on the
 * page frame's control port and applies its own permissions.
 */
export type ComponentRequest =
  | { kind: 'code'; name: string }
  | { kind: 'camera'; facing: 'user' | 'environment'; width: number; height: number }
  | { kind: 'open-data' }
  | { kind: 'media'; url: string; rangeStart?: number; rangeEnd?: number }
  | { kind: 'map-tiles' }
  | { kind: 'map-tile'; url: string }
  | {
      kind: 'navigation-bar';
      title?: string;
      frontColor?: string;
      backgroundColor?: string;
      loading?: boolean;
    };

/** The profile `open-data` shows; null when the user has not consented. */
export interface OpenDataProfile {
  nickName: string;
  avatarUrl: string;
  gender: number;
  city: string;
  province: string;
  country: string;
  language: string;
}

/**
 * The camera as the host hands it over: an opaque-origin frame may not open a camera itself,
 * so the host opens it (after the user's consent) and transfers its frames.
 */
export interface CameraFeed {
  frames: ReadableStream<ImageBitmap>;
  width: number;
  height: number;
}

/** The operator's raster tiles for `map` (`https://tiles.example.com/{z}/{x}/{y}.png`). */
export interface MapTiles {
  tiles: string[];
  tileSize?: number;
  attribution?: string;
  maxzoom?: number;
}

/** A piece of a media stream (an HLS playlist or segment) the host fetched for the page. */
export interface MediaPiece {
  url: string;
  status: number;
  data: ArrayBuffer;
}

/** Asks the host; rejects with the host's reason. */
export type AskHost = (request: ComponentRequest) => Promise<unknown>;

/** An `ask` for a view with no host behind it (unit tests, a view rendered alone). */
export const noHost: AskHost = (request) => Promise.reject(new Error(`${request.kind}: no host`));
