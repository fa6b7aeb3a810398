import { VIEW_CHUNKS, viewOf } from './views';

// main.tsx imports this module first, so its body runs before React, the socket client and the
// texts are evaluated (about a second on a slow phone): the page's view chunk is fetched during
// that time instead of after it. The view's lazy part asks for the same module and gets it.
void VIEW_CHUNKS[viewOf(window.location)]().catch(() => undefined); // a failed fetch is tried again when the view renders
