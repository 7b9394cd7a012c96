/**
 * Chart updates, one per animation frame: when a snapshot arrives every chart changes at once,
 * and five canvases redrawn in one frame make a long task that stalls the wall. The latest
 * update of a chart replaces one still waiting, so the queue never holds more than one a chart.
 */
const pending = new Map<object, () => void>();
let scheduled = false;

function flush(): void {
  const next = pending.entries().next();
  if (!next.done) {
    const [owner, work] = next.value;
    pending.delete(owner);
    work();
  }
  if (pending.size > 0) requestAnimationFrame(flush);
  else scheduled = false;
}

export function scheduleRender(owner: object, work: () => void): void {
  pending.set(owner, work);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(flush);
  }
}

export function cancelRender(owner: object): void {
  pending.delete(owner);
}
