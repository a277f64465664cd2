/**
 * Resources started in order and stopped in reverse: whatever started before a failure is
 * stopped again, so a failed start leaves nothing half-initialised behind.
 */
export class ShutdownStack {
  private readonly steps: { name: string; stop: () => Promise<void> }[] = [];

  push(name: string, stop: () => Promise<void>): void {
    this.steps.push({ name, stop });
  }

  /** Stops everything, last started first; keeps going past a failing step and reports them all. */
  async unwind(onError: (name: string, error: unknown) => void): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.stop();
      } catch (error) {
        onError(step.name, error);
      }
    }
  }
}
