import { readText, type TextSource } from './read-text';

// One read per worker: read-text.ts starts it, posts the source, and ends it on the answer.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<TextSource>) => void) | null;
  postMessage(message: unknown): void;
};
scope.onmessage = (event) => {
  void readText(event.data).then((read) => scope.postMessage(read));
};
