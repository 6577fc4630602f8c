import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { OpenAnchor } from '../feed/video-card.tsx';
import { pathWithParams } from './search-api.ts';

interface PlaceService {
  app: string;
  app_name: string;
  app_icon_url: string | null;
  title: string;
  path: string;
  params: Record<string, string>;
}
interface Place {
  poi_id: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  city: string;
  category: string;
  hours: { days: number[]; open: string; close: string }[];
  avg_price: number | null;
  photos: string[];
  services: PlaceService[];
  claimed: boolean;
}

const dayNames = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function daysText(days: number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const first = sorted[0] ?? 1;
  const last = sorted[sorted.length - 1] ?? 1;
  const runs = sorted.length > 2 && last - first === sorted.length - 1;
  return runs ? `${dayNames[first]}至${dayNames[last]}` : sorted.map((d) => dayNames[d]).join('、');
}

/**
 * A store's page: name, photos, address on a map (the container's plain map surface: no
 * tiles are configured in the demo), opening hours, average price, and the services mini
 * programs mount on it, each opening its app at its page.
 */
export function PoiPage({
  poiId,
  onOpen,
  onClose,
}: {
  poiId: string;
  onOpen: (a: OpenAnchor) => void;
  onClose: () => void;
}) {
  const [place, setPlace] = useState<Place | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Place>('GET', `/api/places/${encodeURIComponent(poiId)}`).then(setPlace, () =>
      setError('This place could not be loaded'),
    );
  }, [poiId]);
  return (
    <div className="poi-page" data-testid="poi-page">
      <header className="search-bar">
        <button type="button" className="search-back" aria-label="Back" onClick={onClose}>
          ‹
        </button>
        <h2>{place?.category || '门店 Place'}</h2>
      </header>
      {error && <p className="search-empty">{error}</p>}
      {place && (
        <div className="poi-body">
          {place.photos.length > 0 && (
            <div className="poi-photos">
              {place.photos.map((src) => (
                <img key={src} src={src} alt="" />
              ))}
            </div>
          )}
          <h1 className="poi-name">{place.name}</h1>
          <p className="poi-facts">
            {place.avg_price !== null && <span>人均 ¥{(place.avg_price / 100).toFixed(0)}</span>}
            {place.city && <span>{place.city}</span>}
            {place.claimed && <span className="poi-claimed">商家已认领 Claimed</span>}
          </p>
          <div className="poi-map" role="img" aria-label={`Map: ${place.address}`}>
            <span className="poi-pin" aria-hidden="true" />
            <small>
              {place.lat.toFixed(4)}, {place.lng.toFixed(4)}
            </small>
          </div>
          <p className="poi-address">{place.address}</p>
          <section aria-label="Opening hours">
            <h3>营业时间 Hours</h3>
            {place.hours.length === 0 ? (
              <p className="poi-address">—</p>
            ) : (
              <ul className="poi-hours">
                {place.hours.map((h) => (
                  <li key={`${h.days.join()}-${h.open}`}>
                    {daysText(h.days)} {h.open}–{h.close}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label="Services">
            <h3>服务 Services</h3>
            {place.services.length === 0 && <p className="search-empty">No services yet</p>}
            <ul className="search-results">
              {place.services.map((s) => (
                <li key={`${s.app}:${s.path}:${s.title}`}>
                  <button
                    type="button"
                    className="search-result"
                    data-testid="poi-service"
                    onClick={() =>
                      onOpen({
                        appid: s.app,
                        appName: s.app_name,
                        iconUrl: s.app_icon_url,
                        path: pathWithParams(s),
                      })
                    }
                  >
                    <span className="search-result-icon" aria-hidden="true">
                      {s.app_name.slice(0, 1)}
                    </span>
                    <span className="search-result-text">
                      <strong>{s.title}</strong>
                      <small>{s.app_name} · 小程序</small>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
