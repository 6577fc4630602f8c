/** The host chrome's look: phone-native navigation bar, tab bar, sheets and slide transitions. */
export const SHELL_STYLE = `
.plaza-container { position: relative; width: 100%; height: 100%; overflow: hidden; display: flex; flex-direction: column; background: #fff; font-family: -apple-system, "PingFang SC", "Helvetica Neue", "Noto Sans", Arial, sans-serif; contain: strict; }
.plaza-pages { position: relative; flex: 1; min-height: 0; }
.plaza-page { position: absolute; inset: 0; display: flex; flex-direction: column; background: #fff; z-index: 1; }
.plaza-page[hidden] { display: none; }
.plaza-view { flex: 1; width: 100%; border: 0; display: block; background: transparent; }
.plaza-nav { flex: none; display: flex; align-items: center; justify-content: center; position: relative; height: 44px; padding-top: env(safe-area-inset-top); transition: background .3s, color .3s; }
.plaza-nav[hidden] { display: none; }
.plaza-nav-title { margin: 0; font-size: 17px; font-weight: 600; max-width: 60%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.plaza-nav-back { position: absolute; left: 4px; bottom: 0; width: 44px; height: 44px; border: 0; background: none; color: inherit; cursor: pointer; }
.plaza-nav-back::before { content: ""; display: inline-block; width: 12px; height: 12px; border-left: 2px solid currentColor; border-bottom: 2px solid currentColor; transform: rotate(45deg); }
.plaza-nav-back[hidden] { display: none; }
.plaza-nav-home { position: absolute; left: 4px; bottom: 0; width: 44px; height: 44px; border: 0; background: none; color: inherit; cursor: pointer; }
.plaza-nav-home::before { content: ""; display: inline-block; width: 12px; height: 9px; margin-top: 8px; border: 2px solid currentColor; border-top: 0; }
.plaza-nav-home::after { content: ""; position: absolute; left: 16px; top: 12px; width: 10px; height: 10px; border-left: 2px solid currentColor; border-top: 2px solid currentColor; transform: rotate(45deg); }
.plaza-nav-home[hidden] { display: none; }
.plaza-tabbar { flex: none; display: flex; border-top: 1px solid rgba(0,0,0,.15); padding-bottom: env(safe-area-inset-bottom); }
.plaza-tabbar[data-border="white"] { border-top-color: rgba(255,255,255,.3); }
.plaza-tabbar[hidden] { display: none; }
.plaza-tabbar button { flex: 1; border: 0; background: none; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 2px; height: 50px; font-size: 11px; cursor: pointer; }
.plaza-tabbar img { width: 24px; height: 24px; }
.plaza-tabbar button { position: relative; }
.plaza-tabbar-badge { position: absolute; top: 2px; left: calc(50% + 6px); min-width: 16px; height: 16px; padding: 0 4px; box-sizing: border-box; border-radius: 8px; background: #fa5151; color: #fff; font-size: 11px; line-height: 16px; text-align: center; }
.plaza-tabbar-badge.plaza-tabbar-dot { min-width: 8px; width: 8px; height: 8px; padding: 0; }
.plaza-tabbar-badge[hidden] { display: none; }
.plaza-tabbar button:only-of-type, .plaza-tabbar button span:only-child { font-size: 14px; }
.plaza-push-in { animation: plaza-push-in .3s cubic-bezier(.2,.8,.2,1) both; z-index: 2; box-shadow: -6px 0 16px rgba(0,0,0,.12); }
.plaza-push-under { animation: plaza-push-under .3s cubic-bezier(.2,.8,.2,1) both; }
.plaza-pop-out { animation: plaza-pop-out .3s cubic-bezier(.2,.8,.2,1) both; box-shadow: -6px 0 16px rgba(0,0,0,.12); }
.plaza-pop-reveal { animation: plaza-pop-reveal .3s cubic-bezier(.2,.8,.2,1) both; }
@keyframes plaza-push-in { from { transform: translateX(100%); } to { transform: none; } }
@keyframes plaza-push-under { from { transform: none; } to { transform: translateX(-30%); } }
@keyframes plaza-pop-out { from { transform: none; } to { transform: translateX(100%); } }
@keyframes plaza-pop-reveal { from { transform: translateX(-30%); } to { transform: none; } }
.plaza-capsule { position: absolute; top: calc(var(--plaza-capsule-top, env(safe-area-inset-top)) + 6px); right: 7px; z-index: 5; display: flex; box-sizing: border-box; width: 87px; height: 32px; border-radius: 16px; border: 1px solid rgba(0,0,0,.12); background: rgba(255,255,255,.75); overflow: hidden; }
.plaza-capsule button { flex: 1; min-width: 0; border: none; background: none; font: inherit; font-size: 16px; line-height: 1; color: #000; cursor: pointer; }
.plaza-capsule button + button { border-left: 1px solid rgba(0,0,0,.12); }
.plaza-overlay { position: absolute; inset: 0; pointer-events: none; z-index: 10; }
.plaza-overlay > * { pointer-events: auto; }
.plaza-toast { position: absolute; left: 50%; top: 45%; transform: translate(-50%, -50%); min-width: 120px; max-width: 70%; padding: 16px; border-radius: 10px; background: rgba(17,17,17,.75); color: #fff; display: flex; flex-direction: column; align-items: center; gap: 8px; font-size: 15px; text-align: center; }
.plaza-toast-text { min-width: 0; padding: 10px 16px; }
.plaza-overlay > .plaza-toast { pointer-events: none; }
.plaza-overlay > .plaza-toast-mask { position: absolute; inset: 0; pointer-events: auto; }
.plaza-toast-icon { font-size: 36px; line-height: 1; }
.plaza-toast-loading { width: 32px; height: 32px; border: 3px solid rgba(255,255,255,.4); border-top-color: #fff; border-radius: 50%; animation: plaza-spin .8s linear infinite; }
@keyframes plaza-spin { to { transform: rotate(360deg); } }
.plaza-mask { position: absolute; inset: 0; background: rgba(0,0,0,.5); display: flex; align-items: center; justify-content: center; }
.plaza-modal { width: 80%; max-width: 320px; background: #fff; border-radius: 12px; overflow: hidden; text-align: center; }
.plaza-modal h2 { font-size: 17px; margin: 24px 20px 8px; }
.plaza-modal p { margin: 8px 20px 24px; color: #555; font-size: 15px; line-height: 1.5; }
.plaza-modal input { margin: 8px 20px 20px; width: calc(100% - 40px); box-sizing: border-box; padding: 8px; border: 1px solid #ddd; border-radius: 6px; font-size: 15px; }
.plaza-app-authorize dl { display: grid; grid-template-columns: 1fr auto; gap: 10px 16px; margin: 12px 24px; text-align: left; font-size: 15px; }
.plaza-app-authorize dd { margin: 0; color: #555; }
.plaza-crop select { margin: 0 20px 16px; font-size: 15px; }
.plaza-modal-actions { display: flex; border-top: 1px solid #eee; }
.plaza-modal-actions button { flex: 1; height: 50px; border: 0; background: none; font-size: 17px; cursor: pointer; }
.plaza-modal-actions button + button { border-left: 1px solid #eee; }
.plaza-modal-actions button[data-role="confirm"] { color: #576b95; font-weight: 600; }
.plaza-mask:has(.plaza-action-sheet) { align-items: flex-end; }
.plaza-mask:has(.plaza-host-sheet) { align-items: flex-end; z-index: 30; background: rgba(0,0,0,.55); }
.plaza-host-sheet { width: 100%; background: #fff; border-radius: 14px 14px 0 0; border-top: 4px solid #07c160; padding-bottom: env(safe-area-inset-bottom); text-align: left; }
.plaza-host-sheet-app { display: flex; align-items: center; gap: 8px; padding: 16px 20px 0; font-size: 15px; }
.plaza-host-sheet-icon { width: 28px; height: 28px; border-radius: 6px; background: #07c160; color: #fff; display: inline-flex; align-items: center; justify-content: center; font-weight: 600; object-fit: cover; }
.plaza-host-sheet-mark { margin-left: auto; color: #07c160; font-size: 12px; }
.plaza-host-sheet h2 { font-size: 18px; margin: 16px 20px 4px; }
.plaza-host-sheet p { margin: 0 20px 20px; color: #555; font-size: 14px; line-height: 1.5; }
.plaza-action-sheet { width: 100%; background: #f7f7f7; border-radius: 12px 12px 0 0; overflow: hidden; padding-bottom: env(safe-area-inset-bottom); }
.plaza-action-sheet button { display: block; width: 100%; height: 56px; border: 0; border-bottom: 1px solid #eee; background: #fff; font-size: 17px; cursor: pointer; }
.plaza-action-sheet button[data-role="cancel"] { margin-top: 8px; }
.plaza-error { position: absolute; inset: 0; z-index: 20; background: #fff; display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 32px; text-align: center; gap: 8px; }
.plaza-error[hidden] { display: none; }
.plaza-error h2 { font-size: 18px; margin: 0; }
.plaza-error p { color: #666; margin: 0 0 12px; }
.plaza-error pre { max-width: 100%; overflow: auto; font-size: 11px; color: #999; text-align: left; white-space: pre-wrap; }
.plaza-restart { padding: 10px 32px; border-radius: 6px; border: 0; background: #07c160; color: #fff; font-size: 16px; cursor: pointer; }
`;
