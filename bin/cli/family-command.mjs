// bin/cli/family-command.mjs: a command that each family answers in its own way (predict, evaluate, encode,
// sample): the family is picked by the data options given (bin/families/index.mjs), then runs it.
import { engine } from './engine.mjs';
import { commandFamily, familyUsage } from '../families/index.mjs';

/** The command module of `name`: {usage(), run(args)}. */
export function familyCommand(name) {
  return {
    usage: () =>
      familyUsage(name)
        .map(({ family, usage }) => `${family.what}:\n  helix ${name} ${usage.replaceAll('\n', '\n  ')}`)
        .join('\n'),
    run: async (args) => commandFamily(name, args)[name].run(await engine(args), args),
  };
}
