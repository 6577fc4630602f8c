import type { ConsoleAccount } from '@plaza/api-types/console';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { consoleApi } from './console-api.ts';

/** The signed-in console account: undefined while asking, null when signed out. */
export function useAccount() {
  const [account, setAccount] = useState<ConsoleAccount | null>();
  const [error, setError] = useState<Error>();
  const refresh = useCallback(async () => {
    try {
      setAccount((await consoleApi<{ account: ConsoleAccount }>('GET', '/api/me/account')).account);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setAccount(null);
      else setError(e as Error);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const signOut = useCallback(async () => {
    await consoleApi('DELETE', '/api/sessions/current');
    setAccount(null);
  }, []);
  return { account, error, refresh, signOut };
}
