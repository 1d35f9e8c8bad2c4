// web/state/playground-state.js: what one playground holds while it runs, in one place (the views keep only
// what they show; the URL's part of it is url-state.js). Every controller of the playground reads and sets
// these fields; none keeps its own copy.
import { familyByKey } from '../families/index.js';

export function createPlaygroundState() {
  return {
    family: familyByKey('sequence'), // the family of the chosen preset (a web/families/ module)
    models: new Set(), // keys of the families that have a trained or loaded model in the engine
    training: false, // a training run is going
    cancelling: false, // its Cancel was acknowledged: progress events still in flight are not shown
    predicting: false, // a prediction (or GAN sampling) is going
    labelClasses: 2, // how many classes the chosen model predicts: which labels the training data may hold
    parseTicket: 0, // the latest check of the training data (an answer about earlier text is dropped)
    predictTyped: false, // the user typed in the Predict box: no example replaces the text
    predictedText: '', // the paste the prediction table's rows came from
    explained: null, // { row, text }: the prediction row being explained and that paste
    explainTicket: 0, // the latest explanation asked for (an answer about an earlier choice is dropped)
    resultViews: new Map(), // family key -> its result view's controller, once built
    hashSync: null, // the page's URL hash keeper (web/state/hash-sync.js), once the link's setup is applied
    // Whether the current family (or `family`) has a model in the engine.
    hasModel(family = this.family) {
      return this.models.has(family.key);
    },
    // `family`'s result view controller (undefined until built; none for families without a result view).
    resultView(family = this.family) {
      return this.resultViews.get(family.key);
    },
  };
}
