import type { AppVersion, ReleaseState } from '@plaza/api-types/console';
import { useEffect } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, Skeleton } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';
import { ReleasePanel } from './release-panel.tsx';
import { UploadForm } from './upload-form.tsx';
import { VersionRow } from './version-row.tsx';

/** While checks run in the background, the page asks again this often. */
const checksPollMs = 1500;

/** Upload, check, submit, release and roll back an app's versions. */
export function VersionsPage({ appid, canEdit }: { appid: string; canEdit: boolean }) {
  const versions = useLoad(
    () =>
      consoleApi<{ versions: AppVersion[] }>('GET', `/api/apps/${appid}/versions`).then((r) => r.versions),
    appid,
  );
  const release = useLoad(
    () =>
      consoleApi<{ release: ReleaseState | null }>('GET', `/api/apps/${appid}/release`).then(
        (r) => r.release,
      ),
    appid,
  );
  const checking = versions.data?.some((v) => v.checks?.status === 'pending') ?? false;
  const { reload } = versions;
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(reload, checksPollMs);
    return () => clearInterval(timer);
  }, [checking, reload]);
  const changed = () => {
    versions.reload();
    release.reload();
  };

  return (
    <>
      <h1>Versions</h1>
      {canEdit ? <UploadForm appid={appid} onUploaded={changed} /> : null}
      {release.data === undefined ? (
        <Skeleton rows={2} />
      ) : (
        <ReleasePanel
          // A new release starts the slider from its own share.
          key={release.data ? `${release.data.version.id}:${release.data.percentage}` : 'none'}
          appid={appid}
          release={release.data}
          canEdit={canEdit}
          onChanged={changed}
        />
      )}
      <h2>All versions</h2>
      <ErrorNote error={versions.error} />
      {!versions.data ? (
        <Skeleton />
      ) : versions.data.length === 0 ? (
        <p className="muted">No versions yet: upload the .tgz that plaza build wrote, or run plaza upload.</p>
      ) : (
        <table className="grid" aria-label="Versions">
          <thead>
            <tr>
              <th>Version</th>
              <th>Status</th>
              <th>Checks</th>
              <th className="num">Size</th>
              <th>Uploaded</th>
              <th>Actions</th>
            </tr>
          </thead>
          {versions.data.map((v) => (
            <VersionRow key={v.id} appid={appid} version={v} canEdit={canEdit} onChanged={changed} />
          ))}
        </table>
      )}
    </>
  );
}
