/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * What a leader 5 m from the wall would see wrong, measured in the DOM of a running wall: panels
 * overlapping or off the screen, text cut (wider than its box, or below its panel's edge), text
 * under the minimum size, and the page scrolling or scaled.
 */
import type { Page } from 'playwright-core';

export interface WallLayout {
  overlaps: string[];
  outside: string[];
  /** Text boxes whose content is wider than the box: cut or ellipsed. */
  clipped: string[];
  /** Text below or beside the edge of its panel: a row cut mid-row. */
  spilled: string[];
  /** Text smaller than the minimum, with its size in px. */
  small: string[];
  rootFontSize: number;
  scrolls: boolean;
  transformed: string;
  bodyFont: string;
  fonts: number;
}

/** 20 px of text per 1,080 lines: about 18 mm on a 98″ screen, readable at 5 m. */
export const minimumTextPx = (height: number) => (20 * height) / 1080;

export function measureWallLayout(page: Page, minimumPx: number): Promise<WallLayout> {
  return page.evaluate((minimum) => {
    const rect = (element: Element) => element.getBoundingClientRect();
    const nameOf = (element: Element) =>
      `${element.closest('[data-testid]')?.getAttribute('data-testid') ?? ''}:${element.tagName.toLowerCase()}.${element.className}:"${(element.textContent ?? '').trim().slice(0, 30)}"`;
    const panels = [
      ...document.querySelectorAll(
        '.area-header, .area-tiles .tile, .area-movers, .area-race, .area-map, .area-late, .area-trends > *',
      ),
    ];
    const boxes = panels.map((panel) => ({ name: panel.className, box: rect(panel) }));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].box, boxes[j].box];
        if (
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1
        )
          overlaps.push(`${boxes[i].name} × ${boxes[j].name}`);
      }
    const outside = boxes
      .filter(
        ({ box }) =>
          box.left < 0 ||
          box.top < 0 ||
          box.right > innerWidth + 0.5 ||
          box.bottom > innerHeight + 0.5,
      )
      .map(({ name }) => name);
    // Every element that holds text itself, as people see it (not the screen readers' tables).
    const texts = [...document.querySelectorAll('.wall *')].filter(
      (element) =>
        !element.closest('.sr-only') &&
        getComputedStyle(element).visibility !== 'hidden' &&
        rect(element).width > 0 &&
        [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim()),
    );
    const clipped = texts
      .filter((element) => element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
      .map(nameOf);
    const spilled = texts
      .filter((element) => {
        const panel = element.closest('.panel, .tile, .area-movers, .area-header');
        if (!panel) return false;
        const [own, edge] = [rect(element), rect(panel)];
        return (
          own.bottom > edge.bottom + 1 ||
          own.right > edge.right + 1 ||
          own.top < edge.top - 1 ||
          own.left < edge.left - 1
        );
      })
      .map(nameOf);
    const small = texts
      .map((element) => ({ element, size: parseFloat(getComputedStyle(element).fontSize) }))
      .filter(({ size }) => size < minimum - 0.01)
      .map(({ element, size }) => `${size}px ${nameOf(element)}`);
    return {
      overlaps,
      outside,
      clipped,
      spilled,
      small,
      rootFontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
      scrolls:
        document.documentElement.scrollWidth > innerWidth ||
        document.documentElement.scrollHeight > innerHeight,
      transformed: getComputedStyle(document.querySelector('.wall')!).transform,
      bodyFont: getComputedStyle(document.body).fontFamily,
      fonts: [...document.fonts].filter(
        (face) => face.family.replace(/"/g, '') === 'Be Vietnam Pro' && face.status === 'loaded',
      ).length,
    };
  }, minimumPx);
}

/** The panels of a wall that fits: nothing overlapping, off the screen, cut or too small. */
export const WALL_FITS = {
  overlaps: [],
  outside: [],
  clipped: [],
  spilled: [],
  small: [],
  scrolls: false,
  transformed: 'none',
};
