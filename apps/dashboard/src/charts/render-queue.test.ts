import { describe, expect, it, vi } from 'vitest';
import { afterLayout } from '@/components/after-layout';
import { chartsDrawn, scheduleRender } from './render-queue';

async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await afterLayout();
}

describe('scheduleRender', () => {
  it('draws one chart a frame, the latest update of each, in the order they first asked', async () => {
    const drawn: string[] = [];
    const [a, b] = [{}, {}];
    scheduleRender(a, () => drawn.push('a1'));
    scheduleRender(b, () => drawn.push('b1'));
    scheduleRender(a, () => drawn.push('a2'));
    expect(drawn).toEqual([]);
    await frames(1);
    expect(drawn).toEqual(['a2']);
    await frames(2);
    expect(drawn).toEqual(['a2', 'b1']);
  });

  it('goes on drawing the other charts when one chart’s update throws', async () => {
    const drawn: string[] = [];
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    scheduleRender({}, () => {
      throw new Error('bad option');
    });
    scheduleRender({}, () => drawn.push('next'));
    await frames(3);
    scheduleRender({}, () => drawn.push('later'));
    await frames(2);
    expect(drawn).toEqual(['next', 'later']);
    expect(said).toHaveBeenCalledWith('chart update failed', new Error('bad option'));
    said.mockRestore();
  });

  it('says when every chart asked for so far is drawn (a printed page waits for it)', async () => {
    const drawn: string[] = [];
    await chartsDrawn();
    for (const name of ['a', 'b', 'c']) scheduleRender({}, () => drawn.push(name));
    await chartsDrawn();
    expect(drawn).toEqual(['a', 'b', 'c']);
  });
});
