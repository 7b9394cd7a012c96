import { afterLayout } from '@/components/after-layout';

/**
 * Chart updates, one a frame, each in a task of its own after the frame: when a snapshot arrives
 * every chart changes at once, and five canvases redrawn in one frame, or one redrawn in the
 * frame that lays out the page, make a long task that stalls the wall. The latest update of a
 * chart replaces one still waiting, so the queue never holds more than one a chart.
 */
const pending = new Map<object, () => void>();
let scheduled = false;
/** Who waits for the queue to be empty (a page printed once its charts are drawn). */
const waiting: (() => void)[] = [];

function flush(): void {
  const next = pending.entries().next();
  if (!next.done) {
    const [owner, work] = next.value;
    pending.delete(owner);
    try {
      work();
    } catch (error) {
      // Said, and the other charts drawn: one bad update must not stop them for good.
      console.error('chart update failed', error);
    }
  }
  if (pending.size > 0) {
    void afterLayout().then(flush);
    return;
  }
  scheduled = false;
  for (const resolve of waiting.splice(0)) resolve();
}

export function scheduleRender(owner: object, work: () => void): void {
  pending.set(owner, work);
  if (!scheduled) {
    scheduled = true;
    void afterLayout().then(flush);
  }
}

export function cancelRender(owner: object): void {
  pending.delete(owner);
}

/** Resolves once every chart update asked for so far has been drawn. */
export function chartsDrawn(): Promise<void> {
  if (!scheduled) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}
