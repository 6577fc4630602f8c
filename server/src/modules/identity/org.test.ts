import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { identityClient, uniqueEmail } from './testing.ts';

describe.each(testEngines)('orgs and roles on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof identityClient>;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
    c = identityClient(t);
  });
  afterAll(async () => t?.stop());

  /** An org with an owner and one member per other role. */
  async function team() {
    const owner = await c.developer();
    const org = (await c.call('POST', '/api/orgs', { token: owner.token, body: { name: 'Takeout Co' } })).json
      .org;
    const people = { owner } as Record<'owner' | 'admin' | 'developer' | 'viewer', typeof owner>;
    for (const role of ['admin', 'developer', 'viewer'] as const) {
      people[role] = await c.developer();
      const added = await c.call('POST', `/api/orgs/${org.id}/members`, {
        token: owner.token,
        body: { email: people[role].account.email, role },
      });
      expect(added.status).toBe(201);
      expect(added.json).toMatchObject({ status: 'active', member: { role } });
    }
    return { org, ...people };
  }

  it('makes the creator owner and lists my orgs with my role', async () => {
    const { org, owner, viewer } = await team();
    expect(org).toMatchObject({ name: 'Takeout Co', role: 'owner' });
    expect(org.id).toMatch(/^org_/);
    const mine = await c.call('GET', '/api/orgs', { token: viewer.token });
    expect(mine.json.orgs).toEqual([{ ...org, role: 'viewer' }]);
    const detail = await c.call('GET', `/api/orgs/${org.id}`, { token: viewer.token });
    expect(detail.status).toBe(200);
    expect(detail.json.members.map((m: { role: string }) => m.role)).toEqual([
      'owner',
      'admin',
      'developer',
      'viewer',
    ]);
    expect(detail.json.members[0].account_id).toBe(owner.account.id);
    expect(await t.identity.getOrg(org.id)).toMatchObject({ id: org.id, createdBy: owner.account.id });
  });

  it('hides an org from non-members (404) and refuses low roles (403)', async () => {
    const { org, viewer, developer } = await team();
    const stranger = await c.developer();
    const hidden = await c.call('GET', `/api/orgs/${org.id}`, { token: stranger.token });
    const missing = await c.call('GET', '/api/orgs/org_nothing', { token: stranger.token });
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.code).toBe('IDENTITY_ORG_NOT_FOUND');
    expect(missing.json.error).toEqual({ ...hidden.json.error, details: { org_id: 'org_nothing' } });
    const strangerAdds = await c.call('POST', `/api/orgs/${org.id}/members`, {
      token: stranger.token,
      body: { email: uniqueEmail(), role: 'viewer' },
    });
    expect(strangerAdds.status).toBe(404);

    for (const actor of [viewer, developer]) {
      const res = await c.call('POST', `/api/orgs/${org.id}/members`, {
        token: actor.token,
        body: { email: uniqueEmail(), role: 'viewer' },
      });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('IDENTITY_ORG_ROLE_TOO_LOW');
    }
    const detail = await c.call('GET', `/api/orgs/${org.id}`, { token: viewer.token });
    expect(detail.json.members).toHaveLength(4);
    expect(detail.json.invitations).toEqual([]);

    await expect(t.identity.requireOrgRole(viewer.account.id, org.id, 'viewer')).resolves.toMatchObject({
      role: 'viewer',
    });
    await expect(t.identity.requireOrgRole(viewer.account.id, org.id, 'developer')).rejects.toMatchObject({
      status: 403,
      code: 'IDENTITY_ORG_ROLE_TOO_LOW',
    });
    await expect(t.identity.requireOrgRole(stranger.account.id, org.id, 'viewer')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('keeps ownership in owners hands, and at least one owner', async () => {
    const { org, owner, admin, developer } = await team();
    const path = (who: { account: { id: string } }) => `/api/orgs/${org.id}/members/${who.account.id}`;

    const adminGrantsOwner = await c.call('PATCH', path(developer), {
      token: admin.token,
      body: { role: 'owner' },
    });
    expect(adminGrantsOwner.json.error.code).toBe('IDENTITY_OWNER_REQUIRED');
    const adminDemotesOwner = await c.call('PATCH', path(owner), {
      token: admin.token,
      body: { role: 'viewer' },
    });
    expect(adminDemotesOwner.json.error.code).toBe('IDENTITY_OWNER_REQUIRED');
    const adminRemovesOwner = await c.call('DELETE', path(owner), { token: admin.token });
    expect(adminRemovesOwner.json.error.code).toBe('IDENTITY_OWNER_REQUIRED');

    const lastLeaves = await c.call('DELETE', path(owner), { token: owner.token });
    expect(lastLeaves.status).toBe(409);
    expect(lastLeaves.json.error.code).toBe('IDENTITY_LAST_OWNER');
    const lastDemotes = await c.call('PATCH', path(owner), { token: owner.token, body: { role: 'admin' } });
    expect(lastDemotes.json.error.code).toBe('IDENTITY_LAST_OWNER');

    const promoted = await c.call('PATCH', path(admin), { token: owner.token, body: { role: 'owner' } });
    expect(promoted.json).toEqual({ account_id: admin.account.id, role: 'owner' });
    const firstLeaves = await c.call('DELETE', path(owner), { token: owner.token });
    expect(firstLeaves.status).toBe(204);
    expect((await c.call('GET', `/api/orgs/${org.id}`, { token: owner.token })).status).toBe(404);
    const removeLast = await c.call('DELETE', path(admin), { token: admin.token });
    expect(removeLast.json.error.code).toBe('IDENTITY_LAST_OWNER');
  });

  it('never ends with no owner when two owners remove each other at once', async () => {
    const { org, owner, admin } = await team();
    await t.identity.changeRole(owner.account.id, org.id, admin.account.id, 'owner');
    const results = await Promise.allSettled([
      t.identity.removeMember(owner.account.id, org.id, admin.account.id),
      t.identity.removeMember(admin.account.id, org.id, owner.account.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // The loser was either removed first (no longer a member) or is now the last owner.
    expect(['IDENTITY_ORG_NOT_FOUND', 'IDENTITY_LAST_OWNER']).toContain(refused.reason.code);
    const owners = await Promise.all([
      t.identity.getOrgRole(owner.account.id, org.id),
      t.identity.getOrgRole(admin.account.id, org.id),
    ]);
    expect(owners.filter((r) => r === 'owner')).toHaveLength(1);
  });

  it('lets an admin change lower roles and remove members', async () => {
    const { org, admin, developer, viewer } = await team();
    const up = await c.call('PATCH', `/api/orgs/${org.id}/members/${viewer.account.id}`, {
      token: admin.token,
      body: { role: 'developer' },
    });
    expect(up.status).toBe(200);
    expect(await t.identity.getOrgRole(viewer.account.id, org.id)).toBe('developer');
    const out = await c.call('DELETE', `/api/orgs/${org.id}/members/${developer.account.id}`, {
      token: admin.token,
    });
    expect(out.status).toBe(204);
    expect(await t.identity.getOrgRole(developer.account.id, org.id)).toBeUndefined();
    const gone = await c.call('DELETE', `/api/orgs/${org.id}/members/${developer.account.id}`, {
      token: admin.token,
    });
    expect(gone.json.error.code).toBe('IDENTITY_MEMBER_NOT_FOUND');
    const dup = await c.call('POST', `/api/orgs/${org.id}/members`, {
      token: admin.token,
      body: { email: viewer.account.email.toUpperCase(), role: 'viewer' },
    });
    expect(dup.json.error.code).toBe('IDENTITY_ALREADY_MEMBER');
  });

  it('invites an email without an account; it joins with its role at sign-up', async () => {
    const { org, owner } = await team();
    const email = uniqueEmail('invitee');
    const invited = await c.call('POST', `/api/orgs/${org.id}/members`, {
      token: owner.token,
      body: { email, role: 'developer' },
    });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ status: 'invited', invitation: { email, role: 'developer' } });
    const again = await c.call('POST', `/api/orgs/${org.id}/members`, {
      token: owner.token,
      body: { email, role: 'viewer' },
    });
    expect(again.json.error.code).toBe('IDENTITY_ALREADY_MEMBER');

    const joined = await c.developer(email);
    const mine = await c.call('GET', '/api/orgs', { token: joined.token });
    expect(mine.json.orgs).toEqual([{ ...org, role: 'developer' }]);
    const detail = await c.call('GET', `/api/orgs/${org.id}`, { token: owner.token });
    expect(detail.json.invitations).toEqual([]);

    const other = uniqueEmail('withdrawn');
    await c.call('POST', `/api/orgs/${org.id}/members`, {
      token: owner.token,
      body: { email: other, role: 'viewer' },
    });
    const withdrawn = await c.call('DELETE', `/api/orgs/${org.id}/invitations/${encodeURIComponent(other)}`, {
      token: owner.token,
    });
    expect(withdrawn.status).toBe(204);
    const late = await c.developer(other);
    expect((await c.call('GET', '/api/orgs', { token: late.token })).json.orgs).toEqual([]);
  });

  it('refuses bad org input with 400 and changes nothing', async () => {
    const { org, owner } = await team();
    for (const body of [{ name: '' }, { name: 'x'.repeat(101) }, { name: 'ok', extra: 1 }, { name: 7 }]) {
      const res = await c.call('POST', '/api/orgs', { token: owner.token, body });
      expect(res.status).toBe(400);
    }
    for (const body of [
      { email: uniqueEmail(), role: 'god' },
      { email: 'nope', role: 'viewer' },
    ]) {
      const res = await c.call('POST', `/api/orgs/${org.id}/members`, { token: owner.token, body });
      expect(res.status).toBe(400);
    }
    expect((await c.call('GET', '/api/orgs', { token: owner.token })).json.orgs).toHaveLength(1);
    expect((await c.call('GET', `/api/orgs/${org.id}`, { token: owner.token })).json.invitations).toEqual([]);
  });
});
