// js/families/registry.js: the model families the JS API knows. Each family module (sequence.js, graph.js, ...)
// registers itself here; helix.create and helix.load find a family through these functions, never by a list
// of names. js/families/index.js loads every family module.
import { fieldError } from '../errors.js';

/**
 * A family: {name, Session (its class), engineClass (the Embind class's name), presets (name -> spec),
 * matchesSpec(spec) (does a spec object have this family's shape), isDefault (the family a spec of no
 * recognisable shape goes to, so the engine names what is wrong with it), specFor?(specText, opts) (the spec
 * text adapted to create()'s options)}.
 */
const families = new Map();

export function registerFamily(family) {
  if (families.has(family.name)) throw new Error(`family '${family.name}' is registered twice`);
  families.set(family.name, family);
}

export const familyNames = () => [...families.keys()];

export function familyNamed(name) {
  const family = families.get(name);
  if (!family) throw fieldError('family', `family: '${name}' is not one of: ${familyNames().join(', ')}`);
  return family;
}

/** The family whose presets hold `name`, or HelixInputError listing every preset. */
export function familyOfPreset(name) {
  for (const family of families.values()) if (Object.hasOwn(family.presets, name)) return family;
  const all = [...families.values()].flatMap((f) => Object.keys(f.presets));
  throw fieldError('preset', `preset: '${name}' is not one of: ${all.join(', ')}`);
}

/** The family a spec object belongs to by its shape (the default family when none claims it). */
export function familyOfSpec(spec) {
  const all = [...families.values()];
  return all.find((f) => !f.isDefault && f.matchesSpec(spec)) ?? all.find((f) => f.isDefault);
}
