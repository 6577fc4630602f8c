import type { AppsService } from '../apps/index.ts';
import type { ContentService, Poi, Video } from '../content/index.ts';
import type { SearchDocumentInput, SearchService } from './search.service.ts';

/**
 * Keeps the index in step with the modules that own what is searched: the composition
 * root passes their services through here, and every change that alters a searchable
 * thing (a video published or removed, a store created, a creator named, an app edited or
 * taken down) reindexes it in the same request, so a result appears, or goes, at once.
 */

type Method<T, K extends keyof T> = T[K] extends (...args: infer A) => Promise<infer R>
  ? (...args: A) => Promise<R>
  : never;

/** Runs `after` once the service's own method succeeded; the method keeps its `this`. */
function after<T extends object, K extends keyof T>(
  service: T,
  name: K,
  then: (result: Awaited<ReturnType<Method<T, K>>>, ...args: Parameters<Method<T, K>>) => Promise<void>,
): void {
  const original = service[name] as unknown as Method<T, K>;
  const wrapped = async (...args: Parameters<Method<T, K>>) => {
    const result = await original.apply(service, args);
    await then(result as Awaited<ReturnType<Method<T, K>>>, ...args);
    return result;
  };
  (service as Record<K, unknown>)[name] = wrapped;
}

export function videoDocument(v: Video): SearchDocumentInput {
  return {
    kind: 'video',
    refId: v.id,
    appid: v.anchor?.appid ?? null,
    title: v.caption,
    subtitle: v.creator.name,
    text: [v.creator.name, ...(v.anchor ? [v.anchor.title, v.anchor.appName] : [])],
    target: { video: v.id },
    createdAt: v.createdAt,
  };
}

export function indexContentChanges(content: ContentService, search: SearchService, now: () => number): void {
  after(content, 'publishVideo', async (video) => search.index([videoDocument(video)]));
  after(content, 'removeVideo', async (_none, id) => search.remove([{ kind: 'video', refId: id }]));
  after(content, 'takeDownVideo', async (_video, id) => search.remove([{ kind: 'video', refId: id }]));
  after(content, 'reinstateVideo', async (_video, id) =>
    search.index([videoDocument(await content.getVideo(id))]),
  );
  after(content, 'becomeCreator', async (_none, userId, displayName) =>
    search.index([
      {
        kind: 'creator',
        refId: userId,
        title: displayName,
        text: [],
        target: { creator: userId },
        createdAt: now(),
      },
    ]),
  );
  const poiDocument = (poi: Poi): SearchDocumentInput => ({
    kind: 'poi',
    refId: poi.id,
    title: poi.name,
    subtitle: poi.address,
    text: [poi.address, ...poi.anchors.flatMap((a) => [a.title, a.appName])],
    target: { poi: poi.id },
    lat: poi.lat,
    lng: poi.lng,
    createdAt: now(),
  });
  after(content, 'createPoi', async (poi) => search.index([poiDocument(poi)]));
  after(content, 'updatePoi', async (poi) => search.index([poiDocument(poi)]));
}

export function indexAppChanges(apps: AppsService, search: SearchService): void {
  after(apps, 'create', async (created) => search.indexApp(created.app.appid));
  after(apps, 'update', async (app) => search.indexApp(app.appid));
  after(apps, 'takeDown', async (app) => search.indexApp(app.appid));
  after(apps, 'reinstate', async (app) => search.indexApp(app.appid));
}
