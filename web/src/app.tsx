import { useState } from 'react';
import { FeedPage } from './feed/feed-page.tsx';
import type { OpenAnchor } from './feed/video-card.tsx';
import { HostSheetView } from './host/host-sheet-view.tsx';
import { MePage } from './me/me-page.tsx';
import { MiniProgramSheet } from './mini-program/mini-program-sheet.tsx';
import { SignInSheet } from './sign-in/sign-in-sheet.tsx';

/**
 * A link (or a scanned mini-program code) `/?open=<appid>&path=<page?query>` opens the app
 * at that page. The title is the appid: a link cannot name the app to the user.
 */
function linkedApp(search: string): OpenAnchor | null {
  const q = new URLSearchParams(search);
  const appid = q.get('open');
  if (!appid || !/^[A-Za-z0-9_-]{1,64}$/.test(appid)) return null;
  const path = (q.get('path') ?? '').replace(/^\/+/, '').slice(0, 1024);
  return { appid, appName: appid, iconUrl: null, path };
}

export function App() {
  const [tab, setTab] = useState<'home' | 'me'>('home');
  const [open, setOpen] = useState<OpenAnchor | null>(() => linkedApp(window.location.search));
  return (
    <div className="app">
      <main className="screen">{tab === 'home' ? <FeedPage onOpen={setOpen} /> : <MePage />}</main>
      <nav className="tabbar" aria-label="Main">
        <button
          type="button"
          aria-current={tab === 'home' ? 'page' : undefined}
          onClick={() => setTab('home')}
        >
          Home
        </button>
        <button type="button" aria-current={tab === 'me' ? 'page' : undefined} onClick={() => setTab('me')}>
          Me
        </button>
      </nav>
      {open && <MiniProgramSheet target={open} onClose={() => setOpen(null)} />}
      <HostSheetView />
      <SignInSheet />
    </div>
  );
}
