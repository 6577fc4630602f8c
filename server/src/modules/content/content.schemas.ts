import type * as Wire from '@plaza/api-types/platform';
import { z } from 'zod';
import type { Anchor, Poi, Video } from './content.model.ts';

/** HTTP shapes of the content routes (snake_case on the wire) and the mapping to them. */
export const anchorJson = z.object({
  appid: z.string(),
  app_name: z.string(),
  app_icon_url: z.string().nullable(),
  title: z.string(),
  path: z.string(),
});
export const videoJson = z.object({
  video_id: z.string(),
  caption: z.string(),
  creator: z.object({ id: z.string(), name: z.string() }),
  video_url: z.string(),
  cover_url: z.string(),
  video_type: z.string(),
  likes: z.number(),
  plays: z.number(),
  created_at: z.string(),
  anchor: anchorJson.nullable(),
  place: z.object({ poi_id: z.string(), name: z.string() }).nullable(),
});
export const anchorInput = z.strictObject({
  appid: z.string().min(1).max(64),
  title: z.string().min(1).max(60),
  path: z.string().min(1).max(512),
});
export const idParam = z.object({ id: z.string().min(1).max(64) });
// PostgreSQL cannot store U+0000 in text; JSON bodies are checked centrally, multipart fields here.
export const textField = z
  .string()
  .max(1000, 'A field is too long')
  .refine((v) => !v.includes('\u0000'), 'must not contain the NUL character');

export const poiJson = z.object({
  poi_id: z.string(),
  name: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  anchors: z.array(anchorJson),
});

function toAnchorJson(anchor: Anchor): z.infer<typeof anchorJson> {
  return {
    appid: anchor.appid,
    app_name: anchor.appName,
    app_icon_url: anchor.appIconUrl,
    title: anchor.title,
    path: anchor.path,
  };
}

export function toVideoJson(video: Video): z.infer<typeof videoJson> {
  return {
    video_id: video.id,
    caption: video.caption,
    creator: video.creator,
    video_url: `/api/videos/${video.id}/file`,
    cover_url: `/api/videos/${video.id}/cover`,
    video_type: video.videoType,
    likes: video.likes,
    plays: video.plays,
    created_at: new Date(video.createdAt).toISOString(),
    anchor: video.anchor && toAnchorJson(video.anchor),
    place: video.place && { poi_id: video.place.poiId, name: video.place.name },
  };
}

export function toPoiJson(poi: Poi): z.infer<typeof poiJson> {
  return {
    poi_id: poi.id,
    name: poi.name,
    address: poi.address,
    lat: poi.lat,
    lng: poi.lng,
    anchors: poi.anchors.map(toAnchorJson),
  };
}

// The shapes clients read come from @plaza/api-types: these schemas must describe them exactly.
const sameVideo: Wire.SameShape<z.infer<typeof videoJson>, Wire.FeedVideo> = true;
const samePoi: Wire.SameShape<z.infer<typeof poiJson>, Wire.Poi> = true;
void [sameVideo, samePoi];
