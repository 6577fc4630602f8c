import type { HostCapabilities } from './host-capabilities.ts';

type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const REPEATS = new Set(['day', 'week', 'month', 'year']);

/**
 * What the phone itself answers through the host: where the user is (once, coarsely, or
 * continuously; each fix goes to `wx.onLocationChange`, a lost fix to `wx.onLocationChangeError`),
 * events added to the user's calendar, whether it can verify the user (SOTER) and decode HEVC.
 */
export function installPhoneMembers(host: HostCapabilities, define: Define): void {
  const coordinates = (o: Options) => (str(o.type) === 'gcj02' ? 'gcj02' : 'wgs84');
  define('getFuzzyLocation', async (o) => {
    const { latitude, longitude } = await host.getLocation({ type: coordinates(o), fuzzy: true });
    return { latitude, longitude };
  });
  define('startLocationUpdate', (o) =>
    host.locationUpdates({ running: true, background: false, type: coordinates(o) }),
  );
  define('startLocationUpdateBackground', (o) =>
    host.locationUpdates({ running: true, background: true, type: coordinates(o) }),
  );
  define('stopLocationUpdate', () =>
    host.locationUpdates({ running: false, background: false, type: 'wgs84' }),
  );

  const calendar = (o: Options, repeat: boolean) => {
    const title = str(o.title);
    const startTime = num(o.startTime);
    if (!title) throw new Error('title should not be empty');
    if (startTime === undefined) throw new Error('startTime should be a unix timestamp in seconds');
    // `endTime` is typed a string in WeChat's typings and a number in its examples: both count.
    const endTime = num(Number(o.endTime ?? Number.NaN));
    const interval = str(o.repeatInterval) || 'month';
    if (repeat && !REPEATS.has(interval)) throw new Error(`invalid repeatInterval "${interval}"`);
    return host.addCalendarEvent({
      title,
      startTime,
      ...(endTime !== undefined ? { endTime } : {}),
      allDay: o.allDay === true,
      description: str(o.description),
      location: str(o.location),
      alarm: o.alarm !== false,
      alarmOffset: num(o.alarmOffset) ?? 0,
      ...(repeat ? { repeatInterval: interval, repeatEndTime: num(o.repeatEndTime) } : {}),
    });
  };
  define('addPhoneCalendar', (o) => calendar(o, false));
  define('addPhoneRepeatCalendar', (o) => calendar(o, true));

  // The browser verifies the user with the platform authenticator (fingerprint, face or PIN).
  define('checkIsSupportSoterAuthentication', async () => ({
    supportMode: (await host.deviceAbility({ ability: 'userVerification' })) ? ['fingerPrint'] : [],
  }));
  define('checkIsSoterEnrolledInDevice', async (o) => {
    const mode = str(o.checkAuthMode);
    if (mode !== 'fingerPrint' && mode !== 'facial' && mode !== 'speech')
      throw new Error(`invalid checkAuthMode "${mode}"`);
    const verifies = mode === 'fingerPrint' && (await host.deviceAbility({ ability: 'userVerification' }));
    return { isEnrolled: verifies };
  });
  define('startSoterAuthentication', async (o) => {
    const modes = Array.isArray(o.requestAuthModes) ? o.requestAuthModes : [];
    const authMode = modes.find((m) => m === 'fingerPrint' || m === 'facial');
    if (!authMode) throw new Error('invalid requestAuthModes: fingerPrint or facial');
    const challenge = str(o.challenge);
    if (!challenge) throw new Error('challenge should not be empty');
    const assertion = await host.soterAuthentication({
      challenge,
      authContent: str(o.authContent),
      authMode,
    });
    return { ...assertion, errCode: 0 };
  });
  define('chooseLicensePlate', () => host.chooseLicensePlate());
  define('checkDeviceSupportHevc', async () => ({
    supportHevc: await host.deviceAbility({ ability: 'hevc' }),
  }));
}
