#!/usr/bin/env node
// The `charter` command. Charter ships TypeScript, which Node does not strip inside
// node_modules, so tsx compiles it as it loads; this file is the only one Node reads as is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
