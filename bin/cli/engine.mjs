// bin/cli/engine.mjs: the WebAssembly engine for a command, with the threads that --threads asks for.
import { loadHelix } from '../../js/helix.js';
import { count } from './args.mjs';

/** The engine API (js/helix.js) with --threads N threads (default: the build's). */
export const engine = (args) => loadHelix({ threads: count(args, 'threads') });
