import { type MountHandle, mount } from '@plaza/container';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { feedEvents } from '../feed/event-batcher.ts';
import { superAppHost } from '../host/super-app-host.ts';
import { useSession } from '../session.tsx';

export interface MiniProgramTarget {
  appid: string;
  appName: string;
  iconUrl: string | null;
  path: string;
}

interface RuntimePackage {
  appid: string;
  name: string;
  package_url: string;
  permissions: { request_domains: string[]; web_view_domains?: string[]; scopes: string[] };
}

/** The mini program opens as a sheet over the feed, with the host's chrome: title, more, close. */
export function MiniProgramSheet({ target, onClose }: { target: MiniProgramTarget; onClose: () => void }) {
  const frame = useRef<HTMLDivElement>(null);
  const handle = useRef<MountHandle | null>(null);
  const { requireUser, user } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [menu, setMenu] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const [path, queryString] = target.path.split('?');
    (async () => {
      const pkg = await api<RuntimePackage>(
        'GET',
        `/api/runtime/apps/${encodeURIComponent(target.appid)}/package`,
      );
      if (cancelled || !frame.current) return;
      feedEvents.track('app_open', { appid: target.appid });
      handle.current = mount(frame.current, {
        package: pkg.package_url,
        path: path ?? '',
        query: Object.fromEntries(new URLSearchParams(queryString ?? '')),
        scene: 1011,
        appId: target.appid,
        appName: target.appName,
        userId: user?.id ?? 'guest',
        permissions: {
          requestDomains: pkg.permissions.request_domains,
          webViewDomains: pkg.permissions.web_view_domains ?? [],
        },
        host: superAppHost({ appid: target.appid, appName: target.appName, requireUser }),
      });
      handle.current.ready.catch((e: Error) => setError(e.message));
    })().catch((e: Error) => setError(e.message));
    return () => {
      cancelled = true;
      handle.current?.close();
      handle.current = null;
    };
  }, [target, requireUser, user?.id]);

  return (
    <div
      className="mp-sheet"
      role="dialog"
      aria-modal="true"
      aria-label={target.appName}
      data-testid="mini-program-sheet"
    >
      <div className="mp-chrome">
        <span className="mp-title">
          {target.iconUrl ? (
            <img src={target.iconUrl} alt="" />
          ) : (
            <span className="anchor-icon placeholder small">{target.appName.slice(0, 1)}</span>
          )}
          {target.appName}
        </span>
        <div className="capsule">
          <button type="button" aria-label="More" onClick={() => setMenu((m) => !m)}>
            ···
          </button>
          <span className="divider" aria-hidden="true" />
          <button type="button" aria-label="Close mini program" onClick={onClose}>
            ◎
          </button>
        </div>
      </div>
      {menu && (
        <div className="mp-menu" role="menu">
          <button
            type="button"
            role="menuitem"
            onClick={() => void handle.current?.restart().then(() => setMenu(false))}
          >
            Restart
          </button>
          <button type="button" role="menuitem" onClick={onClose}>
            Close
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          This mini program could not open: {error}
        </p>
      )}
      <div className="mp-frame" ref={frame} />
    </div>
  );
}
