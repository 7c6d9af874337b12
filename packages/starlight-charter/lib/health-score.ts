/**
 * The customer health score: a weighted average of factor scores (each 0-100) with weights
 * that sum to 1, placed in a risk band. Used by the measuring-success page, its calculator
 * (in the browser) and tests.
 */

import { english, type Translate } from './i18n.ts';

export interface WeightedFactor {
  id: string;
  name: string;
  /** Share of the score, 0-1. */
  weight: number;
}

export interface RiskBand {
  id: string;
  name: string;
  /** Lowest score in the band; bands are listed highest floor first, the last at 0. */
  floor: number;
}

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

/** Weighted score, 0-100, from a 0-100 score per factor. Throws if a factor has no valid score. */
export function healthScore(factors: WeightedFactor[], scores: Record<string, number>): number {
  let total = 0;
  for (const factor of factors) {
    const score = scores[factor.id];
    if (score === undefined || !Number.isFinite(score) || score < SCORE_MIN || score > SCORE_MAX) {
      throw new RangeError(`factor "${factor.id}" needs a score from ${SCORE_MIN} to ${SCORE_MAX}`);
    }
    total += score * factor.weight;
  }
  // Weights such as 0.3 and 0.1 are not exact in binary; keep the result free of 0.0000001 tails.
  return Math.round(total * 1e6) / 1e6;
}

/** The band a score falls in: the first band (highest floor first) whose floor it reaches. */
export function bandFor<B extends RiskBand>(bands: B[], score: number): B {
  const band = bands.find((b) => score >= b.floor);
  if (!band) throw new RangeError(`no band holds the score ${score}`);
  return band;
}

export type ScoreInput = { ok: true; value: number } | { ok: false; error: string };

/**
 * Reads what a person typed into a factor field: a number from 0 to 100, or a sentence (in the
 * language of `t`) saying what is wrong.
 */
export function parseFactorScore(text: string, t: Translate = english): ScoreInput {
  const range = { min: SCORE_MIN, max: SCORE_MAX };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: t('charter.playbook.scoreEmpty', range) };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) {
    return { ok: false, error: t('charter.playbook.scoreNotNumber', range) };
  }
  const value = Number(trimmed);
  if (value < SCORE_MIN || value > SCORE_MAX) {
    return { ok: false, error: t('charter.playbook.scoreOutOfRange', range) };
  }
  return { ok: true, value };
}

/** A score for people, to one decimal place at most: 68.75 → "68.8", 70 → "70". */
export function formatScore(score: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(score);
}

/** The range a band covers, in words: "75 to 100", "50 to below 75". */
export function describeBandRange(bands: RiskBand[], index: number, locale = 'en-US'): string {
  const band = bands[index];
  if (!band) throw new RangeError(`no band at position ${index}`);
  const higher = bands[index - 1];
  const from = formatScore(band.floor, locale);
  return higher
    ? `${from} to below ${formatScore(higher.floor, locale)}`
    : `${from} to ${formatScore(SCORE_MAX, locale)}`;
}
