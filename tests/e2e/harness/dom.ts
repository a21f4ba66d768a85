/**
 * Page expressions that act on RegLens's own pages the way a reader does: typing fires `input`,
 * buttons are clicked. Used where both drivers must behave identically.
 */
export const type = (selector: string, value: string) => `(() => {
  const field = document.querySelector(${JSON.stringify(selector)});
  field.focus();
  field.value = ${JSON.stringify(value)};
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
})()`;

export const click = (selector: string) => `(() => { document.querySelector(${JSON.stringify(selector)}).click(); return true; })()`;

export const count = (selector: string) => `document.querySelectorAll(${JSON.stringify(selector)}).length`;

/** Gives a file input a file, as choosing it in the file picker would. */
export const chooseFile = (selector: string, name: string, content: string) => `(() => {
  const input = document.querySelector(${JSON.stringify(selector)});
  const transfer = new DataTransfer();
  transfer.items.add(new File([${JSON.stringify(content)}], ${JSON.stringify(name)}, { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
})()`;

/** Captures what the page hands to URL.createObjectURL (downloads), as text in window.__downloads. */
export const captureDownloads = `(() => {
  window.__downloads = [];
  const original = URL.createObjectURL.bind(URL);
  // TextDecoder with ignoreBOM keeps a byte-order mark, which Blob.text() would strip.
  URL.createObjectURL = (blob) => { blob.arrayBuffer().then((bytes) => window.__downloads.push(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes))); return original(blob); };
  HTMLAnchorElement.prototype.click = function () { window.__downloadNames = [...(window.__downloadNames ?? []), this.download]; };
  return true;
})()`;

/**
 * Selects the first `length` characters of the n-th article paragraph as a reader would, and returns
 * where the selection sits on screen (its last line's right edge, its first line's top).
 */
export const selectInParagraph = (paragraph: number, length: number) => `(() => {
  const text = document.querySelectorAll('article p')[${paragraph}].firstChild;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, ${length});
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  const rects = range.getClientRects();
  const last = rects[rects.length - 1];
  return { right: last.right, top: rects[0].top };
})()`;
