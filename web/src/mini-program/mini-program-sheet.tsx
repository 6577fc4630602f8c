import { type MountEvents, type MountHandle, mount, type PackageSource } from '@plaza/container';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { feedEvents } from '../feed/event-batcher.ts';
import { superAppHost } from '../host/super-app-host.ts';
import { liveFunnel } from '../live/live-funnel.ts';
import { searchFunnel } from '../search/search-funnel.ts';
import { useSession } from '../session.tsx';

export interface MiniProgramTarget {
  appid: string;
  appName: string;
  iconUrl: string | null;
  path: string;
}

interface RuntimePackage {
  appid: string;
  version: string;
  package: { sha256: string; url: string };
  manifest: PackageSource['manifest'];
  files: Record<string, { sha256: string; size: number; url: string }>;
  permissions: { request_domains: string[]; web_view_domains?: string[]; scopes: string[] };
}

/** The released package this user gets: its manifest, and its two bundles fetched from their immutable URLs. */
async function loadRuntimePackage(appid: string): Promise<{ source: PackageSource; pkg: RuntimePackage }> {
  const pkg = await api<RuntimePackage>('GET', `/api/runtime/apps/${encodeURIComponent(appid)}/package`);
  const text = async (file: string) => {
    const url = pkg.files[file]?.url;
    if (!url) throw new Error(`the package has no ${file}`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
    return res.text();
  };
  const [logic, view] = await Promise.all([text('logic.js'), text('view.js')]);
  return { pkg, source: { manifest: pkg.manifest, logic, view, baseUrl: `${pkg.package.url}/` } };
}

/**
 * Tells the platform about a script error of the program, with the author's file and line,
 * so its developer sees it grouped in the console. The container's own refusals (a frame
 * that did not start) are the platform's business, not the program's.
 */
function reportRuntimeError(appid: string, version: string, e: MountEvents['error']): void {
  if (e.code) return;
  api('POST', `/api/runtime/apps/${encodeURIComponent(appid)}/errors`, {
    version,
    message: e.message.slice(0, 1000) || 'Error',
    file: e.file ?? null,
    line: e.line ?? null,
    column: e.column ?? null,
  }).catch((failed: Error) => console.warn(`the error report of ${appid} was not taken: ${failed.message}`));
}

/** The mini program opens as a sheet over the feed, with the host's chrome: title, more, close. */
export function MiniProgramSheet({ target, onClose }: { target: MiniProgramTarget; onClose: () => void }) {
  const frame = useRef<HTMLDivElement>(null);
  const handle = useRef<MountHandle | null>(null);
  const session = useSession();
  // The program mounts once per target: signing in while it runs must not restart it, so
  // the host reads the session through a ref instead of depending on it.
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [menu, setMenu] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const [path, queryString] = target.path.split('?');
    (async () => {
      const { pkg, source } = await loadRuntimePackage(target.appid);
      if (cancelled || !frame.current) return;
      feedEvents.track('app_open', { appid: target.appid });
      searchFunnel.opened(target.appid);
      liveFunnel.opened(target.appid);
      handle.current = mount(frame.current, {
        package: source,
        path: path ?? '',
        query: Object.fromEntries(new URLSearchParams(queryString ?? '')),
        scene: 1011,
        appId: target.appid,
        appName: target.appName,
        ...(target.iconUrl ? { appIcon: target.iconUrl } : {}),
        userId: sessionRef.current.user?.id ?? 'guest',
        permissions: {
          requestDomains: pkg.permissions.request_domains,
          webViewDomains: pkg.permissions.web_view_domains ?? [],
        },
        host: superAppHost({
          appid: target.appid,
          appName: target.appName,
          appIcon: target.iconUrl,
          requireUser: () => sessionRef.current.requireUser(),
        }),
      });
      // The program's own errors and the container's warnings go to the console, where a
      // developer trying their app in the super app looks first.
      handle.current.on('error', (e) => {
        console.error(`[${target.appName}] ${e.source}: ${e.message}`);
        reportRuntimeError(target.appid, pkg.version, e);
      });
      handle.current.on('log', (e) => console.warn(`[${target.appName}] ${e.message}`));
      handle.current.ready.then(
        () => !cancelled && setReady(true),
        (e: Error) => setError(e.message),
      );
    })().catch((e: Error) => setError(e.message));
    return () => {
      cancelled = true;
      handle.current?.close();
      handle.current = null;
    };
  }, [target]);

  return (
    <div
      className="mp-sheet"
      role="dialog"
      aria-modal="true"
      aria-label={target.appName}
      data-testid="mini-program-sheet"
      data-ready={ready || undefined}
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
