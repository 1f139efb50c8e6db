// npm run repair:counters — sets every denormalised counter (thread replies and last post,
// event places taken, material completions, "seen this too", reports per status) to what it counts.
import { stopBackgroundWork } from '~/domain/jobs/background.server';
import { recountAll } from '~/domain/maintenance/recount.server';

try {
  const fixed = await recountAll();
  console.log(
    `Counters repaired: ${fixed.threads} threads, ${fixed.events} events, ${fixed.materials} materials, ${fixed.feedback} field reports, ${fixed.feedbackCounts} report counts per status and ${fixed.categoryCounts} forum category counts were off.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopBackgroundWork();
}
