/**
 * The API-user widgets' logged-in views (see `views.ts`), part of the chunk of on-demand
 * views (`../components/on-demand.ts`): importing it
 * defines their elements; the rest is what the widgets call once it is in.
 */
import './api-user-editor.js';
import './api-user-table.js';
import './confirm-dialog.js';
import './new-token.js';
import './scope-picker.js';
import './target-picker.js';

export { ApiUserCreateView } from './create-view.js';
export { ApiUserListView } from './list-view.js';
