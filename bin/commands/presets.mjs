// bin/commands/presets.mjs: `helix presets`: every family's presets, a line each: name, tab, description.
import { FAMILIES, presetsOf } from '../families/index.mjs';

export const usage = () => 'helix presets   (every preset of every family: name, tab, description)';

export async function run() {
  for (const family of FAMILIES) {
    for (const [name, spec] of Object.entries(presetsOf(family)))
      process.stdout.write(`${name}\t${spec.description}\n`);
  }
}
