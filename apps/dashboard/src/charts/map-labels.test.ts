import { describe, expect, it } from 'vitest';
import { cellLabel } from './map-labels';

// At 1080 lines a rem is 20 px: names at 20 px, scores at 22 px, lines 27 px.
const cell = { nameFont: 20, scoreFont: 22, lineHeight: 27 };

describe('map cell labels', () => {
  it('writes the name and the score when the cell has room (11 districts)', () => {
    expect(cellLabel({ ...cell, name: 'Lộc Ninh', score: '86,8', width: 120, height: 120 })).toBe(
      '{name|Lộc Ninh}\n{score|86,8}',
    );
  });

  it('splits a long name onto two lines rather than cutting it', () => {
    expect(cellLabel({ ...cell, name: 'Phước Long', score: '', width: 100, height: 100 })).toBe(
      '{name|Phước}\n{name|Long}',
    );
  });

  it('keeps only the score in a small cell (95 communes), and nothing in a tiny one (168)', () => {
    expect(cellLabel({ ...cell, name: 'Trấn Biên', score: '82', width: 40, height: 40 })).toBe(
      '{score|82}',
    );
    expect(cellLabel({ ...cell, name: 'Trấn Biên', score: '82', width: 24, height: 24 })).toBe('');
  });
});
