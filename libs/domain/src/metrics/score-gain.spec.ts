import { DEFAULT_METRIC_SETTINGS } from './metric-settings';
import { scoreBreakdownOf } from './metrics';
import { bestScoreGainOf, scoreGainsOf } from './score-gain';

const rates = {
  onTime: 0.97,
  progress: 0.95,
  online: 0.38,
  digitization: 0.6,
  resultDigitization: 0.5,
  onlinePayment: 0.9,
  satisfaction: 0.9,
  apology: null,
};

describe('scoreGainsOf', () => {
  it('tells the single change that gains the most points, to the hundredth shown', () => {
    // Σw = 82; earned = 20·0.95 + 12·0.76 + 10·0.9 + 22·0.75 + 18·1 = 71.62 → 87.34.
    const { score, components } = scoreBreakdownOf(rates, DEFAULT_METRIC_SETTINGS);
    expect(score).toBe(87.34);
    // Digitisation 60 % → 80 %: earned 77.12 → 94.05 (+6.71); online 38 % → 50 %: 74.50 → 90.85
    // (+3.51); progress 95 % → 100 %: 72.62 → 88.56 (+1.22); online payment 90 % → 100 %: +1.22.
    expect(scoreGainsOf(components)).toEqual([
      {
        component: 'digitization',
        rate: 0.6,
        targetRate: 0.8,
        gain: 6.71,
        score: 87.34,
        scoreAfter: 94.05,
      },
      {
        component: 'online',
        rate: 0.38,
        targetRate: 0.5,
        gain: 3.51,
        score: 87.34,
        scoreAfter: 90.85,
      },
      {
        component: 'progress',
        rate: 0.95,
        targetRate: 1,
        gain: 1.22,
        score: 87.34,
        scoreAfter: 88.56,
      },
      {
        component: 'onlinePayment',
        rate: 0.9,
        targetRate: 1,
        gain: 1.22,
        score: 87.34,
        scoreAfter: 88.56,
      },
    ]);
    expect(bestScoreGainOf(components)?.component).toBe('digitization');
  });

  it('weighs each component among those with data only', () => {
    // Online alone has data: 38 % of 50 % is 76 points of 100, full marks add 24.
    const { components } = scoreBreakdownOf(
      { ...rates, progress: null, digitization: null, onlinePayment: null, satisfaction: null },
      DEFAULT_METRIC_SETTINGS,
    );
    expect(bestScoreGainOf(components)).toEqual({
      component: 'online',
      rate: 0.38,
      targetRate: 0.5,
      gain: 24,
      score: 76,
      scoreAfter: 100,
    });
  });

  it('has nothing to tell when every component has full marks, or none has data', () => {
    const full = scoreBreakdownOf(
      {
        ...rates,
        progress: 1,
        online: 0.6,
        digitization: 0.8,
        onlinePayment: 1,
        satisfaction: 0.95,
      },
      DEFAULT_METRIC_SETTINGS,
    );
    expect(full.score).toBe(100);
    expect(scoreGainsOf(full.components)).toEqual([]);
    expect(bestScoreGainOf({})).toBeNull();
  });
});
