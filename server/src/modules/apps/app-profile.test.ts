import { describe, expect, it } from 'vitest';
import { requestDomainOrigin } from './app-profile.ts';

describe('request domains', () => {
  it('accept https origins with a domain name and refuse loopback http by default', () => {
    expect(requestDomainOrigin('https://API.example.com/')).toBe('https://api.example.com');
    for (const bad of [
      'http://127.0.0.1:8081',
      'http://localhost:8081',
      'https://127.0.0.1',
      'http://[::1]:80',
    ]) {
      expect(() => requestDomainOrigin(bad)).toThrow(/request domain/);
    }
  });

  it('accept a loopback http origin only when the demo allowance is on, and nothing wider', () => {
    const demo = { allowLoopbackHttp: true };
    expect(requestDomainOrigin('http://127.0.0.1:8081', demo)).toBe('http://127.0.0.1:8081');
    expect(requestDomainOrigin('http://localhost:3000/', demo)).toBe('http://localhost:3000');
    for (const bad of [
      'http://192.168.1.10:8081',
      'http://shop.example.com',
      'http://127.0.0.1:8081/api',
      'http://user:pw@127.0.0.1:8081',
    ]) {
      expect(() => requestDomainOrigin(bad, demo)).toThrow(/request domain/);
    }
  });
});
