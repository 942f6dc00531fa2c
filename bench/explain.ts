// EXPLAIN (ANALYZE, BUFFERS) of one statement as a caller (same role and claims as the API), summarised
// in one line: execution time, buffers, the indexes used and any sequential scan with its row count, also in
// the statements a function runs inside it.
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

/** auto_explain's notice: "duration: … ms  plan:" and the plan as JSON (log_format json). */
function nestedPlan(message: string): PlanNode | undefined {
  const at = message.indexOf('{');
  if (!message.startsWith('duration:') || at < 0) return undefined;
  try {
    return (JSON.parse(message.slice(at)) as { Plan?: PlanNode }).Plan;
  } catch {
    return undefined;
  }
}

export async function explainSummary(url: string, claims: object, text: string, params: unknown[]): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  // The scoped report functions (decision record 0005) show as one Function Scan; the statements they run inside
  // come from auto_explain, sent to this session as notices (the bench connects as a superuser).
  const inner: PlanNode[] = [];
  c.on('notice', (n) => {
    const plan = nestedPlan(n.message ?? '');
    if (plan) inner.push(plan);
  });
  try {
    await c.query("load 'auto_explain'");
    await c.query(`set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on; set auto_explain.log_nested_statements = on;
                   set auto_explain.log_format = json; set auto_explain.log_level = notice`);
  } catch {
    // Without auto_explain the summary is the outer plan's alone.
  }
  try {
    await c.query('begin');
    await c.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    inner.length = 0; // from here: the explained statement itself, then any statement it runs inside
    const { rows } = await c.query(`explain (analyze, buffers, format json) ${text}`, params);
    await c.query('rollback');
    const plan = (rows[0] as { 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }[] })['QUERY PLAN'][0];
    if (!plan) return 'no plan';
    const nodes: PlanNode[] = [];
    walk(plan.Plan, nodes);
    for (const p of inner) walk(p, nodes);
    const indexes = [...new Set(nodes.filter((n) => n['Index Name']).map((n) => `${n['Index Name']}`))];
    const seq = nodes
      .filter((n) => n['Node Type'] === 'Seq Scan')
      .map((n) => `${n['Relation Name']} (${((n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1)).toLocaleString('en-US')} rows)`);
    const hit = plan.Plan['Shared Hit Blocks'] ?? 0;
    const read = plan.Plan['Shared Read Blocks'] ?? 0;
    const within = inner.length > 1 ? `with the ${inner.length - 1} statement(s) run inside it, ` : '';
    return `${plan['Execution Time'].toFixed(1)} ms executing, ${plan['Planning Time'].toFixed(1)} ms planning; buffers hit ${hit}, read ${read}; ${within}` +
      `indexes: ${indexes.join(', ') || 'none'}; seq scans: ${[...new Set(seq)].join(', ') || 'none'}`;
  } catch (e) {
    await c.query('rollback').catch(() => undefined);
    return `EXPLAIN failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await c.end();
  }
}
