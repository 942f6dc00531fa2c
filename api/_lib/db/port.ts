// One small database port (D2): every SQL call in the API goes through these two shapes,
// so PGlite, PostgreSQL 15 and Supabase's pooler share one code path.
export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Several statements, no parameters (migrations, seeds). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface TransactionOptions {
  /** SQL without parameters run first inside the transaction; PostgreSQL sends it with BEGIN, in one round trip. */
  setup?: string;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs fn in one transaction: commit if it resolves, roll back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** After migrations: let the driver learn types created since it connected (PGlite reads array types once). */
  typesChanged?(): Promise<void>;
  close(): Promise<void>;
}
