/** Terms versions ("1.0", "2.3.1"), compared number by number: "1.10" comes after "1.9". */

/** Negative when `a` comes before `b`, positive when after, 0 when they are the same version. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The next version people would give after `version`: "2.0" → "2.1", "2.3.1" → "2.3.2". */
export function nextVersion(version: string): string {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1]! += 1;
  return parts.join('.');
}
