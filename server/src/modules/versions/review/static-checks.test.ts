import type { Manifest } from '@plaza/compiler';
import { describe, expect, it } from 'vitest';
import { domainProblems, UnreadableProgramError, unsupportedUsage } from './static-checks.ts';

const usage = (apis: string[], components: string[]) =>
  ({ usage: { apis, components } }) as unknown as Manifest;

describe('what the review reports as not run yet', () => {
  it('knows every built-in the container renders (swiper, picker, map…), as `plaza check` does', () => {
    const report = unsupportedUsage(usage([], ['view', 'swiper', 'picker', 'map', 'editor', 'live-pusher']));
    expect(report.components).toEqual(['live-pusher']);
  });

  it('takes plain HTML tags for the inert elements they render as, and still names unknown ones', () => {
    const report = unsupportedUsage(usage([], ['span', 'div', 'i', 'kefu']));
    expect(report.components).toEqual(['kefu']);
  });

  it('names the APIs outside the registry and none inside it', () => {
    const report = unsupportedUsage(usage(['request', 'getBluetoothAdapterState', 'setStorageSync'], []));
    expect(report.apis).toEqual(['getBluetoothAdapterState']);
  });
});

describe('the request-domain check', () => {
  it('names a URL outside the allow-list', () => {
    const problems = domainProblems("fetch('https://evil.example/x')", ['https://api.example']);
    expect(problems.map((p) => p.origin)).toEqual(['https://evil.example']);
  });

  it('fails, rather than passes, a program whose logic does not parse', () => {
    expect(() => domainProblems("fetch('https://evil.example/x'", [])).toThrow(UnreadableProgramError);
  });
});
