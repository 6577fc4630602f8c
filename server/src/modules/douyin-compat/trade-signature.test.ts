import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  callbackSignedText,
  parseByteAuthorization,
  publicKeyProblem,
  requestOrderSignedText,
  rsaSign,
  rsaSignatureMatches,
} from './trade-signature.ts';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

describe('the trade system signatures', () => {
  it('reads byteAuthorization with quoted and bare values, as the official demos write both', () => {
    const fields = {
      appid: 'tt07e3715e98c9aac0',
      nonceStr: 'DC10180A',
      timestamp: '1718957342',
      keyVersion: '1',
      signature: 'c2ln+/==',
    };
    expect(
      parseByteAuthorization(
        'SHA256-RSA2048 appid="tt07e3715e98c9aac0",nonce_str="DC10180A",timestamp="1718957342",key_version="1",signature="c2ln+/=="',
      ),
    ).toEqual(fields);
    expect(
      parseByteAuthorization(
        'SHA256-RSA2048 appid=tt07e3715e98c9aac0,nonce_str=DC10180A,timestamp=1718957342,key_version=1,signature=c2ln+/==',
      ),
    ).toEqual(fields);
    expect(parseByteAuthorization('SHA256-RSA2048 appid="a",nonce_str="n",timestamp="1"')).toBeNull();
    expect(parseByteAuthorization('Bearer x')).toBeNull();
  });

  it('checks a signature computed with node:crypto over the documented text', () => {
    const data = '{"outOrderNo":"A1","totalAmount":1}';
    // The documented string, written out by hand.
    const text = `POST\n/requestOrder\n1718957342\nDC10180A\n${data}\n`;
    expect(requestOrderSignedText('1718957342', 'DC10180A', data)).toBe(text);
    const signature = createSign('SHA256').update(text).sign(keys.privateKey, 'base64');
    expect(rsaSignatureMatches(keys.publicKey, text, signature)).toBe(true);
    expect(rsaSignatureMatches(keys.publicKey, `${text} `, signature)).toBe(false);
    expect(rsaSignatureMatches(keys.publicKey, text, 'not base64!')).toBe(false);
    expect(callbackSignedText('1', 'n', '{}')).toBe('1\nn\n{}\n');
    expect(rsaSign(keys.privateKey, text)).toBe(signature);
  });

  it('takes RSA public keys of 2048 bits and more, nothing else', () => {
    expect(publicKeyProblem(keys.publicKey)).toBeNull();
    expect(publicKeyProblem(keys.privateKey)).toMatch(/private key/);
    expect(publicKeyProblem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toMatch(/PEM/);
  });
});
