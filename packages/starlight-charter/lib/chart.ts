/** Geometry of a simple vertical bar chart, computed at build time and drawn as inline SVG. */

export interface Bar {
  label: string;
  value: number;
}

export interface BarLayout extends Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Height of the plotting area; bars grow up from its bottom edge at y = plotHeight. */
  plotHeight: number;
  bars: BarLayout[];
}

export interface ChartOptions {
  width: number;
  height: number;
  /** Room below the plot for labels. */
  labelSpace: number;
  /** Gap between bars as a share of each slot, 0-1. */
  gap: number;
}

const DEFAULTS: ChartOptions = { width: 600, height: 260, labelSpace: 40, gap: 0.3 };

/**
 * Lays out one bar per value, scaled to the largest; a chart of zeros draws flat bars
 * rather than dividing by zero. Negative or non-finite values are errors.
 */
export function layoutBars(bars: Bar[], options: Partial<ChartOptions> = {}): ChartLayout {
  const { width, height, labelSpace, gap } = { ...DEFAULTS, ...options };
  for (const bar of bars) {
    if (!Number.isFinite(bar.value) || bar.value < 0)
      throw new RangeError(`bar "${bar.label}" has no valid value`);
  }
  const plotHeight = height - labelSpace;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const slot = bars.length > 0 ? width / bars.length : width;
  const barWidth = slot * (1 - gap);
  return {
    width,
    height,
    plotHeight,
    bars: bars.map((bar, i) => {
      const barHeight = max > 0 ? (bar.value / max) * plotHeight : 0;
      return {
        ...bar,
        x: round(i * slot + (slot - barWidth) / 2),
        y: round(plotHeight - barHeight),
        width: round(barWidth),
        height: round(barHeight),
      };
    }),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
