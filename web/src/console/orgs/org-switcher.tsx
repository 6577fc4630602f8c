import type { ConsoleOrg } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, useAction } from '../kit/layout.tsx';

/** Which org the console shows, and a new one. */
export function OrgSwitcher(props: {
  orgs: ConsoleOrg[];
  current: ConsoleOrg | undefined;
  onChoose(id: string): void;
  onCreated(org: ConsoleOrg): void;
}) {
  const [creating, setCreating] = useState(props.orgs.length === 0);
  const [name, setName] = useState('');
  const { busy, error, run } = useAction();

  async function create(e: FormEvent) {
    e.preventDefault();
    const created = await run(() => consoleApi<{ org: ConsoleOrg }>('POST', '/api/orgs', { name }));
    if (created) {
      setCreating(false);
      setName('');
      props.onCreated(created.org);
    }
  }

  if (creating)
    return (
      <form className="row" onSubmit={create}>
        <input
          placeholder="New org name"
          aria-label="New org name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          Create org
        </button>
        {props.orgs.length ? (
          <button type="button" className="quiet" onClick={() => setCreating(false)}>
            Cancel
          </button>
        ) : null}
        <ErrorNote error={error} />
      </form>
    );
  return (
    <>
      <select
        aria-label="Org"
        value={props.current?.id ?? ''}
        onChange={(e) => props.onChoose(e.target.value)}
      >
        {props.orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({o.role})
          </option>
        ))}
      </select>
      <button type="button" className="quiet" onClick={() => setCreating(true)}>
        New org
      </button>
    </>
  );
}
