import { HostRefusal, type SoterAssertion } from '@plaza/runtime';

const base64 = (bytes: ArrayBuffer): string => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const base64Bytes = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * `wx.startSoterAuthentication` in a browser: a WebAuthn assertion by the platform
 * authenticator (fingerprint or face), the user verified. The app's key is made on first use
 * and remembered per app and user in `keys`. `resultJSON` carries the challenge (`raw`), the
 * key's id (`fid`), the counter and the authenticator's data and client data the signature
 * covers, so a server holding the public key can check `resultJSONSignature`.
 */
export async function soterAuthentication(
  win: Window,
  keys: Storage | undefined,
  keyName: string,
  { challenge, authMode }: { challenge: string; authMode: SoterAssertion['authMode'] },
): Promise<SoterAssertion> {
  const credentials = win.navigator.credentials;
  const platform = (win as Window & { PublicKeyCredential?: typeof PublicKeyCredential }).PublicKeyCredential;
  const available = await platform?.isUserVerifyingPlatformAuthenticatorAvailable?.().catch(() => false);
  if (!credentials || !available) throw new HostRefusal('no biometric enrolled on this device');
  const rpId = win.location.hostname;
  let id = keys?.getItem(keyName);
  if (!id) {
    const made = (await credentials
      .create({
        publicKey: {
          rp: { id: rpId, name: 'Plaza' },
          user: { id: win.crypto.getRandomValues(new Uint8Array(16)), name: keyName, displayName: keyName },
          challenge: win.crypto.getRandomValues(new Uint8Array(32)),
          pubKeyCredParams: [
            { type: 'public-key', alg: -7 },
            { type: 'public-key', alg: -257 },
          ],
          authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required' },
        },
      })
      .catch(() => null)) as PublicKeyCredential | null;
    if (!made) throw new HostRefusal('authentication cancelled');
    id = base64(made.rawId);
    keys?.setItem(keyName, id);
  }
  const assertion = (await credentials
    .get({
      publicKey: {
        rpId,
        challenge: new TextEncoder().encode(challenge),
        allowCredentials: [{ type: 'public-key', id: base64Bytes(id) }],
        userVerification: 'required',
      },
    })
    .catch(() => null)) as PublicKeyCredential | null;
  if (!assertion) throw new HostRefusal('authentication cancelled');
  const response = assertion.response as AuthenticatorAssertionResponse;
  const data = new DataView(response.authenticatorData);
  const result = {
    raw: challenge,
    fid: id,
    counter: data.getUint32(33),
    tee_n: 'webauthn',
    tee_v: '',
    fp_n: 'platform',
    fp_v: '',
    cpu_id: '',
    uid: '',
    authenticator_data: base64(response.authenticatorData),
    client_data_json: base64(response.clientDataJSON),
  };
  return {
    // WebAuthn does not say how the platform authenticator verified the user: the mode asked.
    authMode,
    resultJSON: JSON.stringify(result),
    resultJSONSignature: base64(response.signature),
  };
}
