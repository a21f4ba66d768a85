// @vitest-environment happy-dom
// The facts list of the tooltip, rendered from the real knowledge base.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { factsOf } from '../../src/core/glossary/facts.ts';
import { entryById } from '../../src/core/glossary/load.ts';
import { Tooltip } from '../../src/content/tooltip/Tooltip.tsx';

const noop = () => {};
const anchor = { getBoundingClientRect: () => new DOMRect(10, 10, 40, 12), getClientRects: () => [new DOMRect(10, 10, 40, 12)] };

function factsList(id: string): Record<string, string> {
  render(
    <Tooltip facts={factsOf(entryById.get(id)!, entryById)} anchor={anchor} mentions={1} takeFocus={false} onMute={noop} onNeverOnSite={noop} onClose={noop} onPointerEnter={noop} onPointerLeave={noop} />,
    document.body,
  );
  const terms = [...document.querySelectorAll('dt')].map((dt) => [dt.textContent!, dt.nextElementSibling!.textContent!]);
  return Object.fromEntries(terms);
}

afterEach(() => render(null, document.body));

describe('tooltip facts', () => {
  it('says when a law took effect as "In force since"', () => {
    expect(factsList('section-301')).toMatchObject({ 'In force since': '1975' });
  });

  it('says when a phrase came into use as "In use since"', () => {
    expect(factsList('moderately-loose-monetary-policy')).toMatchObject({ 'In use since': '2008' });
  });
});
