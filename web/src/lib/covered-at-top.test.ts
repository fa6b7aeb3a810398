import { afterEach, describe, expect, it, vi } from 'vitest';
import { coveredAtTopPx, updateCoveredAtTop } from './covered-at-top';

function block(className: string, position: string, heightPx: number): HTMLElement {
  const element = document.createElement('div');
  element.className = className;
  element.style.position = position;
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue({ height: heightPx } as DOMRect);
  document.body.append(element);
  return element;
}

describe('what covers the top of the screen', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.documentElement.style.removeProperty('--covered-at-top');
  });

  it('is the tallest sticky block, written where the panels’ scroll margin reads it', () => {
    block('sticky-top', 'sticky', 96);
    block('replay-top', 'sticky', 140);
    updateCoveredAtTop();
    expect(coveredAtTopPx()).toBe(140);
    expect(document.documentElement.style.getPropertyValue('--covered-at-top')).toBe('140px');
  });

  it('is nothing when the blocks stay in the flow (a phone)', () => {
    block('sticky-top', 'static', 300);
    updateCoveredAtTop();
    expect(document.documentElement.style.getPropertyValue('--covered-at-top')).toBe('0px');
  });
});
