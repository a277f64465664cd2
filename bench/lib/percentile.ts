/** The value at `fraction` (0..1) of ascending `sortedValues` (nearest rank); NaN when empty. */
export function percentile(sortedValues: readonly number[], fraction: number): number {
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor(fraction * sortedValues.length))] ?? Number.NaN;
}
