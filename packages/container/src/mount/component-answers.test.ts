import type { HostCapabilities } from '@plaza/runtime';
import { describe, expect, it, vi } from 'vitest';
import type { HostContext } from '../host/browser-host.ts';
import { answerComponent, type ComponentAnswerContext } from './component-answers.ts';

function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

function answering(options: { storage?: Storage; camera?: boolean; consent?: boolean } = {}) {
  const getUserProfile = vi.fn(async () => ({ userInfo: { nickName: 'Mia', avatarUrl: 'a.png' } }));
  const consent = vi.fn(async () => options.consent ?? true);
  const ctx: ComponentAnswerContext = {
    host: { getUserProfile } as unknown as HostCapabilities,
    context: {
      appId: 'app',
      userId: 'u1',
      appName: 'App',
      appConfig: {},
      permissions: { camera: options.camera ?? false },
      storage: options.storage ?? memoryStorage(),
      consent,
    } as unknown as HostContext,
    componentCode: async (name) => `/* ${name} */`,
    mapTiles: { tiles: ['https://tiles.example.com/{z}/{x}/{y}.png'] },
  };
  return { ctx, getUserProfile, consent };
}

describe('what components may ask of the host', () => {
  it('map-tile: only from the operator tile servers', async () => {
    const { ctx } = answering();
    await expect(
      answerComponent({ kind: 'map-tile', url: 'https://evil.example/steal' }, ctx),
    ).rejects.toThrow('not a tile server of this platform');
  });

  it('open-data: nothing (and no prompt) until the user consented to scope.userInfo', async () => {
    const none = answering();
    expect(await answerComponent({ kind: 'open-data' }, none.ctx)).toBeNull();
    expect(none.getUserProfile).not.toHaveBeenCalled();
    expect(none.consent).not.toHaveBeenCalled();
    const given = answering({ storage: memoryStorage({ 'plaza-consent:app:u1:scope.userInfo': 'allow' }) });
    expect(await answerComponent({ kind: 'open-data' }, given.ctx)).toMatchObject({
      nickName: 'Mia',
      avatarUrl: 'a.png',
    });
  });

  it('camera: refused to an app the platform did not grant it, without asking the user', async () => {
    const { ctx, consent } = answering({ camera: false });
    await expect(
      answerComponent({ kind: 'camera', facing: 'user', width: 640, height: 480 }, ctx),
    ).rejects.toThrow('the camera is not available to this app');
    expect(consent).not.toHaveBeenCalled();
  });

  it('media: only http(s)', async () => {
    const { ctx } = answering();
    await expect(answerComponent({ kind: 'media', url: 'file:///etc/passwd' }, ctx)).rejects.toThrow(
      'invalid url',
    );
  });
});
