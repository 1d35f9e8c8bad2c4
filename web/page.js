// web/page.js: the playground page: the same app an embedded <helix-playground> runs, mounted in the body.
import { mountPlayground } from './app.js';

mountPlayground(document.body, { page: true });
