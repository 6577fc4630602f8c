import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, api, type User } from './api.ts';

interface SessionValue {
  user: User | null | undefined;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** Opens the sign-in sheet and resolves with the user, or null when they close it. */
  requireUser(): Promise<User | null>;
  signInOpen: boolean;
  finishSignIn(user: User | null): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [waiting, setWaiting] = useState<Array<(u: User | null) => void>>([]);

  const refresh = useCallback(async () => {
    try {
      setUser((await api<{ user: User }>('GET', '/api/me')).user);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setUser(null);
      else throw error;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value: SessionValue = {
    user,
    refresh,
    async signOut() {
      await api('DELETE', '/api/users/sessions/current');
      setUser(null);
    },
    requireUser() {
      if (user) return Promise.resolve(user);
      return new Promise((resolve) => setWaiting((w) => [...w, resolve]));
    },
    signInOpen: waiting.length > 0,
    finishSignIn(u) {
      if (u) setUser(u);
      for (const resolve of waiting) resolve(u);
      setWaiting([]);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
