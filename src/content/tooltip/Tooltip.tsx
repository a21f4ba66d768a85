import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { categoryOf, KIND_LABELS, type EntryFacts, type EntryRef } from '../../core/glossary/facts.ts';

export interface TooltipProps {
  facts: EntryFacts | null;
  /** Where the mention is on screen; the tooltip flips and shifts to stay in the viewport. */
  anchor: { getBoundingClientRect(): DOMRect; getClientRects(): DOMRectList | DOMRect[] };
  mentions: number;
  /** Keyboard-opened tooltips take focus so Escape and Tab work at once. */
  takeFocus: boolean;
  onMute(): void;
  onNeverOnSite(): void;
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
}

const years = (ref: { established?: number; dissolved?: number }) =>
  ref.established && ref.dissolved ? ` (${ref.established}–${ref.dissolved})` : ref.dissolved ? ` (until ${ref.dissolved})` : ref.established ? ` (since ${ref.established})` : '';

const names = (refs: EntryRef[]) => refs.map((ref) => ref.name + years(ref)).join('; ');

export function Tooltip(props: TooltipProps) {
  const { facts } = props;
  const box = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    void computePosition(props.anchor as never, element, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  }, [props.anchor, facts]);

  useEffect(() => {
    if (props.takeFocus) box.current?.focus();
  }, [props.takeFocus, facts?.id]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onClose();
    }
  };

  const headingId = 'reglens-tip-title';
  return (
    <div
      ref={box}
      class="tip"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
      data-entry={facts?.id}
    >
      {!facts ? (
        <p id={headingId}>Loading…</p>
      ) : (
        <>
          <div class="head">
            <h2 class="name" id={headingId}>
              {facts.name}
            </h2>
            <button class="close" aria-label="Close" onClick={props.onClose}>
              ×
            </button>
          </div>
          {facts.native.length > 0 && (
            <div class="natives">
              {facts.native.map(([lang, text]) => (
                <span class="native" lang={lang} key={lang}>
                  {text}
                </span>
              ))}
            </div>
          )}
          <div class="meta">
            <span class={`badge ${categoryOf(facts.kind)}`}>{KIND_LABELS[facts.kind]}</span> · {facts.jurisdiction === 'INT' ? 'International' : facts.jurisdiction}
            {' · '}
            {props.mentions === 1 ? 'mentioned once here' : `mentioned ${props.mentions} times here`}
          </div>
          <p class="summary">{facts.summary}</p>
          {facts.meaning && <p class="meaning">{facts.meaning}</p>}
          <dl>
            {facts.established && (
              <>
                <dt>{facts.kind === 'law' ? 'Enacted' : 'Established'}</dt>
                <dd>{facts.established}</dd>
              </>
            )}
            {facts.dissolved && (
              <>
                <dt>Dissolved</dt>
                <dd>{facts.dissolved}</dd>
              </>
            )}
            {facts.since && (
              <>
                <dt>{facts.kind === 'law' ? 'In force since' : 'In use since'}</dt>
                <dd>{facts.since}</dd>
              </>
            )}
            {facts.usedBy.length > 0 && (
              <>
                <dt>Used by</dt>
                <dd>{names(facts.usedBy)}</dd>
              </>
            )}
            {facts.parent && (
              <>
                <dt>Part of</dt>
                <dd>{facts.parent.name}</dd>
              </>
            )}
            {facts.predecessors.length > 0 && (
              <>
                <dt>Took over from</dt>
                <dd>{names(facts.predecessors)}</dd>
              </>
            )}
            {facts.successors.length > 0 && (
              <>
                <dt>Work passed to</dt>
                <dd>{names(facts.successors)}</dd>
              </>
            )}
            {facts.url && (
              <>
                <dt>Website</dt>
                <dd>
                  <a href={facts.url} target="_blank" rel="noopener noreferrer">
                    {new URL(facts.url).host}
                  </a>
                </dd>
              </>
            )}
          </dl>
          <div class="actions">
            <button onClick={props.onMute}>Mute this term</button>
            <button onClick={props.onNeverOnSite}>Never on this site</button>
          </div>
        </>
      )}
    </div>
  );
}
