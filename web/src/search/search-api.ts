import { api } from '../api.ts';

export const searchTabs = [
  { id: 'all', label: '综合 All' },
  { id: 'services', label: '服务 Services' },
  { id: 'places', label: '地点 Places' },
  { id: 'videos', label: '视频 Videos' },
  { id: 'users', label: '用户 Users' },
] as const;
export type SearchTab = (typeof searchTabs)[number]['id'];

export type SearchTarget =
  | { app: string; path: string; params: Record<string, string> }
  | { poi: string }
  | { video: string }
  | { creator: string };

export interface SearchResult {
  id: string;
  kind: 'app' | 'service' | 'poi' | 'video' | 'creator';
  title: string;
  subtitle: string;
  appid: string | null;
  target: SearchTarget;
  distance_km?: number;
}

export interface SearchPage {
  search_id: string | null;
  query: string;
  tab: SearchTab;
  items: SearchResult[];
}

export const searchApi = {
  search: (q: string, tab: SearchTab, near?: { lat: number; lng: number }) =>
    api<SearchPage>('POST', '/api/searches', { q, tab, limit: 30, ...(near ? { near } : {}) }),
  suggest: (q: string) =>
    api<{ items: { text: string; kind: SearchResult['kind'] }[] }>(
      'GET',
      `/api/search/suggest?q=${encodeURIComponent(q)}`,
    ),
  history: () => api<{ recent: string[]; popular: string[] }>('GET', '/api/search/history'),
};

/** The page path with its params as the container opens it (`pages/shop/shop?from=search`). */
export function pathWithParams(target: { path: string; params: Record<string, string> }): string {
  const query = new URLSearchParams(target.params).toString();
  return query ? `${target.path}?${query}` : target.path;
}
