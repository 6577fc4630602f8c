/**
 * Program source (for the probe programs) of `silentWav(seconds)`: a data URL of an 8 kHz, 8-bit
 * mono WAV of silence, built in the logic layer with the program's own `wx.arrayBufferToBase64`.
 */
export const SILENT_WAV_SOURCE = `
function silentWav(seconds) {
  const n = 8000 * seconds;
  const buf = new ArrayBuffer(44 + n);
  const v = new DataView(buf);
  const w = (o, s) => { for (let i = 0; i < s.length; i++) v.setUint8(o + i, s.charCodeAt(i)); };
  w(0, 'RIFF'); v.setUint32(4, 36 + n, true); w(8, 'WAVE'); w(12, 'fmt '); v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); v.setUint16(22, 1, true); v.setUint32(24, 8000, true); v.setUint32(28, 8000, true);
  v.setUint16(32, 1, true); v.setUint16(34, 8, true); w(36, 'data'); v.setUint32(40, n, true);
  for (let i = 0; i < n; i++) v.setUint8(44 + i, 128);
  return 'data:audio/wav;base64,' + wx.arrayBufferToBase64(buf);
}
`;
