// Preloaded into every Node process of a benchmarked build (NODE_OPTIONS=--require) to record
// its peak resident memory, which the parent cannot read once the child has exited.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (!process.env.CHARTER_MAXRSS_FILE) return;
  try {
    appendFileSync(process.env.CHARTER_MAXRSS_FILE, `${process.resourceUsage().maxRSS}\n`);
  } catch {}
});
