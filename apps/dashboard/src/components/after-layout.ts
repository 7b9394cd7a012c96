/**
 * Resolves in a task of its own once the browser has laid out and painted what Vue last changed.
 * On a 3840×2160 wall a change of window patches every panel; work that waits for this (a panel
 * measuring itself, a chart redrawn) no longer joins that patch and the page's layout in one task
 * of 100–180 ms.
 */
export function afterLayout(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
