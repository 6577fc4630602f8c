import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/test-database.ts';
import { runBatch } from './fuzz-run.ts';
import { admittedBy, type FuzzPrincipal, fuzzPrincipals, fuzzWorldFor } from './fuzz-world.ts';
import { headerAbuseRequests } from './header-abuse.ts';
import {
  conformingRequests,
  fieldRequests,
  type Generation,
  pathRequests,
  queryRequests,
  transportRequests,
} from './hostile-requests.ts';
import { type Operation, readOperations } from './openapi-operations.ts';
import { conventionProblem } from './refusal-envelope.ts';
import { validBases } from './valid-bases.ts';

/**
 * Operations that end what later ones rely on (sessions, the account, the app's standing,
 * its secret): fuzzed after the rest, so their successes cannot hide the others' bugs.
 */
const lastOperations = [
  'POST /api/apps/{appid}/secret/rotate',
  'POST /api/apps/{appid}/takedown',
  'DELETE /api/me',
  'DELETE /api/users/sessions/current',
  'DELETE /api/sessions/current',
];
const rank = (op: Operation) => lastOperations.indexOf(`${op.method} ${op.path}`);

/**
 * SQLite takes the whole run; PostgreSQL a reduced one, for the bugs only it shows. The
 * seed is fixed so a failure replays; PLAZA_FUZZ_SEED and PLAZA_FUZZ_RUNS explore further.
 */
const seed = Number(process.env.PLAZA_FUZZ_SEED ?? 20_261_125);
const runs = Number(process.env.PLAZA_FUZZ_RUNS ?? 8);
const budgets = {
  sqlite: { runs, principals: fuzzPrincipals, seed },
  postgres: {
    runs: Math.ceil(runs / 3),
    principals: ['anonymous', 'developer', 'user', 'app'] as FuzzPrincipal[],
    seed: seed + 1,
  },
};

describe.each(testEngines)('every route, fuzzed from the OpenAPI document, on %s', (engine) => {
  const started = fuzzWorldFor(engine);
  let operations: Operation[];
  beforeAll(async () => {
    const doc = await started.t.app.inject({ method: 'GET', url: '/openapi.json' });
    operations = readOperations(doc.json()).sort((a, b) => rank(a) - rank(b));
  });

  it('lists every operation with who may call it', () => {
    expect(operations.length).toBeGreaterThan(80);
    const unknown = operations
      .filter((op) => op.audiences.length === 0)
      .map((op) => `${op.method} ${op.path}`);
    expect(unknown).toEqual([]);
  });

  it('answers every malformed, hostile or generated request under 500, in the envelope, changing nothing it refused', async () => {
    const { t, fw } = started;
    const budget = budgets[engine];
    const failures: string[] = [];
    let requests = 0;
    let accepted = 0;
    for (const op of operations) {
      const g: Generation = {
        seed: budget.seed,
        runs: budget.runs,
        known: fw.known,
        realPathValue: fw.realPathValue,
      };
      const transport = transportRequests(op, g, t.config.bodyLimit);
      const varied = [...queryRequests(op, g), ...pathRequests(op, g), ...conformingRequests(op, g)];
      // Callers the route refuses go first: they must change nothing the admitted ones then use.
      const callers = [...budget.principals].sort(
        (a, b) => Number(admittedBy[a](op.audiences)) - Number(admittedBy[b](op.audiences)),
      );
      const ends = rank(op) >= 0;
      for (const who of callers) {
        const token = fw.tokens[who];
        // Admitted callers vary one field of a request known to be valid, to reach the service.
        const valid = admittedBy[who](op.audiences) ? await validBases(fw.world, op, who, 40) : [];
        const refused = [...transport, ...fieldRequests(op, g, valid)];
        for (const batch of [
          refused.filter((r) => r.mustRefuse),
          [...refused.filter((r) => !r.mustRefuse), ...varied],
        ]) {
          const outcome = await runBatch(t, op, who, token, batch, ends);
          failures.push(...outcome.failures);
          requests += outcome.requests;
          accepted += outcome.accepted;
        }
      }
      const [base] = conformingRequests(op, { ...g, runs: 1 });
      if (base) {
        const abuse = headerAbuseRequests(op, base, fw.cookieSessions);
        const outcome = await runBatch(t, op, 'anonymous', undefined, abuse, ends);
        failures.push(...outcome.failures);
        requests += outcome.requests;
      }
    }
    // Generated requests get past validation to the services often enough to test them.
    expect(requests).toBeGreaterThan(engine === 'sqlite' ? 10_000 : 3_000);
    expect(accepted).toBeGreaterThan(requests / 100);
    expect(failures.slice(0, 60)).toEqual([]);
  }, 600_000);
});

describe.each(testEngines)("the super app's page paths, outside the OpenAPI document, on %s", (engine) => {
  const started = fuzzWorldFor(engine);

  it('answers hostile and doubly encoded page paths under 500, in the envelope when refused', async () => {
    const { t } = started;
    // Pieces that stress decoding and path handling; joined at random, raw or encoded again.
    const piece = fc.constantFrom(
      '%',
      '%25',
      '%25zz',
      '%2525',
      '%ff',
      '%00',
      '%2e%2e',
      '..',
      '%2f',
      'assets',
      'index.html',
      'a',
      '%E0%A4%A',
      '%5c',
    );
    const path = fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([parts, again]) => {
        const raw = `/${parts.join('/')}`;
        return again ? raw.replaceAll('%', '%25') : raw;
      });
    const failures: string[] = [];
    for (const url of fc.sample(path, { seed, numRuns: engine === 'sqlite' ? 300 : 60 })) {
      const res = await t.app.inject({ method: 'GET', url });
      const problem = conventionProblem(res.statusCode, res.headers['content-type']?.toString(), res.body);
      if (problem) failures.push(`GET ${url}: ${problem}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
