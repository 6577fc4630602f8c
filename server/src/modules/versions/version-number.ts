import { versionErrors } from './errors.ts';

/** A version number as developers write it: MAJOR.MINOR.PATCH. */
export interface VersionNumber {
  major: number;
  minor: number;
  patch: number;
}

const pattern = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

/**
 * Parses `1.2.0`; anything else (prereleases included: a released mini program has no
 * prerelease channel, grey release is the channel) is a 400.
 *
 * @example
 * parseVersion('1.10.0') // { major: 1, minor: 10, patch: 0 }
 */
export function parseVersion(text: string): VersionNumber {
  const match = pattern.exec(text);
  if (!match) throw versionErrors.INVALID_NUMBER({ version: text });
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareVersions(a: VersionNumber, b: VersionNumber): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
