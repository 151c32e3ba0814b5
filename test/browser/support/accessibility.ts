import type { Page } from 'playwright-core';

/**
 * Structural accessibility checks run in the page, on what is visible: every form control has a
 * label, ids are unique, ARIA references point at elements that exist, links, buttons, headings and
 * badges have text, images (role=img, <img>) have a name, and heading levels do not skip. A stand-in
 * for axe-core, which is not among the project's dependencies (see the lead's notes); each rule
 * names the elements that break it.
 */
export async function accessibilityViolations(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector) ?? document.body;
    const problems: string[] = [];
    const visible = (element: Element) => {
      if (element.closest('[hidden]')) return false;
      const style = getComputedStyle(element);
      return style.display !== 'none' && style.visibility !== 'hidden';
    };
    const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''}`;
    const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const named = (element: Element) => {
      if (element.getAttribute('aria-label')?.trim()) return true;
      const labelledBy = element.getAttribute('aria-labelledby');
      if (labelledBy && labelledBy.split(/\s+/).every((id) => document.getElementById(id)) && labelledBy.split(/\s+/).some((id) => textOf(document.getElementById(id)!))) return true;
      return false;
    };

    // Unique ids, page-wide.
    const ids = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) ids.set(element.id, (ids.get(element.id) ?? 0) + 1);
    for (const [id, count] of ids) if (count > 1) problems.push(`duplicate-id: #${id} (${count} times)`);

    // ARIA references of what is shown resolve (a hidden view may wait for its content).
    for (const attribute of ['aria-labelledby', 'aria-describedby', 'aria-controls']) {
      for (const element of root.querySelectorAll(`[${attribute}]`)) {
        if (!visible(element)) continue;
        for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) problems.push(`aria-reference: ${describe(element)} ${attribute}="${id}" points at nothing`);
        }
      }
    }

    // Form controls have labels.
    for (const control of root.querySelectorAll('input, select, textarea')) {
      if (!visible(control) || (control as HTMLInputElement).type === 'hidden') continue;
      const labelled = named(control) || ((control as HTMLInputElement).labels?.length ?? 0) > 0 || !!control.getAttribute('title');
      if (!labelled) problems.push(`label: ${describe(control)} has no label`);
    }

    // Links and buttons say what they do.
    for (const element of root.querySelectorAll('a[href], button')) {
      if (!visible(element)) continue;
      if (!textOf(element) && !named(element)) problems.push(`name: ${describe(element)} has no text`);
    }

    // Images have a name; headings and badges are not empty.
    for (const element of root.querySelectorAll('img, [role="img"]')) {
      if (!visible(element)) continue;
      if (!(element.getAttribute('alt') ?? '').trim() && !named(element)) problems.push(`image-name: ${describe(element)} has no name`);
    }
    for (const element of root.querySelectorAll('h1, h2, h3, h4, h5, h6, .badge')) {
      if (!visible(element)) continue;
      if (!textOf(element)) problems.push(`empty: ${describe(element)} is empty`);
    }

    // Heading levels do not skip on the way down (h2 -> h4).
    let previous = 0;
    for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (!visible(heading) && !heading.classList.contains('visually-hidden')) continue;
      const level = Number(heading.tagName[1]);
      if (previous && level > previous + 1) problems.push(`heading-order: ${describe(heading)} (h${level}) after h${previous}`);
      previous = level;
    }

    // A <mark> stays inside readable text (never the whole of an element that is itself data-as-HTML).
    for (const mark of root.querySelectorAll('mark')) if (mark.children.length) problems.push(`mark: ${describe(mark)} holds elements`);
    return problems;
  }, scope);
}
