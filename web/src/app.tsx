import { useEffect, useState } from 'react';
import { FeedPage } from './feed/feed-page.tsx';
import type { OpenAnchor } from './feed/video-card.tsx';
import { HostSheetView } from './host/host-sheet-view.tsx';
import { LiveRoomPage } from './live/live-room-page.tsx';
import { LiveRoomsPage } from './live/live-rooms-page.tsx';
import { MePage } from './me/me-page.tsx';
import { followInbox, useInbox } from './messages/inbox-store.ts';
import { MessagesPage } from './messages/messages-page.tsx';
import { MiniProgramSheet } from './mini-program/mini-program-sheet.tsx';
import { PoiPage } from './search/poi-page.tsx';
import { SearchPage } from './search/search-page.tsx';
import { useSession } from './session.tsx';
import { SignInSheet } from './sign-in/sign-in-sheet.tsx';
import { ChatSheet } from './support/chat-sheet.tsx';
import { followChats } from './support/chat-store.ts';

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

/** A link `/?live=<room>` enters that live room. */
function linkedRoom(search: string): string | null {
  const room = new URLSearchParams(search).get('live');
  return room && /^[A-Za-z0-9_-]{1,64}$/.test(room) ? room : null;
}

export function App() {
  const [tab, setTab] = useState<'home' | 'messages' | 'me'>('home');
  const [open, setOpen] = useState<OpenAnchor | null>(() => linkedApp(window.location.search));
  const session = useSession();
  const userId = session.user?.id ?? null;
  // The inbox follows the signed-in user for the whole visit: the badge updates live.
  useEffect(() => followInbox(userId), [userId]);
  // Chats with merchants follow the user too: answers arrive in an open chat live.
  useEffect(() => followChats(userId), [userId]);
  const { unread } = useInbox();
  const [searching, setSearching] = useState(false);
  const [liveList, setLiveList] = useState(false);
  const [place, setPlace] = useState<string | null>(null);
  const [liveRoom, setLiveRoom] = useState<string | null>(() => linkedRoom(window.location.search));
  return (
    <div className="app">
      <main className="screen">
        {tab === 'home' ? (
          <FeedPage onOpen={setOpen} onPlace={setPlace} />
        ) : tab === 'messages' ? (
          <MessagesPage onOpen={setOpen} />
        ) : (
          <MePage />
        )}
      </main>
      {tab === 'home' && (
        <button type="button" className="search-open" aria-label="Search" onClick={() => setSearching(true)}>
          ⌕
        </button>
      )}
      {tab === 'home' && (
        <button type="button" className="live-open" aria-label="Live" onClick={() => setLiveList(true)}>
          ● 直播 Live
        </button>
      )}
      {liveList && <LiveRoomsPage onEnter={(room) => setLiveRoom(room)} onClose={() => setLiveList(false)} />}
      {liveRoom && <LiveRoomPage roomId={liveRoom} onOpen={setOpen} onClose={() => setLiveRoom(null)} />}
      {place && <PoiPage poiId={place} onOpen={setOpen} onClose={() => setPlace(null)} />}
      {searching && <SearchPage onOpen={setOpen} onClose={() => setSearching(false)} />}
      <nav className="tabbar" aria-label="Main">
        <button
          type="button"
          aria-current={tab === 'home' ? 'page' : undefined}
          onClick={() => setTab('home')}
        >
          Home
        </button>
        <button
          type="button"
          aria-current={tab === 'messages' ? 'page' : undefined}
          onClick={() => setTab('messages')}
        >
          Messages
          {unread > 0 && (
            <span className="badge" data-testid="messages-badge">
              {unread}
            </span>
          )}
        </button>
        <button type="button" aria-current={tab === 'me' ? 'page' : undefined} onClick={() => setTab('me')}>
          Me
        </button>
      </nav>
      {open && <MiniProgramSheet target={open} onClose={() => setOpen(null)} />}
      <ChatSheet />
      <HostSheetView />
      <SignInSheet />
    </div>
  );
}
