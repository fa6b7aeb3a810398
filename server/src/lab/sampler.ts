/**
 * ONE timer for the whole lab: every viewer gets the same snapshot from the same tick,
 * so the cost of sampling does not grow with the audience.
 */
export class Sampler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sampleHz: number,
    private readonly tick: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (error) {
        this.onError(error);
      }
    }, 1000 / this.sampleHz);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
