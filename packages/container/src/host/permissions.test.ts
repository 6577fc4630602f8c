import { HostRefusal } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { allowedOrigins, checkRequestUrl, declaredScope, toOrigin } from './permissions.ts';

describe('the app’s permissions', () => {
  it('reads declared domains as origins: a bare host means https', () => {
    expect(toOrigin('api.shop.example')).toBe('https://api.shop.example');
    expect(toOrigin('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(allowedOrigins(['api.shop.example', '::bad::'])).toEqual(['https://api.shop.example']);
  });

  it('lets a request through only to an allowed origin, with its scheme and port', () => {
    const allowed = ['https://api.shop.example'];
    expect(checkRequestUrl('https://api.shop.example/orders?x=1', allowed).pathname).toBe('/orders');
    for (const url of [
      'http://api.shop.example/orders',
      'https://api.shop.example:8443/',
      'https://evil.example/',
      'https://api.shop.example.evil.example/',
    ]) {
      expect(() => checkRequestUrl(url, allowed), url).toThrow(/url not in domain list/);
    }
    expect(() => checkRequestUrl('javascript:alert(1)', allowed)).toThrow(HostRefusal);
    expect(() => checkRequestUrl('not a url', allowed)).toThrow('invalid url');
  });

  it('asks for personal data only when app.json declares the scope', () => {
    const appConfig = { permission: { 'scope.userLocation': { desc: 'to find the nearest store' } } };
    expect(declaredScope('getLocation', appConfig)).toEqual({
      scope: 'scope.userLocation',
      reason: 'to find the nearest store',
    });
    expect(() => declaredScope('getLocation', {})).toThrow(
      'scope.userLocation is not declared in app.json permission',
    );
    expect(declaredScope('showToast', {})).toBeUndefined();
  });
});
