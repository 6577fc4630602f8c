/** Base styles of a page frame: the mini-program defaults (no margins, system font, 16px). */
export const FRAME_STYLE = `
html { -webkit-text-size-adjust: 100%; font-family: -apple-system, "PingFang SC", "Helvetica Neue", "Noto Sans", Arial, sans-serif; font-size: 16px; color: #000; }
body { margin: 0; min-height: 100vh; }
plaza-page { display: block; min-height: 100vh; }
plaza-page[hidden] { display: none; }
[data-plaza="refresh-indicator"] { position: absolute; top: 0; left: 0; right: 0; height: 60px; display: flex; align-items: center; justify-content: center; gap: 6px; }
[data-plaza="refresh-indicator"][hidden] { display: none; }
[data-plaza="refresh-indicator"] i { width: 6px; height: 6px; border-radius: 50%; background: #bbb; animation: plaza-dot 1s infinite; }
[data-plaza="refresh-indicator"].dark i { background: #666; }
[data-plaza="refresh-indicator"] i:nth-child(2) { animation-delay: 0.2s; }
[data-plaza="refresh-indicator"] i:nth-child(3) { animation-delay: 0.4s; }
@keyframes plaza-dot { 0%, 100% { opacity: 0.2; } 50% { opacity: 1; } }
`;
