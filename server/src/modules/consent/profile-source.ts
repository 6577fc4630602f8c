/** The nickname and avatar an app receives with the `profile` scope. */
export interface SharedProfile {
  nickname: string;
  avatarUrl: string | null;
}

/** Where the user's profile comes from; identity keeps only a phone number today. */
export interface ProfileSource {
  profileOf(userId: string): Promise<SharedProfile | undefined>;
}

/**
 * The profile of every user who has not chosen one: a neutral name and no avatar, the
 * way WeChat answers `getUserProfile` since it stopped handing out real nicknames by
 * default. Nothing about the person leaks through it.
 */
export function defaultProfiles(users: { getUser(id: string): Promise<unknown> }): ProfileSource {
  return {
    async profileOf(userId) {
      return (await users.getUser(userId)) ? { nickname: 'Plaza user', avatarUrl: null } : undefined;
    },
  };
}
