/** One figure of a scenario, optionally next to the figure it should be judged against. */
export interface Row {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  /** A figure measured in the same run that this one is compared with (the ratio is printed). */
  baseline?: { label: string; value: number };
}

/** What the runner hands every scenario: one shared Postgres and the run's load settings. */
export interface BenchContext {
  /** The run's Postgres, started once by the runner and thrown away at the end. */
  postgres: { adminUrl: string; urlFor(database: string): string };
  /** Creates an empty database on the shared Postgres and returns its URL. */
  createDatabase(namePrefix: string): Promise<string>;
  /** Load settings of this run; scenarios use them so every figure is taken alike. */
  load: LoadSettings;
  /**
   * Computes a value once per run and hands the same promise to later callers, so a scenario can
   * reuse figures another one measured (the floors) instead of measuring them again.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  log(message: string): void;
}

export interface LoadSettings {
  connections: number;
  durationSec: number;
  /** Unmeasured load before each measurement, so JIT and connection pools are warm. */
  warmupSec: number;
}

export interface Scenario {
  name: string;
  run(ctx: BenchContext): Promise<Row[]>;
}
