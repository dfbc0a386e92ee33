import { checklistKey, parseTicks, ticksText } from './checklist.ts';
import { dataText, siteBase } from '../../browser/data-attrs.ts';

/** `<pb-checklist>`: turns a checklist's bullets into checkboxes whose state is kept in this browser. */
class PbChecklist extends HTMLElement {
  connectedCallback(): void {
    const section = this.querySelector<HTMLElement>('[data-checklist]');
    if (!section || section.dataset['ready']) return;
    section.dataset['ready'] = 'true';
    const title = dataText(section, 'checklist');
    const chapter = this.closest<HTMLElement>('[data-chapter]')?.dataset['chapter'];
    // Outside a chapter (never in the built site today) the page's address is the best key there is.
    const key = chapter ? checklistKey(siteBase(), chapter, title) : `pb-checklist:${location.pathname}:${title}`;
    const items = [...section.querySelectorAll<HTMLLIElement>(':scope > ul > li')];
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(key);
    } catch {
      /* storage blocked: nothing ticked */
    }
    const ticked = parseTicks(stored, items.length);
    items.forEach((li, i) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = ticked.has(i);
      const text = document.createElement('span');
      text.append(...li.childNodes);
      label.append(box, text);
      li.append(label);
      li.classList.toggle('is-checked', box.checked);
      box.addEventListener('change', () => {
        li.classList.toggle('is-checked', box.checked);
        if (box.checked) ticked.add(i);
        else ticked.delete(i);
        try {
          localStorage.setItem(key, ticksText(ticked));
        } catch {
          /* storage blocked: ticks last for this visit */
        }
      });
    });
  }
}

if (!customElements.get('pb-checklist')) customElements.define('pb-checklist', PbChecklist);
