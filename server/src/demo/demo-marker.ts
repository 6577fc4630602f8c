import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What a seeded data dir remembers of its demo: the takeout app's credentials, which the
 * platform shows only once and the merchant server needs at every start. The file is
 * readable by its owner only, like the database beside it.
 */
const markerSchema = z.object({
  format: z.literal(1),
  seededAt: z.string(),
  orgId: z.string(),
  appid: z.string(),
  secret: z.string(),
  webhookSecret: z.string(),
  merchantPort: z.number().int(),
  /** The takeout app's "Order status" subscription-message template (absent in older demos). */
  orderTemplateId: z.string().optional(),
  videos: z.number().int(),
  /** The live creator's session (a bearer token), so a restart goes live without a new sign-in code. */
  liveSession: z.string().optional(),
  /** The app's Douyin payment settings, for the Douyin-style merchant server. */
  douyin: z.object({ salt: z.string(), callbackToken: z.string() }).optional(),
});
export type DemoMarker = z.infer<typeof markerSchema>;

const markerFile = (dataDir: string) => join(dataDir, 'demo.json');

export async function readDemoMarker(dataDir: string): Promise<DemoMarker | undefined> {
  let text: string;
  try {
    text = await readFile(markerFile(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = markerSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

export async function writeDemoMarker(dataDir: string, marker: DemoMarker): Promise<void> {
  await writeFile(markerFile(dataDir), `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o600 });
  await chmod(markerFile(dataDir), 0o600);
}
