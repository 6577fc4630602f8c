import { useEffect, useRef, useState } from 'react';
import type { OpenAnchor } from '../feed/video-card.tsx';
import { PoiPage } from './poi-page.tsx';
import {
  type SearchPage as Page,
  pathWithParams,
  type SearchResult,
  type SearchTab,
  searchApi,
  searchTabs,
} from './search-api.ts';
import { searchFunnel } from './search-funnel.ts';
import { VideoSheet } from './video-sheet.tsx';
import './search.css';

const kindLabel: Record<SearchResult['kind'], string> = {
  app: '小程序',
  service: '服务',
  poi: '门店',
  video: '视频',
  creator: '用户',
};

/**
 * The one query box: suggestions while typing, recent and popular searches before, results
 * in tabs after. A result opens its mini program (at the service's entry page), its POI
 * page, its video, or a creator's videos.
 */
export function SearchPage({ onOpen, onClose }: { onOpen: (a: OpenAnchor) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [tab, setTab] = useState<SearchTab>('all');
  const [page, setPage] = useState<Page | null>(null);
  const [suggestions, setSuggestions] = useState<{ text: string; kind: SearchResult['kind'] }[]>([]);
  const [history, setHistory] = useState<{ recent: string[]; popular: string[] }>({
    recent: [],
    popular: [],
  });
  const [error, setError] = useState<string | null>(null);
  const [poi, setPoi] = useState<string | null>(null);
  const [video, setVideo] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const typed = useRef(0);

  useEffect(() => {
    input.current?.focus();
    searchApi.history().then(setHistory, () => undefined);
  }, []);

  // Suggestions follow the text with a short pause, and only the latest answer is shown.
  useEffect(() => {
    const q = text.trim();
    if (q.length === 0 || page?.query === q) {
      setSuggestions([]);
      return;
    }
    const n = ++typed.current;
    const timer = setTimeout(() => {
      searchApi.suggest(q).then(
        (r) => {
          if (n === typed.current) setSuggestions(r.items);
        },
        () => undefined,
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [text, page]);

  async function run(q: string, nextTab: SearchTab = tab) {
    const query = q.trim();
    if (query.length === 0) return;
    setText(query);
    setTab(nextTab);
    setSuggestions([]);
    setError(null);
    typed.current += 1;
    try {
      setPage(await searchApi.search(query, nextTab));
    } catch {
      setError('Search failed. Try again.');
    }
  }

  function open(result: SearchResult) {
    searchFunnel.tapped(page?.search_id ?? null, result.id, result.appid);
    const t = result.target;
    if ('app' in t) {
      onOpen({
        appid: t.app,
        appName: result.kind === 'service' ? result.subtitle : result.title,
        iconUrl: null,
        path: pathWithParams(t),
      });
    } else if ('poi' in t) setPoi(t.poi);
    else if ('video' in t) setVideo(t.video);
    else void run(result.title, 'videos');
  }

  return (
    <div className="search-page" data-testid="search-page">
      <form
        className="search-bar"
        onSubmit={(e) => {
          e.preventDefault();
          void run(text);
        }}
      >
        <button type="button" className="search-back" aria-label="Back" onClick={onClose}>
          ‹
        </button>
        <input
          ref={input}
          type="search"
          enterKeyHint="search"
          aria-label="Search"
          placeholder="搜索服务、门店、视频 Search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (page && e.target.value.trim() !== page.query) setPage(null);
          }}
        />
        <button type="submit" className="search-go">
          搜索
        </button>
      </form>

      {suggestions.length > 0 && (
        <ul className="search-suggestions" aria-label="Suggestions">
          {suggestions.map((s) => (
            <li key={`${s.kind}:${s.text}`}>
              <button type="button" onClick={() => void run(s.text)}>
                <span>{s.text}</span>
                <small>{kindLabel[s.kind]}</small>
              </button>
            </li>
          ))}
        </ul>
      )}

      {!page && suggestions.length === 0 && (
        <div className="search-history">
          {history.recent.length > 0 && (
            <section aria-label="Recent searches">
              <h3>最近搜索 Recent</h3>
              <div className="search-chips">
                {history.recent.map((q) => (
                  <button type="button" key={q} onClick={() => void run(q)}>
                    {q}
                  </button>
                ))}
              </div>
            </section>
          )}
          {history.popular.length > 0 && (
            <section aria-label="Popular searches">
              <h3>热门搜索 Popular</h3>
              <div className="search-chips">
                {history.popular.map((q) => (
                  <button type="button" key={q} onClick={() => void run(q)}>
                    {q}
                  </button>
                ))}
              </div>
            </section>
          )}
        </div>
      )}

      {page && (
        <>
          <div className="search-tabs" role="tablist">
            {searchTabs.map((t) => (
              <button
                type="button"
                role="tab"
                key={t.id}
                aria-selected={tab === t.id}
                onClick={() => void run(page.query, t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          {page.items.length === 0 ? (
            <p className="search-empty">没有找到「{page.query}」 Nothing found</p>
          ) : (
            <ul className="search-results" aria-label="Results">
              {page.items.map((r) => (
                <li key={r.id}>
                  <button type="button" className="search-result" data-kind={r.kind} onClick={() => open(r)}>
                    <span className="search-result-icon" aria-hidden="true">
                      {r.title.slice(0, 1)}
                    </span>
                    <span className="search-result-text">
                      <strong>{r.title}</strong>
                      <small>
                        {kindLabel[r.kind]}
                        {r.subtitle ? ` · ${r.subtitle}` : ''}
                        {r.distance_km !== undefined ? ` · ${r.distance_km} km` : ''}
                      </small>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && <p className="search-empty">{error}</p>}
      {poi && <PoiPage poiId={poi} onOpen={onOpen} onClose={() => setPoi(null)} />}
      {video && <VideoSheet videoId={video} onOpen={onOpen} onClose={() => setVideo(null)} />}
    </div>
  );
}
