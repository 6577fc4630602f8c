import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultRankSettings } from '../../../server/src/modules/recommendation/recommendation.model.ts';
import { exposureChart } from '../recommendation/exposure-chart.ts';
import { fairnessOf, giniIndex } from '../recommendation/fairness-measures.ts';
import { hotPolicy } from '../recommendation/hot-policy.ts';
import { popularityPolicy } from '../recommendation/popularity-policy.ts';
import { recommenderPolicy } from '../recommendation/recommender-policy.ts';
import { runPolicy, scheduleOf } from '../recommendation/simulate.ts';
import { buildWorld, defaultSize, type World } from '../recommendation/world.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';

const hours = 72;
const chartFile = fileURLToPath(new URL('../../recommendation-exposure.svg', import.meta.url));

/** How heavy the generated tails are, to compare with what KuaiRand/KuaiRec report. */
function worldShape(world: World): string {
  const perItem = new Array<number>(world.items.length).fill(0);
  for (const e of world.warmup) if (e.kind === 'impression') perItem[e.item] = (perItem[e.item] ?? 0) + 1;
  const sorted = [...perItem].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  const top = sorted.slice(0, Math.ceil(sorted.length / 5)).reduce((a, b) => a + b, 0);
  const ratios = [...world.watchRatios].sort((a, b) => a - b);
  const q = (xs: number[], p: number) => xs[Math.floor(p * (xs.length - 1))] ?? 0;
  const activity = world.users.map((u) => u.activity).sort((a, b) => a - b);
  return [
    `${world.users.length} users, ${world.items.length} videos, ${world.merchants.length} merchants, ${total} logged impressions`,
    `item popularity: top 20% of videos hold ${((top / total) * 100).toFixed(0)}% of impressions, Gini ${giniIndex(perItem).toFixed(2)}`,
    `user activity (sessions/day): median ${q(activity, 0.5).toFixed(1)}, p90 ${q(activity, 0.9).toFixed(1)}, max ${q(activity, 1).toFixed(1)}`,
    `watch ratio: median ${q(ratios, 0.5).toFixed(2)}, p90 ${q(ratios, 0.9).toFixed(2)}, p99 ${q(ratios, 0.99).toFixed(2)}`,
  ].join('\n');
}

/**
 * Offline proof of the recommender: every policy serves the same simulated users, on the
 * same requests, meeting the same reactions; relevance is judged on the random-exposure
 * slice, fairness on who got shown during the simulated days.
 */
export const suite: BenchSuite = {
  name: 'recommendation',
  async run() {
    const world = buildWorld(defaultSize);
    process.stdout.write(`${worldShape(world)}\n`);
    const schedule = scheduleOf(world, hours, defaultSize.seed + 1);
    const policies = [
      hotPolicy(world),
      popularityPolicy(world),
      recommenderPolicy(
        world,
        'recommender without fairness',
        { ...defaultRankSettings, fairGrowth: false },
        1,
      ),
      recommenderPolicy(world, 'recommender', defaultRankSettings, 1),
    ];
    const runs = policies.map((p) => {
      const run = runPolicy(world, p, schedule, defaultSize.seed);
      process.stdout.write(`  ${p.name}: ${run.pages} pages in ${(run.millis / 1000).toFixed(1)} s\n`);
      return { run, fair: fairnessOf(world, run) };
    });
    const [hot] = runs;
    if (!hot) throw new Error('no baseline');
    const rows: BenchRow[] = [];
    for (const { run, fair } of runs) {
      const isHot = run === hot.run;
      const base = (value: number) => (isHot ? {} : { baseline: { name: 'hot ranking', value } });
      rows.push(
        {
          name: `${run.policy}: NDCG@10 (random slice)`,
          value: run.ndcg10,
          unit: '',
          ...base(hot.run.ndcg10),
        },
        {
          name: `${run.policy}: recall@50 (random slice)`,
          value: run.recall50,
          unit: '',
          ...base(hot.run.recall50),
        },
        {
          name: `${run.policy}: provider exposure Gini`,
          value: fair.giniProviders,
          unit: '',
          ...base(hot.fair.giniProviders),
        },
        {
          name: `${run.policy}: new merchants with 100 relevant impressions on day 1`,
          value: fair.newReach * 100,
          unit: '%',
        },
        {
          name: `${run.policy}: hours for a good new merchant to reach average exposure (median)`,
          value: fair.hoursToAverage,
          unit: 'h',
        },
        {
          name: `${run.policy}: exposure of bad-service / good-service new merchants`,
          value: fair.badOverGood,
          unit: '',
        },
      );
    }
    mkdirSync(fileURLToPath(new URL('../..', import.meta.url)), { recursive: true });
    writeFileSync(
      chartFile,
      exposureChart('New merchants: cumulative impressions per merchant', [
        ...runs.map(({ run, fair }) => ({ label: run.policy, points: fair.newCurve })),
        { label: 'average incumbent', points: hot.fair.incumbentCurve, dashed: true },
      ]),
    );
    process.stdout.write(`chart: ${chartFile}\n`);
    return rows;
  },
};
