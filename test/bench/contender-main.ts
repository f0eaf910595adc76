/**
 * One of the scoreboard's other gateways in a process of its own (contender-process.ts starts
 * it): `node --import tsx bench/contender-main.ts <apollo|hive-off|hive-on>`, the subgraphs in
 * BENCH_SUBGRAPHS (JSON: `{ urls, credentials }` by subgraph name). Only this script goes
 * through tsx; the gateways are their npm packages' JavaScript. Prints `listening <url>` once
 * it listens; stops on SIGTERM.
 */
import { hive, stockApollo, type Contender, type Subgraphs } from './contenders.ts';

const kind = process.argv[2];
const subgraphs = JSON.parse(process.env.BENCH_SUBGRAPHS ?? '{}') as Subgraphs;
const starters: Record<string, () => Promise<Contender>> = {
  apollo: () => stockApollo(subgraphs),
  'hive-off': () => hive(subgraphs, false),
  'hive-on': () => hive(subgraphs, true),
};
const start = starters[kind ?? ''];
if (!start) {
  process.stderr.write(`contender: unknown gateway ${kind ?? '(none)'} (${Object.keys(starters).join(', ')})\n`);
  process.exit(2);
}
const contender = await start();
process.stdout.write(`listening ${contender.url}\n`);
process.once('SIGTERM', () => {
  contender.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
