/** Shadow-root styles: isolated from the page both ways, light and dark. */
export const TOOLTIP_CSS = `
:host { all: initial; }
.tip {
  position: fixed; top: 0; left: 0; box-sizing: border-box; width: max-content; max-width: min(380px, calc(100vw - 16px));
  padding: 12px 14px; border-radius: 10px; border: 1px solid #d3d9e0; background: #ffffff; color: #1b1f24;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18); font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  text-align: left; direction: ltr; pointer-events: auto;
}
.tip:focus { outline: 2px solid #2f6fe0; outline-offset: 2px; }
.head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.name { font-weight: 700; font-size: 14px; margin: 0; }
.natives { display: flex; flex-wrap: wrap; column-gap: 10px; margin-top: 1px; }
.native { color: #5b6470; }
.meta { margin: 2px 0 8px; color: #5b6470; font-size: 12px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px; font-weight: 600; background: #e8effc; color: #173e78; }
.badge.phrase { background: #fbf0d9; color: #7a4d00; }
.badge.law { background: #dcf3e8; color: #0d5a39; }
p { margin: 0 0 6px; }
dl { margin: 6px 0 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; font-size: 12px; }
dt { color: #5b6470; }
dd { margin: 0; }
a { color: #1d5fd1; }
.actions { display: flex; gap: 6px; margin-top: 10px; flex-wrap: wrap; }
button { font: inherit; font-size: 12px; padding: 3px 8px; border-radius: 6px; border: 1px solid #c4ccd6; background: #f5f7fa; color: inherit; cursor: pointer; }
button:hover, button:focus-visible { background: #e9eef5; }
.close { margin-left: auto; border: none; background: none; font-size: 16px; line-height: 1; padding: 0 2px; }
@media (prefers-color-scheme: dark) {
  .tip { background: #1d2127; color: #e6e8eb; border-color: #3a424c; }
  .native, .meta, dt { color: #a0a9b4; }
  .badge { background: #243552; color: #b8d0ff; }
  .badge.phrase { background: #4a3810; color: #ffd98a; }
  .badge.law { background: #12402c; color: #9be3c0; }
  a { color: #8fb8ff; }
  button { background: #2a3038; border-color: #46505c; }
  button:hover, button:focus-visible { background: #333b45; }
}
`;
