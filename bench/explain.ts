// EXPLAIN (ANALYZE, BUFFERS) of one statement as a caller (same role and claims as the API), summarised
// in one line: execution time, buffers, the indexes used and any sequential scan with its row count.
import { Client } from 'pg';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, out: PlanNode[]): void {
  out.push(node);
  for (const child of node.Plans ?? []) walk(child, out);
}

export async function explainSummary(url: string, claims: object, text: string, params: unknown[]): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('begin');
    await c.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    const { rows } = await c.query(`explain (analyze, buffers, format json) ${text}`, params);
    await c.query('rollback');
    const plan = (rows[0] as { 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }[] })['QUERY PLAN'][0];
    if (!plan) return 'no plan';
    const nodes: PlanNode[] = [];
    walk(plan.Plan, nodes);
    const indexes = [...new Set(nodes.filter((n) => n['Index Name']).map((n) => `${n['Index Name']}`))];
    const seq = nodes
      .filter((n) => n['Node Type'] === 'Seq Scan')
      .map((n) => `${n['Relation Name']} (${((n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1)).toLocaleString('en-US')} rows)`);
    const hit = plan.Plan['Shared Hit Blocks'] ?? 0;
    const read = plan.Plan['Shared Read Blocks'] ?? 0;
    return `${plan['Execution Time'].toFixed(1)} ms executing, ${plan['Planning Time'].toFixed(1)} ms planning; buffers hit ${hit}, read ${read}; ` +
      `indexes: ${indexes.join(', ') || 'none'}; seq scans: ${[...new Set(seq)].join(', ') || 'none'}`;
  } catch (e) {
    await c.query('rollback').catch(() => undefined);
    return `EXPLAIN failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await c.end();
  }
}
