import type { DataFileName } from '../schemas/index.ts';

/**
 * Terms files that only some sections read, with those sections. A site that publishes none
 * of them may leave the file out (a site with only the commercial pages and calculators needs
 * no playbook, ROI model, KB categories or rate card).
 */
export const FILES_BY_SECTION = {
  kb: ['kb', 'playbook'],
  roi: ['roi'],
  playbook: ['playbook'],
  services: ['customDevelopment', 'sow'],
} as const satisfies Partial<Record<DataFileName, readonly string[]>>;

/** The files a site with these sections may leave out. */
export function optionalFiles(sections: Record<string, boolean>): DataFileName[] {
  return (Object.entries(FILES_BY_SECTION) as [DataFileName, readonly string[]][])
    .filter(([, needed]) => !needed.some((section) => sections[section]))
    .map(([file]) => file);
}

const absent = new WeakSet<object>();

/**
 * Stands in for a terms file the site left out: reading anything from it stops the build with
 * a message naming the file, so a page that needs the file cannot show an empty table instead.
 * Serialising skips it (`toJSON` reads as undefined).
 */
export function absentFile<T>(file: string): T {
  const proxy = new Proxy(Object.create(null) as object, {
    get(_target, key) {
      if (typeof key === 'symbol' || key === 'toJSON' || key === 'then') return undefined;
      throw new Error(
        `Charter: ${file} is missing, and a page of a section this site publishes reads it ` +
          `(".${key}"); add the file, or turn the section off.`,
      );
    },
    ownKeys: () => [],
  });
  absent.add(proxy);
  return proxy as T;
}

/** Whether a value stands in for a file the site left out. */
export function isAbsent(value: unknown): boolean {
  return typeof value === 'object' && value !== null && absent.has(value);
}
