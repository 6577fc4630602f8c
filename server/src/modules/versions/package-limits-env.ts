import { z } from 'zod';
import { defaultPackageLimits, type PackageLimits } from './package-limits.ts';

const bytes = z.coerce
  .number()
  .int()
  .min(1024)
  .max(1024 * 1024 * 1024);
const schema = z.object({
  PLAZA_PACKAGE_MAIN_BYTES: bytes.default(defaultPackageLimits.mainBytes),
  PLAZA_PACKAGE_SUBPACKAGE_BYTES: bytes.default(defaultPackageLimits.subpackageBytes),
  PLAZA_PACKAGE_TOTAL_BYTES: bytes.default(defaultPackageLimits.totalBytes),
});

/**
 * The package size limits from the environment (`PLAZA_PACKAGE_MAIN_BYTES`,
 * `PLAZA_PACKAGE_SUBPACKAGE_BYTES`, `PLAZA_PACKAGE_TOTAL_BYTES`); Douyin's by default.
 *
 * @example
 * packageLimitsFromEnv(process.env) // { mainBytes: 2097152, subpackageBytes: 2097152, totalBytes: 20971520 }
 */
export function packageLimitsFromEnv(env: Record<string, string | undefined>): PackageLimits {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('PLAZA_PACKAGE_') && v),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(
      `Invalid package limits: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return {
    mainBytes: parsed.data.PLAZA_PACKAGE_MAIN_BYTES,
    subpackageBytes: parsed.data.PLAZA_PACKAGE_SUBPACKAGE_BYTES,
    totalBytes: parsed.data.PLAZA_PACKAGE_TOTAL_BYTES,
  };
}
