export const SAVE_CONTROL_CSS = `
:host { all: initial; }
.save {
  position: fixed; top: 0; left: 0; padding: 4px; border-radius: 8px; background: #1b1f24; color: #fff;
  font: 12px/1.3 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25); max-width: 260px;
}
.save span { display: block; padding: 4px 6px; }
.save .failed { color: #ffb4a9; }
.save-button { font: inherit; color: inherit; background: #2f6fe0; border: 0; border-radius: 6px; padding: 5px 10px; cursor: pointer; }
.save-button:hover, .save-button:focus-visible { background: #1d5fd1; outline: 2px solid #8fb8ff; outline-offset: 1px; }
`;
