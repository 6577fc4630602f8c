import { containerComponents } from '@plaza/container';
import { IMPLEMENTED_MEMBERS, MEMBER_NOTES, unavailableReason } from '@plaza/runtime';
import { renderAbsentMembers, renderMatrix } from './api-matrix.ts';
import { ttMembers, wxMembers } from './declared-members.ts';

/** What the generator writes, by path from the repository root. */
export async function generatedFiles(): Promise<Record<string, string>> {
  const wx = wxMembers();
  const tt = ttMembers();
  return {
    'docs/api-matrix.md': renderMatrix({
      wx,
      tt,
      implemented: IMPLEMENTED_MEMBERS,
      unavailableReason,
      notes: MEMBER_NOTES,
      // `<slot>` is no element of the registry: the view projects a custom component's
      // content into it, fallback content included (the gallery's Chromium test).
      components: [...containerComponents({ webViewOrigins: [] }).tags(), 'slot'],
    }),
    'packages/runtime/src/api/absent-members.ts': renderAbsentMembers(wx, tt, IMPLEMENTED_MEMBERS),
  };
}
