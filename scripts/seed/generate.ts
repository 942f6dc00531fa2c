// Prints supabase/seed.sql: `npm run seed:generate` (tsx scripts/seed/generate.ts > supabase/seed.sql).
// Deterministic: a fixed PRNG seed and key-derived ids, no clock; tests/seed checks the file never drifts.
import { generateSeedSql } from './sql';

process.stdout.write(generateSeedSql());
