// Adds lock-file entries for other platforms' optional native packages.
//
// Some registries (mirrors among them) lack the platform builds of @astrojs/compiler-binding-*
// and @pagefind/*. npm then leaves them out of package-lock.json and `npm ci` on a clean
// clone stops with "Missing: ... from lock file". Recording them as optional entries, with
// os/cpu taken from the package name, lets npm ci skip them on platforms they are not for.
// Runs after every install (postinstall) and changes nothing when the lock file is complete.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
if (!existsSync(LOCK)) process.exit(0);

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages ?? {};

/** os, cpu and libc from a platform package name such as `compiler-binding-linux-x64-musl`. */
export function platformOf(name) {
  const osMap = {
    darwin: 'darwin',
    linux: 'linux',
    win32: 'win32',
    windows: 'win32',
    freebsd: 'freebsd',
    android: 'android',
  };
  const cpuMap = { x64: 'x64', arm64: 'arm64', ia32: 'ia32', arm: 'arm', wasm32: 'wasm32' };
  const parts = name.split('/').pop().split('-');
  const os = parts.map((p) => osMap[p]).find(Boolean);
  const cpu = parts.map((p) => cpuMap[p]).find(Boolean);
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform build: leave it to npm
    packages[hoisted] = {
      version: String(version).replace(/^[\^~]/, ''),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}

if (added > 0) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) =>
      a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
    ),
  );
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`fix-lockfile: recorded ${added} optional platform package(s) in ${LOCK}`);
}
