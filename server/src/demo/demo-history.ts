import type { Platform } from '../platform.ts';

const dayMs = 86_400_000;

/** How many days before today the demo's figures go back. */
export const demoHistoryDays = 21;

/**
 * Past days of the takeout app's funnel, and a few runtime errors, so every chart of the
 * developer console has something to show on a fresh demo (its own loop adds today's).
 * Recorded once: a start that finds yesterday's figures leaves them as they are. The
 * figures are fixed, not random, so two demos look alike.
 */
export async function seedDemoHistory(
  platform: Pick<Platform, 'db' | 'clock' | 'funnel' | 'runtimeErrors'>,
  appid: string,
): Promise<boolean> {
  const { db, clock, funnel } = platform;
  const today = Math.floor(clock.now() / dayMs);
  const iso = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
  const past = await funnel.daily(appid, iso(today - demoHistoryDays), iso(today - 1));
  if (past.some((d) => d.steps.anchor_exposure > 0)) return false;

  await db.transaction().execute(async (trx) => {
    for (let back = demoHistoryDays; back >= 1; back--) {
      const day = today - back;
      // A weekly rhythm (weekends busier) on a slow climb: what a new shop's first weeks look like.
      const weekday = new Date(day * dayMs).getUTCDay();
      const exposures = 300 + (demoHistoryDays - back) * 12 + (weekday === 0 || weekday === 6 ? 140 : 0);
      const counts = {
        anchor_exposure: exposures,
        anchor_click: Math.round(exposures * 0.14),
        app_open: Math.round(exposures * 0.11),
        login: Math.round(exposures * 0.06),
        paid: Math.round(exposures * 0.035),
        settled: Math.round(exposures * 0.03),
      };
      for (const [step, n] of Object.entries(counts) as Array<[keyof typeof counts, number]>)
        for (let i = 0; i < n; i++)
          await funnel.record(trx, {
            appid,
            step,
            // Spread over the afternoon and evening, when people order food.
            at: day * dayMs + 11 * 3_600_000 + ((i * 7_919) % (10 * 3_600_000)),
            ...(step === 'settled' ? { amount: 3200 + ((i * 613) % 2400) } : {}),
          });
    }
  });
  // Errors the demo's users might have met in an older version of the shop.
  const errors = [
    {
      message: "Cannot read properties of undefined (reading 'price')",
      file: 'pages/menu/menu.js',
      line: 42,
      column: 17,
    },
    { message: 'cart is not defined', file: 'pages/checkout/checkout.js', line: 88, column: 5 },
  ];
  for (const [i, e] of errors.entries())
    for (let n = 0; n <= i * 3 + 2; n++)
      await platform.runtimeErrors.report({ appid, version: n % 2 ? '0.9.0' : '1.0.0', ...e });
  return true;
}
