/**
 * Named steps, each with what undoes it (Medusa's workflows, in miniature). Database
 * steps run inside one transaction, so their undo is the rollback itself; a step that
 * acts outside the database (charging the user through a channel) declares an explicit
 * compensation, run when a later step fails.
 */
export interface Step<C> {
  name: string;
  run(context: C): Promise<void>;
  /** Undoes `run` after a later step failed; absent when the rollback of the transaction undoes it. */
  compensate?(context: C): Promise<void>;
}

/**
 * Runs steps in order; when one throws, compensates the finished ones newest first and
 * rethrows the original error.
 *
 * @example
 * await runSteps([chargeStep, recordPaymentStep], context);
 */
export async function runSteps<C>(steps: readonly Step<C>[], context: C): Promise<void> {
  const done: Step<C>[] = [];
  for (const step of steps) {
    try {
      await step.run(context);
    } catch (error) {
      for (const finished of done.reverse()) await finished.compensate?.(context);
      throw error;
    }
    done.push(step);
  }
}
