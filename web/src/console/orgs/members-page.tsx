import type { ConsoleOrg, OrgInvitation, OrgMember, OrgRole } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, formatTime, Skeleton, useAction } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';

const roles: OrgRole[] = ['owner', 'admin', 'developer', 'viewer'];

/** The org's members and open invitations; owners and admins invite, change roles and remove. */
export function MembersPage({ org }: { org: ConsoleOrg }) {
  const canManage = org.role === 'owner' || org.role === 'admin';
  const detail = useLoad(
    () => consoleApi<{ members: OrgMember[]; invitations: OrgInvitation[] }>('GET', `/api/orgs/${org.id}`),
    org.id,
  );
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrgRole>('developer');
  const { busy, error, run } = useAction();
  const base = `/api/orgs/${org.id}`;
  const act = async (call: () => Promise<unknown>) => {
    if (await run(call)) detail.reload();
  };
  const invite = async (e: FormEvent) => {
    e.preventDefault();
    await act(() => consoleApi('POST', `${base}/members`, { email, role }));
    setEmail('');
  };

  return (
    <>
      <h1>Members of {org.name}</h1>
      {canManage ? (
        <form className="card row" onSubmit={invite} aria-label="Invite a member">
          <label>
            Email
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            Role
            <select value={role} onChange={(e) => setRole(e.target.value as OrgRole)}>
              {roles.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy}>
            Invite
          </button>
        </form>
      ) : (
        <p className="muted">Your role ({org.role}) may see the members; owners and admins manage them.</p>
      )}
      <ErrorNote error={error ?? detail.error} />
      {!detail.data ? (
        <Skeleton />
      ) : (
        <>
          <table className="grid" aria-label="Members">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Joined</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {detail.data.members.map((m) => (
                <tr key={m.account_id}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>
                    {canManage ? (
                      <select
                        aria-label={`Role of ${m.email}`}
                        value={m.role}
                        disabled={busy}
                        onChange={(e) =>
                          void act(() =>
                            consoleApi('PATCH', `${base}/members/${m.account_id}`, { role: e.target.value }),
                          )
                        }
                      >
                        {roles.map((r) => (
                          <option key={r}>{r}</option>
                        ))}
                      </select>
                    ) : (
                      m.role
                    )}
                  </td>
                  <td>{formatTime(m.joined_at)}</td>
                  <td>
                    {canManage ? (
                      <button
                        type="button"
                        className="danger"
                        disabled={busy}
                        onClick={() =>
                          void act(() => consoleApi('DELETE', `${base}/members/${m.account_id}`))
                        }
                      >
                        Remove
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Invitations</h2>
          {detail.data.invitations.length === 0 ? (
            <p className="muted">No open invitations.</p>
          ) : (
            <table className="grid" aria-label="Invitations">
              <thead>
                <tr>
                  <th>Email</th>
                  <th>Role</th>
                  <th>Invited</th>
                  <th>Actions</th>
                </tr>
              </thead>
              <tbody>
                {detail.data.invitations.map((i) => (
                  <tr key={i.email}>
                    <td>{i.email}</td>
                    <td>{i.role}</td>
                    <td>{formatTime(i.created_at)}</td>
                    <td>
                      {canManage ? (
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() =>
                            void act(() =>
                              consoleApi('DELETE', `${base}/invitations/${encodeURIComponent(i.email)}`),
                            )
                          }
                        >
                          Withdraw
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
