import { describe, expect, it } from 'vitest';
import { refusedAddress, webhookUrlProblem } from './webhook-target.ts';

const strict = { allowLoopback: false };
const loose = { allowLoopback: true };

describe('webhook targets', () => {
  // Every way of writing this machine that a URL parser or a resolver understands.
  const loopbackUrls = [
    'http://127.0.0.1/hooks',
    'http://127.0.0.2:8081/hooks',
    'http://127.1/hooks',
    'http://0x7f000001/hooks',
    'http://2130706433/hooks',
    'http://017700000001/hooks',
    'http://0x7f.0.0.1/hooks',
    'http://127.0.0.1./hooks',
    'http://[::1]/hooks',
    'http://[0:0:0:0:0:0:0:1]/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
    'https://[::ffff:7f00:1]/hooks',
    'http://localhost:8081/hooks',
    'http://LOCALHOST./hooks',
    'http://merchant.localhost/hooks',
  ];
  it('refuses loopback in every notation unless loopback is allowed', () => {
    for (const url of loopbackUrls) {
      expect(webhookUrlProblem(url, strict), url).not.toBeNull();
      expect(webhookUrlProblem(url, loose), url).toBeNull();
    }
  });

  it('refuses internal, shared and special addresses even when loopback is allowed', () => {
    const internal = [
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/',
      'http://0/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://240.0.0.1/',
      'http://192.0.2.1/',
      'http://0xa9fea9fe/',
      'http://[::]/',
      'http://[fc00::1]/',
      'http://[fd12:3456::1]/',
      'http://[fe80::1]/',
      'http://[ff02::1]/',
      'http://[::ffff:10.0.0.1]/',
      'http://[::ffff:169.254.169.254]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[2002:7f00:1::]/',
      'http://[2001:db8::1]/',
    ];
    for (const url of internal) expect(webhookUrlProblem(url, loose), url).not.toBeNull();
  });

  it('lets public addresses and names through, and refuses what is no http(s) URL', () => {
    for (const url of [
      'https://hooks.example.com/plaza',
      'http://93.184.215.14:8080/x',
      'https://[2606:4700::1111]/x',
      'https://localhost.example.com/x',
    ]) {
      expect(webhookUrlProblem(url, strict), url).toBeNull();
    }
    for (const url of [
      'ftp://hooks.example.com',
      'https://u:p@hooks.example.com',
      'not a url',
      'file:///etc',
    ]) {
      expect(webhookUrlProblem(url, loose), url).not.toBeNull();
    }
  });

  it('judges resolved addresses, IPv4-mapped ones as their IPv4', () => {
    expect(refusedAddress('127.0.0.1', strict)).toBe('loopback');
    expect(refusedAddress('::ffff:127.0.0.1', strict)).toBe('loopback');
    expect(refusedAddress('::ffff:127.0.0.1', loose)).toBeNull();
    expect(refusedAddress('::ffff:192.168.0.1', loose)).toBe('private');
    expect(refusedAddress('100.100.100.100', loose)).toBe('carrierGradeNat');
    expect(refusedAddress('8.8.8.8', strict)).toBeNull();
    expect(refusedAddress('not-an-address', loose)).not.toBeNull();
  });
});
