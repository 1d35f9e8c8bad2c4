// bin/families/index.mjs: the model families the `helix` command knows, and how a command picks one. Each is
// the CLI side of a family of the engine API (js/families/: its presets, its spec's shape, its Session class):
// its module (bin/families/<family>.mjs) says which options mark its data, how `helix train` feeds it and
// reports on it, and which other commands it answers (predict, evaluate, encode, sample...: {usage,
// run(helix, args)}). A new family adds its module here and touches no command.
import { sequence } from './sequence.mjs';
import { gan } from './gan.mjs';
import { graph } from './graph.mjs';
import { autoencoder } from './autoencoder.mjs';
import { UsageError } from '../cli/args.mjs';
import { familyNamed, familyOfPreset, familyOfSpec } from '../../js/families/index.js';

// In this order `helix presets` lists them; sequence models come first: they are the default.
export const FAMILIES = [sequence, gan, graph, autoencoder];

const given = (args, names) => names.filter((name) => args[name] !== undefined);

// The family whose data options (--nodes, --matrix...) were given, among those that answer `command`; else the
// first of them (sequence models, for the commands they answer).
function familyOfData(args, families) {
  return families.find((f) => given(args, f.marks).length) ?? families[0];
}

/** The presets of the family (name -> spec), from the engine API. */
export const presetsOf = (family) => familyNamed(family.name).presets;

// The engine API's family of the spec text (by its shape) or of the preset; null for a spec that is not a JSON
// object or a preset no family has (the family's create then says what is wrong with it).
function apiFamily(args, specText) {
  try {
    if (!args.spec) return familyOfPreset(args.preset);
    const spec = JSON.parse(specText);
    return spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? familyOfSpec(spec) : null;
  } catch {
    return null; // not JSON, or no family has the preset
  }
}

/**
 * The family `helix train` trains: the one the engine API finds for --preset or for the shape of --spec's JSON;
 * else (an unknown preset, a spec that is not JSON) the one whose data options were given, else sequence models.
 */
export function trainingFamily(args, specText) {
  const name = apiFamily(args, specText)?.name;
  return FAMILIES.find((f) => f.name === name) ?? familyOfData(args, FAMILIES);
}

/** The family that runs `command` (one that has it) for these options. */
export function commandFamily(command, args) {
  const families = FAMILIES.filter((f) => f[command]);
  return familyOfData(args, families);
}

// Every option of some family's training.
const TRAINING_OPTIONS = [...new Set(FAMILIES.flatMap((f) => f.train.options))];

/** A UsageError when an option of another family's training is given (it would be ignored). */
export function refuseOtherOptions(family, args) {
  const [other] = given(
    args,
    TRAINING_OPTIONS.filter((name) => !family.train.options.includes(name)),
  );
  if (other === undefined) return;
  const owners = FAMILIES.filter((f) => f.train.options.includes(other)).map((f) => f.what);
  throw new UsageError(`--${other} is not an option of ${family.what}' training (it is for ${owners.join(', ')})`);
}

/** The usage lines of `command`: one per family that answers it. */
export function familyUsage(command) {
  return FAMILIES.filter((f) => f[command]).map((f) => ({ family: f, usage: f[command].usage }));
}
