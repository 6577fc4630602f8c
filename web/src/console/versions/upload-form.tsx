import { type FormEvent, useState } from 'react';
import { query, uploadFile } from '../kit/console-api.ts';
import { ErrorNote, useAction } from '../kit/layout.tsx';

/** A `.tgz` from `plaza build`, sent from the browser with its progress. */
export function UploadForm({ appid, onUploaded }: { appid: string; onUploaded(): void }) {
  const [file, setFile] = useState<File>();
  const [version, setVersion] = useState('');
  const [description, setDescription] = useState('');
  const [sent, setSent] = useState<number>();
  const { busy, error, run } = useAction();

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setSent(0);
    const done = await run(() =>
      uploadFile(`/api/apps/${appid}/versions${query({ version, description })}`, file, setSent),
    );
    if (done) {
      setVersion('');
      setDescription('');
      setFile(undefined);
      (e.target as HTMLFormElement).reset();
      onUploaded();
    }
  }

  return (
    <form className="card" onSubmit={upload} aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a version</h2>
      <div className="row">
        <label>
          Package (.tgz)
          <input
            type="file"
            required
            accept=".tgz,application/gzip"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <label>
          Version
          <input
            required
            placeholder="1.0.0"
            maxLength={40}
            value={version}
            onChange={(e) => setVersion(e.target.value)}
          />
        </label>
        <label>
          What changed
          <input maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy || !file}>
          Upload
        </button>
      </div>
      {sent !== undefined ? (
        <label>
          Sent {Math.round(sent * 100)}%
          <progress className="progress" max={1} value={sent} />
        </label>
      ) : null}
      <ErrorNote error={error} />
    </form>
  );
}
