/** How the built-in components look: close to the platforms' defaults, themable with custom properties. */
export const COMPONENT_STYLE = `
[data-plaza="view"], [data-plaza="form"], [data-plaza="label"], [data-plaza="navigator"] { display: block; }
[data-plaza="text"] { display: inline; user-select: none; -webkit-user-select: none; white-space: pre-wrap; }
[data-plaza="text"][data-selectable] { user-select: text; -webkit-user-select: text; }
[data-plaza="image"] { display: inline-block; width: 320px; height: 240px; overflow: hidden; object-fit: fill; }
[data-plaza="image"][data-mode="aspectFit"] { object-fit: contain; }
[data-plaza="image"][data-mode="aspectFill"] { object-fit: cover; }
[data-plaza="image"][data-mode="widthFix"] { height: auto !important; }
[data-plaza="image"][data-mode="heightFix"] { width: auto !important; }
[data-plaza="image"][data-mode="center"] { object-fit: none; }
[data-plaza="icon"] { display: inline-flex; align-items: center; justify-content: center; width: var(--plaza-icon-size); height: var(--plaza-icon-size); border-radius: 50%; background: var(--plaza-icon-color); color: #fff; font-size: calc(var(--plaza-icon-size) * 0.6); font-weight: 700; line-height: 1; }
[data-plaza="icon"][data-type="search"], [data-plaza="icon"][data-type="success_no_circle"] { background: none; color: var(--plaza-icon-color); font-size: var(--plaza-icon-size); }
button { position: relative; display: block; width: 100%; margin: 0 auto; padding: 0 14px; border: 1px solid rgba(0,0,0,.2); border-radius: 5px; background: #f8f8f8; color: #000; font-size: 18px; line-height: 2.55; cursor: pointer; font-family: inherit; }
button[data-type="primary"] { background: #07c160; color: #fff; border-color: #07c160; }
button[data-type="warn"] { background: #e64340; color: #fff; border-color: #e64340; }
button[data-size="mini"] { display: inline-block; width: auto; font-size: 13px; line-height: 2.3; padding: 0 1.32em; }
button[data-plain] { background: transparent; color: #353535; }
button[disabled] { opacity: 0.6; cursor: default; }
button[data-loading]::before { content: ""; display: inline-block; width: 1em; height: 1em; margin-right: .4em; vertical-align: -0.15em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: plaza-spin 0.8s linear infinite; }
button.button-hover { filter: brightness(0.9); }
button:focus-visible, [role="checkbox"]:focus-visible, [role="radio"]:focus-visible, [role="switch"]:focus-visible { outline: 2px solid #1677ff; outline-offset: 2px; }
@keyframes plaza-spin { to { transform: rotate(360deg); } }
input, textarea { font: inherit; border: none; outline: none; background: transparent; display: block; width: 100%; box-sizing: border-box; min-height: 1.4em; }
textarea { height: 150px; resize: none; }
[data-plaza="checkbox"], [data-plaza="radio"] { display: inline-flex; align-items: center; gap: 6px; cursor: pointer; }
[data-plaza="checkbox"]::before, [data-plaza="radio"]::before { content: ""; width: 22px; height: 22px; box-sizing: border-box; border: 1px solid #d1d1d1; background: #fff; display: inline-flex; align-items: center; justify-content: center; color: var(--plaza-choice-color, #07c160); font-size: 16px; }
[data-plaza="checkbox"]::before { border-radius: 3px; }
[data-plaza="radio"]::before { border-radius: 50%; }
[data-plaza="checkbox"][aria-checked="true"]::before { content: "✓"; }
[data-plaza="radio"][aria-checked="true"]::before { content: "✓"; background: var(--plaza-choice-color, #07c160); border-color: var(--plaza-choice-color, #07c160); color: #fff; }
[aria-disabled="true"] { opacity: 0.5; cursor: default; }
[data-plaza="switch"] { display: inline-block; position: relative; width: 52px; height: 32px; border-radius: 16px; background: #dfdfdf; transition: background .2s; cursor: pointer; vertical-align: middle; }
[data-plaza="switch"]::after { content: ""; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px; border-radius: 50%; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.3); transition: transform .2s; }
[data-plaza="switch"][aria-checked="true"] { background: var(--plaza-choice-color, #04be02); }
[data-plaza="switch"][aria-checked="true"]::after { transform: translateX(20px); }
[data-plaza="switch"][data-type="checkbox"] { width: 22px; height: 22px; border-radius: 3px; background: #fff; border: 1px solid #d1d1d1; }
[data-plaza="switch"][data-type="checkbox"]::after { display: none; }
[data-plaza="switch"][data-type="checkbox"][aria-checked="true"]::before { content: "✓"; color: var(--plaza-choice-color, #07c160); position: absolute; inset: 0; text-align: center; line-height: 22px; }
[data-plaza="slider"] { display: flex; align-items: center; gap: 8px; margin: 10px 18px; }
[data-plaza="slider"] input { flex: 1; accent-color: #1aad19; }
[data-plaza="progress"] { display: flex; align-items: center; gap: 8px; }
[data-plaza="progress"]::before { content: ""; flex: 1; height: var(--plaza-progress-height, 6px); background: linear-gradient(to right, var(--plaza-progress-color, #09bb07) var(--plaza-progress), var(--plaza-progress-background, #ebebeb) var(--plaza-progress)); }
[data-plaza="progress"][data-show-info]::after { content: attr(data-percent); font-size: 14px; min-width: 3em; }
[data-plaza="scroll-view"] { position: relative; -webkit-overflow-scrolling: touch; }
[data-plaza="scroll-view"][data-refreshing] { padding-top: 45px; }
[data-plaza="swiper"] { position: relative; display: flex; overflow: hidden; height: 150px; }
[data-plaza="swiper"][data-vertical] { flex-direction: column; }
[data-plaza="swiper-item"] { flex: 0 0 100%; width: 100%; height: 100%; box-sizing: border-box; transform: translateX(calc(-100% * var(--plaza-swiper-current, 0))); transition: transform var(--plaza-swiper-duration, .5s) ease; }
[data-plaza="swiper"][data-vertical] > [data-plaza="swiper-item"] { transform: translateY(calc(-100% * var(--plaza-swiper-current, 0))); }
[data-plaza="swiper-dots"] { position: absolute; left: 0; right: 0; bottom: 10px; display: flex; justify-content: center; gap: 8px; pointer-events: none; }
[data-plaza="swiper-dots"][hidden] { display: none; }
[data-plaza="swiper-dots"] i { width: 8px; height: 8px; border-radius: 50%; background: var(--plaza-dot, rgba(0,0,0,.3)); }
[data-plaza="swiper-dots"] i[data-active] { background: var(--plaza-dot-active, #000); }
[data-plaza="picker"] { cursor: pointer; }
[data-plaza="picker-sheet"] { position: fixed; inset: 0; background: rgba(0,0,0,.6); display: flex; align-items: flex-end; z-index: 1000; }
[data-plaza="picker-panel"] { width: 100%; background: #fff; padding-bottom: var(--plaza-safe-area-inset-bottom, 0px); animation: plaza-sheet-up .25s ease; }
[data-plaza="picker-header"] { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; border-bottom: 1px solid #eee; }
[data-plaza="picker-header"] button { width: auto; margin: 0; border: none; background: none; font-size: 17px; line-height: 1.6; color: #888; }
[data-plaza="picker-header"] button[data-action="confirm"] { color: #07c160; font-weight: 600; }
[data-plaza="picker-columns"] { display: flex; gap: 4px; padding: 12px; }
[data-plaza="picker-columns"] select, [data-plaza="picker-columns"] input { flex: 1; font-size: 17px; border: none; text-align: center; }
@keyframes plaza-sheet-up { from { transform: translateY(100%); } }
[data-plaza="picker-view"] { display: flex; height: 170px; position: relative; overflow: hidden; }
[data-plaza="picker-view"]::after { content: ""; position: absolute; left: 0; right: 0; top: 68px; height: 34px; border-top: 1px solid #e5e5e5; border-bottom: 1px solid #e5e5e5; pointer-events: none; }
[data-plaza="picker-view-column"] { flex: 1; overflow-y: auto; scroll-snap-type: y mandatory; padding: 68px 0; box-sizing: border-box; height: 100%; scrollbar-width: none; text-align: center; }
[data-plaza="picker-view-column"] > * { height: 34px; line-height: 34px; scroll-snap-align: start; }
[data-plaza="movable-area"] { position: relative; width: 10px; height: 10px; overflow: hidden; }
[data-plaza="movable-view"] { position: absolute; top: 0; left: 0; width: 10px; height: 10px; touch-action: none; }
[data-plaza="rich-text"] { display: block; }
[data-plaza="video"] { width: 300px; height: 225px; background: #000; }
[data-plaza="web-view"], [data-plaza="web-view"] iframe { display: block; width: 100%; height: 100vh; border: 0; }
[data-plaza="web-view-refused"] { padding: 40px 24px; text-align: center; color: #888; }
[data-arriving] { visibility: hidden; }
[data-plaza="cover-view"] { display: block; position: relative; z-index: 10; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
[data-plaza="cover-image"] { display: inline-block; position: relative; z-index: 10; }
[data-plaza="page-meta"], [data-plaza="navigation-bar"], [data-plaza="ad"], [data-plaza="official-account"] { display: none; }
[data-plaza="match-media"] { display: block; }
[data-plaza="match-media"][data-unmatched] { display: none; }
[data-plaza="root-portal"]:popover-open { inset: 0; width: auto; height: auto; margin: 0; padding: 0; border: 0; background: transparent; overflow: visible; pointer-events: none; }
[data-plaza="root-portal"] > * { pointer-events: auto; }
[data-plaza="page-container"] { max-width: none; max-height: none; margin: 0; padding: 0; border: 0; background: #fff; color: inherit; }
[data-plaza="page-container"][data-position="bottom"] { inset: auto 0 0 0; width: 100%; }
[data-plaza="page-container"][data-position="top"] { inset: 0 0 auto 0; width: 100%; }
[data-plaza="page-container"][data-position="right"] { inset: 0 0 0 auto; height: 100%; }
[data-plaza="page-container"][data-position="center"] { inset: 0; margin: auto; }
[data-plaza="page-container"][data-round][data-position="bottom"] { border-radius: 16px 16px 0 0; }
[data-plaza="page-container"]::backdrop { background: rgba(0,0,0,.6); }
[data-plaza="page-container"][data-no-overlay]::backdrop { background: transparent; }
[data-plaza="open-data"] img { width: 100%; height: 100%; object-fit: cover; border-radius: 4px; }
[data-plaza="map"] { display: block; width: 300px; height: 225px; }
[data-plaza="editor"] { display: block; min-height: 150px; overflow: auto; outline: none; white-space: pre-wrap; }
[data-plaza="editor"]:focus-visible { box-shadow: 0 0 0 2px #07c160; }
[data-plaza="editor"][data-empty]::before { content: attr(data-placeholder); color: #aaa; pointer-events: none; }
[data-plaza="live-player"], [data-plaza="camera"] { display: block; width: 300px; height: 225px; background: #000; }
[data-plaza="action-sheet-item"], [data-plaza="action-sheet-cancel"] { display: block; padding: 14px; background: #fff; text-align: center; font-size: 17px; border-top: 1px solid rgba(0,0,0,.08); cursor: pointer; }
[data-plaza="action-sheet-cancel"] { margin-top: 8px; }
[data-plaza="action-sheet-item"]:focus-visible, [data-plaza="action-sheet-cancel"]:focus-visible { outline: 2px solid #576b95; outline-offset: -2px; }
`;
