import { removeGlobals } from '../logic-frame/network-lockdown.ts';

/**
 * What a view frame's CSP does not cover: WebRTC sends packets to any TURN/STUN server
 * whatever `default-src` says, and a beacon or a broadcast channel is one more way out to keep
 * closed. wxs/sjs cannot reach the global object, and the frame's own code never uses these;
 * removing them means a future escape still finds nothing to call.
 */
const UNCOVERED = [
  'RTCPeerConnection',
  'webkitRTCPeerConnection',
  'RTCDataChannel',
  'RTCSessionDescription',
  'RTCIceCandidate',
  'RTCRtpSender',
  'RTCRtpReceiver',
  'RTCRtpTransceiver',
  'RTCDtlsTransport',
  'RTCIceTransport',
  'RTCSctpTransport',
  'RTCCertificate',
  'RTCEncodedAudioFrame',
  'RTCEncodedVideoFrame',
  'WebTransport',
  'BroadcastChannel',
  'SharedWorker',
  'PresentationRequest',
] as const;

export function lockDownFrame(window: Window): void {
  removeGlobals(window, UNCOVERED);
  const navigatorProto = Object.getPrototypeOf(window.navigator) as Record<string, unknown>;
  removeGlobals(navigatorProto, ['sendBeacon']);
}
