import { Event } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseHtml } from './dom';
import { installLazyListenerMaps } from './linkedom-listeners';

type Target = {
  addEventListener(type: string, listener: (event: Event) => void, options?: unknown): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
  localName?: string;
};

function page() {
  const document = parseHtml('<html><body><div><p>Text</p></div></body></html>');
  const element = (selector: string) => document.querySelector(selector) as unknown as Target;
  return { document, p: element('p'), div: element('div'), body: element('body') };
}

const heard = (log: string[]) => (event: Event) => {
  const { currentTarget, target } = event as unknown as { currentTarget: Target; target: Target };
  log.push(`${currentTarget.localName ?? 'window'} from ${target.localName}`);
};

describe('lazy listener maps', () => {
  it('are in place (a linkedom that keeps its listeners otherwise fails here)', () => {
    expect(installLazyListenerMaps()).toBe(true);
  });

  it('deliver events as linkedom did: at the target, bubbling, and no more once removed', () => {
    const { p, div } = page();
    const log: string[] = [];
    const listener = heard(log);
    div.addEventListener('ping', listener);
    p.addEventListener('ping', listener);
    p.dispatchEvent(new Event('ping', { bubbles: true }));
    p.removeEventListener('ping', listener);
    p.dispatchEvent(new Event('ping', { bubbles: true }));
    p.dispatchEvent(new Event('ping'));
    expect(log).toEqual(['p from p', 'div from p', 'div from p']);
  });

  it('keep `once`, handler properties and the window, and removing from a node without listeners is harmless', () => {
    const { document, p, body } = page();
    const log: string[] = [];
    p.addEventListener('ping', heard(log), { once: true });
    body.removeEventListener('ping', heard(log));
    // linkedom's handler properties add and remove listeners: what is tested here.
    // oxlint-disable-next-line unicorn/prefer-add-event-listener
    (body as unknown as { onclick: () => void }).onclick = () => log.push('onclick');
    const window = (document as unknown as { defaultView: Target }).defaultView;
    window.addEventListener('ping', heard(log));
    p.dispatchEvent(new Event('ping', { bubbles: true }));
    p.dispatchEvent(new Event('ping', { bubbles: true }));
    body.dispatchEvent(new Event('click'));
    expect(log).toEqual(['p from p', 'window from p', 'window from p', 'onclick']);
  });
});
