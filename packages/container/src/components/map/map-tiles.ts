/**
 * The tiles beneath a `map` when the operator configured a tile source: MapLibre GL draws them,
 * following the surface's centre and scale (its gestures stay the surface's). Loaded only then,
 * by the map component; tiles come through the host, which fetches them only from the
 * operator's tile servers (the page frame has no network).
 */
import { addProtocol, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import type { AskHost, MapTiles, MediaPiece } from '../component-requests.ts';
import { defineLazyComponent } from '../lazy-component.ts';
import type { LatLng } from './web-mercator.ts';

// The worker's code, bundled beside this module (see build-bundles.ts).
declare const __MAPLIBRE_WORKER__: string;

/** What the map component drives. */
export interface TileLayer {
  show(center: LatLng, scale: number): void;
}

export type TileLayerFactory = (container: HTMLElement, tiles: MapTiles, ask: AskHost) => TileLayer;

const PROTOCOL = 'plaza-tile';
let prepared: AskHost | undefined;

function prepare(ask: AskHost): void {
  if (prepared) return;
  prepared = ask;
  setWorkerUrl(URL.createObjectURL(new Blob([__MAPLIBRE_WORKER__], { type: 'text/javascript' })));
  addProtocol(PROTOCOL, async (params) => {
    const piece = (await ask({ kind: 'map-tile', url: params.url.slice(PROTOCOL.length + 3) })) as MediaPiece;
    return { data: piece.data };
  });
}

const createTileLayer: TileLayerFactory = (container, tiles, ask) => {
  prepare(ask);
  const tileSize = tiles.tileSize ?? 256;
  const map = new MapLibreMap({
    container,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    style: {
      version: 8,
      sources: {
        tiles: {
          type: 'raster',
          tiles: tiles.tiles.map((template) => `${PROTOCOL}://${template}`),
          tileSize,
          ...(tiles.maxzoom !== undefined ? { maxzoom: tiles.maxzoom } : {}),
        },
      },
      layers: [{ id: 'tiles', type: 'raster', source: 'tiles' }],
    },
  });
  return {
    // The surface's scale counts 256-pixel tiles; MapLibre's zoom counts 512-pixel ones.
    show: (center, scale) => map.jumpTo({ center: [center.longitude, center.latitude], zoom: scale - 1 }),
  };
};

defineLazyComponent('map-tiles', createTileLayer);
