/**
 * Runs `run` once the page's next frame is painted (a frame callback runs before the paint, a task
 * queued from it after) and returns what cancels it. jsdom has no frames: a task stands in there,
 * where nothing is painted anyway.
 */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const queue = () => {
    timer = setTimeout(run, 0);
  };
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(queue) : undefined;
  if (frame === undefined) queue();
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
