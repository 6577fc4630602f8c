/**
 * `map`, loaded on first use: markers, polyline, circles and callouts over a surface that pans
 * (pointer drag, arrow keys) and zooms (wheel, + / -), with `markertap`, `callouttap`,
 * `regionchange` and `tap` carrying the platforms' details, and the `MapContext` methods.
 * Without a tile source the surface is plain; with one, MapLibre GL draws the tiles beneath
 * (loaded only then).
 */
import type { BuiltinContext } from '../../view/index.ts';
import { answerContext } from '../component-context.ts';
import type { MapTiles } from '../component-requests.ts';
import { defineLazyComponent, type LazyComponent, type LazyServices } from '../lazy-component.ts';
import type { TileLayer, TileLayerFactory } from './map-tiles.ts';
import { fitPoints, type LatLng, type MapView, project, regionOf, unproject } from './web-mercator.ts';

interface Marker extends LatLng {
  id: number;
  title?: string;
  iconPath?: string;
  width?: number;
  height?: number;
  ariaLabel?: string;
  label?: { content?: string };
  callout?: { content?: string; display?: 'ALWAYS' | 'BYCLICK' };
}
interface Polyline {
  points: LatLng[];
  color?: string;
  width?: number;
  dottedLine?: boolean;
}
interface Circle extends LatLng {
  radius: number;
  color?: string;
  fillColor?: string;
  strokeWidth?: number;
}

const STYLE = `:host { display: block; position: relative; width: 300px; height: 225px; overflow: hidden; }
[part="surface"] { position: absolute; inset: 0; background: #e9efe6; background-image: linear-gradient(rgba(0,0,0,.05) 1px, transparent 1px), linear-gradient(90deg, rgba(0,0,0,.05) 1px, transparent 1px); background-size: 32px 32px; touch-action: none; cursor: grab; outline: none; }
[part="surface"]:focus-visible { box-shadow: inset 0 0 0 3px #1a73e8; }
svg { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; }
[part="marker"] { position: absolute; transform: translate(-50%, -100%); padding: 0; border: 0; background: none; cursor: pointer; line-height: 0; }
[part="marker"]:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
[part="pin"] { display: block; width: 22px; height: 30px; background: #e64340; clip-path: path('M11 0C5 0 0 5 0 11c0 8 11 19 11 19s11-11 11-19C22 5 17 0 11 0z'); }
[part="marker"] img { display: block; }
[part="label"] { position: absolute; left: 50%; top: 100%; transform: translateX(-50%); white-space: nowrap; font-size: 12px; line-height: 1.3; color: #333; }
[part="callout"] { position: absolute; transform: translate(-50%, calc(-100% - 36px)); padding: 6px 10px; border-radius: 6px; background: #fff; color: #333; font-size: 13px; white-space: nowrap; box-shadow: 0 1px 4px rgba(0,0,0,.3); cursor: pointer; }
[part="callout"]:focus-visible { outline: 2px solid #1a73e8; }
[part="overlay"] { position: absolute; inset: 0; pointer-events: none; }
[part="overlay"] ::slotted(*) { pointer-events: auto; }
[part="tiles"] { position: absolute; inset: 0; pointer-events: none; }
[part="tiles"] canvas { position: absolute; left: 0; top: 0; }
[part="attribution"] { position: absolute; right: 2px; bottom: 2px; font-size: 10px; color: #555; background: rgba(255,255,255,.7); padding: 0 3px; }`;

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const num = (value: unknown, fallback: number) => {
  const n =
    typeof value === 'string' ? Number.parseFloat(value) : typeof value === 'number' ? value : Number.NaN;
  return Number.isFinite(n) ? n : fallback;
};
const isPoint = (p: unknown): p is LatLng =>
  !!p && Number.isFinite((p as LatLng).latitude) && Number.isFinite((p as LatLng).longitude);

class MapSurface {
  readonly root: ShadowRoot;
  private readonly surface: HTMLElement;
  private readonly shapes: SVGSVGElement;
  private readonly pins: HTMLElement;
  center: LatLng = { latitude: 39.909, longitude: 116.39742 };
  scale = 16;
  private markers: Marker[] = [];
  private polylines: Polyline[] = [];
  private circles: Circle[] = [];
  private opened = new Set<number>();
  private limits = { min: 3, max: 20 };
  private signature = '';
  private tiles: TileLayer | undefined;

  constructor(
    private readonly element: HTMLElement,
    private readonly ctx: BuiltinContext,
  ) {
    const doc = ctx.document;
    this.root = element.attachShadow({ mode: 'open' });
    this.root.innerHTML = `<style>${STYLE}</style><div part="surface" tabindex="0" role="application" aria-roledescription="map" aria-label="Map. Arrow keys move it, plus and minus zoom."></div><div part="tiles" aria-hidden="true"></div><svg part="shapes" aria-hidden="true"></svg><div part="pins"></div><div part="overlay"><slot></slot></div>`;
    this.surface = this.root.querySelector('[part="surface"]') as HTMLElement;
    this.shapes = this.root.querySelector('svg') as SVGSVGElement;
    this.pins = this.root.querySelector('[part="pins"]') as HTMLElement;
    // The map's own gestures: a drag pans instead of being the page's tap.
    let drag: { x: number; y: number; moved: boolean; center: LatLng } | undefined;
    this.surface.addEventListener('pointerdown', (event) => {
      drag = { x: event.clientX, y: event.clientY, moved: false, center: this.center };
      this.surface.setPointerCapture?.(event.pointerId);
    });
    this.surface.addEventListener('pointermove', (event) => {
      if (!drag) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) this.region('begin', 'gesture');
      drag.moved = true;
      const view = { ...this.view(), center: drag.center };
      this.center = unproject(view, view.width / 2 - dx, view.height / 2 - dy);
      this.draw();
    });
    this.surface.addEventListener('pointerup', (event) => {
      const done = drag;
      drag = undefined;
      if (!done) return;
      if (done.moved) return this.region('end', 'drag');
      const box = this.surface.getBoundingClientRect();
      ctx.emit('tap', unproject(this.view(), event.clientX - box.left, event.clientY - box.top));
    });
    for (const type of ['click', 'mousedown', 'mouseup', 'touchstart', 'touchend'])
      this.surface.addEventListener(type, (event) => event.stopPropagation());
    this.surface.addEventListener('wheel', (event) => {
      event.preventDefault();
      this.zoomBy(event.deltaY < 0 ? 1 : -1);
    });
    this.surface.addEventListener('keydown', (event) => {
      const step = 64;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        this.region('begin', 'gesture');
        const view = this.view();
        this.center = unproject(view, view.width / 2 + move[0], view.height / 2 + move[1]);
        this.draw();
        this.region('end', 'drag');
      } else if (event.key === '+' || event.key === '=' || event.key === '-') {
        event.preventDefault();
        this.zoomBy(event.key === '-' ? -1 : 1);
      }
    });
    this.pins.addEventListener('click', (event) => {
      event.stopPropagation();
      const target = (event.target as Element).closest('[data-marker]');
      if (!target) return;
      const markerId = Number(target.getAttribute('data-marker'));
      if (target.getAttribute('part') === 'callout') return ctx.emit('callouttap', { markerId });
      ctx.emit('markertap', { markerId });
      const marker = this.markers.find((m) => m.id === markerId);
      if (marker?.callout?.display === 'BYCLICK') {
        if (this.opened.has(markerId)) this.opened.delete(markerId);
        else this.opened.add(markerId);
        this.draw();
      }
    });
    this.pins.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (target.getAttribute('part') === 'callout' && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        target.click();
      }
    });
    new (doc.defaultView as typeof globalThis).ResizeObserver(() => this.draw()).observe(element);
  }

  /** Puts the operator's tiles beneath the surface (the surface stays what the user drives). */
  showTiles(tiles: MapTiles, services: LazyServices): Promise<void> {
    return services.load<TileLayerFactory>('map-tiles').then((create) => {
      const container = this.root.querySelector('[part="tiles"]') as HTMLElement;
      this.tiles = create(container, tiles, services.ask);
      if (tiles.attribution) {
        const note = this.ctx.document.createElement('div');
        note.setAttribute('part', 'attribution');
        note.textContent = tiles.attribution;
        this.root.append(note);
      }
      this.draw();
    });
  }

  view(): MapView {
    return {
      center: this.center,
      scale: this.scale,
      width: this.element.clientWidth || 300,
      height: this.element.clientHeight || 225,
    };
  }

  set(attrs: Record<string, unknown>, previous: Record<string, unknown>): void {
    // Every render of the page hands the attributes again: redraw only when they changed.
    const signature = JSON.stringify(
      Object.keys(attrs)
        .sort()
        .map((name) => [name, attrs[name]]),
    );
    if (signature === this.signature) return;
    this.signature = signature;
    this.limits = { min: num(attrs['min-scale'], 3), max: num(attrs['max-scale'], 20) };
    if (attrs.latitude !== previous.latitude || attrs.longitude !== previous.longitude) {
      const next = {
        latitude: num(attrs.latitude, this.center.latitude),
        longitude: num(attrs.longitude, this.center.longitude),
      };
      if (isPoint(next)) this.center = next;
    }
    if (attrs.scale !== previous.scale) this.scale = this.clampScale(num(attrs.scale, 16));
    this.markers = list<Marker>(attrs.markers).filter(isPoint);
    this.polylines = list<Polyline>(attrs.polyline);
    this.circles = list<Circle>(attrs.circles).filter(isPoint);
    const include = list<LatLng>(attrs['include-points']).filter(isPoint);
    if (include.length > 0 && attrs['include-points'] !== previous['include-points'])
      this.include(include, 0);
    this.draw();
    this.ctx.emit('updated', {});
  }

  include(points: LatLng[], padding: number): void {
    const view = this.view();
    const fit = fitPoints(points, view, padding, this.limits);
    if (fit) {
      this.center = fit.center;
      this.scale = fit.scale;
    }
  }

  private clampScale(scale: number): number {
    return Math.max(this.limits.min, Math.min(this.limits.max, Math.round(scale)));
  }

  private zoomBy(delta: number): void {
    const next = this.clampScale(this.scale + delta);
    if (next === this.scale) return;
    this.region('begin', 'gesture');
    this.scale = next;
    this.draw();
    this.region('end', 'scale');
  }

  region(type: 'begin' | 'end', causedBy: string): void {
    const view = this.view();
    this.ctx.emit('regionchange', {
      type,
      causedBy,
      centerLocation: { ...this.center },
      region: regionOf(view),
      scale: this.scale,
      rotate: 0,
      skew: 0,
    });
  }

  draw(): void {
    const view = this.view();
    this.tiles?.show(this.center, this.scale);
    const doc = this.ctx.document;
    const svg = 'http://www.w3.org/2000/svg';
    const shapes: SVGElement[] = [];
    for (const line of this.polylines) {
      const points = list<LatLng>(line.points).filter(isPoint);
      if (points.length < 2) continue;
      const path = doc.createElementNS(svg, 'polyline');
      path.setAttribute(
        'points',
        points
          .map((p) => {
            const { x, y } = project(view, p);
            return `${x},${y}`;
          })
          .join(' '),
      );
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', String(line.color ?? '#1a73e8').slice(0, 9));
      path.setAttribute('stroke-width', String(num(line.width, 3)));
      if (line.dottedLine) path.setAttribute('stroke-dasharray', '6 6');
      shapes.push(path);
    }
    for (const circle of this.circles) {
      const at = project(view, circle);
      // Metres to pixels at this latitude and scale.
      const metresPerPixel = (156543.03392 * Math.cos((circle.latitude * Math.PI) / 180)) / 2 ** view.scale;
      const c = doc.createElementNS(svg, 'circle');
      c.setAttribute('cx', String(at.x));
      c.setAttribute('cy', String(at.y));
      c.setAttribute('r', String(Math.max(0, num(circle.radius, 0) / metresPerPixel)));
      c.setAttribute('fill', String(circle.fillColor ?? 'rgba(26,115,232,.15)').slice(0, 9));
      c.setAttribute('stroke', String(circle.color ?? '#1a73e8').slice(0, 9));
      c.setAttribute('stroke-width', String(num(circle.strokeWidth, 1)));
      shapes.push(c);
    }
    this.shapes.replaceChildren(...shapes);
    const pins: HTMLElement[] = [];
    for (const marker of this.markers) {
      const at = project(view, marker);
      const id = Number(marker.id);
      const pin = doc.createElement('button');
      pin.type = 'button';
      pin.setAttribute('part', 'marker');
      pin.setAttribute('data-marker', String(id));
      pin.style.left = `${at.x}px`;
      pin.style.top = `${at.y}px`;
      const name = marker.ariaLabel ?? marker.title ?? marker.callout?.content ?? marker.label?.content;
      pin.setAttribute('aria-label', name ? String(name) : `marker ${id}`);
      if (marker.iconPath) {
        const img = doc.createElement('img');
        img.src = String(marker.iconPath);
        img.alt = '';
        img.width = num(marker.width, 22);
        img.height = num(marker.height, 30);
        pin.append(img);
      } else {
        const shape = doc.createElement('span');
        shape.setAttribute('part', 'pin');
        pin.append(shape);
      }
      if (marker.label?.content) {
        const label = doc.createElement('span');
        label.setAttribute('part', 'label');
        label.textContent = String(marker.label.content);
        pin.append(label);
      }
      pins.push(pin);
      const callout = marker.callout;
      if (callout?.content && (callout.display === 'ALWAYS' || this.opened.has(id))) {
        const bubble = doc.createElement('div');
        bubble.setAttribute('part', 'callout');
        bubble.setAttribute('role', 'button');
        bubble.tabIndex = 0;
        bubble.setAttribute('data-marker', String(id));
        bubble.style.left = `${at.x}px`;
        bubble.style.top = `${at.y}px`;
        bubble.textContent = String(callout.content);
        pins.push(bubble);
      }
    }
    this.pins.replaceChildren(...pins);
  }
}

const surfaces = new WeakMap<Element, MapSurface>();

const map: LazyComponent = {
  mount(element, ctx, services) {
    const surface = new MapSurface(element, ctx);
    surfaces.set(element, surface);
    // Without the operator's tiles the plain surface is the map: markers, shapes and events work alike.
    services
      .ask({ kind: 'map-tiles' })
      .then((tiles) => (tiles ? surface.showTiles(tiles as MapTiles, services) : undefined))
      .catch((error: Error) => ctx.emit('error', { errMsg: `map:fail ${error.message}` }));
    answerContext(element, {
      getCenterLocation: () => ({ ...surface.center }),
      getScale: () => ({ scale: surface.scale }),
      getRegion: () => regionOf(surface.view()),
      moveToLocation: (args) => {
        if (!isPoint(args)) throw new Error('moveToLocation:fail no location');
        surface.region('begin', 'update');
        surface.center = { latitude: args.latitude, longitude: args.longitude };
        surface.draw();
        surface.region('end', 'update');
        return {};
      },
      includePoints: ({ points, padding }) => {
        const pad = Array.isArray(padding) ? num(padding[0], 0) : 0;
        surface.include(list<LatLng>(points).filter(isPoint), pad);
        surface.draw();
        surface.region('end', 'update');
        return {};
      },
    });
  },
  update(element, attrs, previous) {
    surfaces.get(element)?.set(attrs, previous);
  },
};

defineLazyComponent('map', map);
