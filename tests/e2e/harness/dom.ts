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

/**
 * The smallest font size (px) of any visible text on the page, with the element that has it. Chromium
 * gives extension pages a stylesheet of its own (body at 75%, its own font), so text that inherits
 * its size shows what the page actually renders.
 */
export const smallestText = `(() => {
  let smallest = { px: Infinity, element: '' };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.data.trim() || !element.getClientRects().length) continue;
    const px = parseFloat(getComputedStyle(element).fontSize);
    if (px < smallest.px) smallest = { px, element: element.tagName.toLowerCase() + (element.className ? '.' + element.className : '') };
  }
  return smallest;
})()`;

/**
 * The brightest pixel (relative luminance, 0-1) of the scrollbar gutter of `selector` in a screenshot
 * of this page (PNG bytes as base64): what the reader sees, whatever styles produced it.
 */
export const scrollbarBrightness = (selector: string, png: string) => `(async () => {
  const image = new Image();
  image.src = 'data:image/png;base64,${png}';
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const scroller = document.querySelector(${JSON.stringify(selector)});
  const box = scroller.getBoundingClientRect();
  const scale = image.naturalWidth / innerWidth;
  const gutter = box.width - scroller.clientWidth;
  if (gutter < 2) return null;
  const x = Math.floor((box.right - gutter / 2) * scale);
  const { data } = context.getImageData(x, Math.ceil((box.top + 2) * scale), 1, Math.floor((box.height - 4) * scale));
  const channel = (value) => ((value /= 255) <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
  let brightest = 0;
  for (let i = 0; i < data.length; i += 4) {
    brightest = Math.max(brightest, 0.2126 * channel(data[i]) + 0.7152 * channel(data[i + 1]) + 0.0722 * channel(data[i + 2]));
  }
  return brightest;
})()`;
