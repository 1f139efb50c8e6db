// npm run import:workplace -- <folder or zip> (--category <slug> | --map <groups.json>) [--dry-run]
// Brings the network's Workplace archive into the forum. See README "The Workplace archive" and ADR 029.
import fs from 'node:fs';
import { ArchiveError, archiveFiles, readArchive } from '~/domain/archive/workplace-read.server';
import { importWorkplace } from '~/domain/archive/workplace-import.server';
import { stopBackgroundWork } from '~/domain/jobs/background.server';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const input = args.find(
  (a, i) => !a.startsWith('--') && !['--category', '--map'].includes(args[i - 1] ?? ''),
);
const dryRun = args.includes('--dry-run');
const category = option('--category');
const mapFile = option('--map');
if (!input || (!category && !mapFile)) {
  console.error(
    'Usage: npm run import:workplace -- <folder or zip> (--category <slug> | --map <groups.json>) [--dry-run]',
  );
  process.exit(2);
}

function progress(done: number, total: number) {
  if (!process.stderr.isTTY && done !== total) return;
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} posts`);
  if (done === total) process.stderr.write('\n');
}

const started = Date.now();
try {
  // A group by its id or its name: { "1234567890": "kysymykset", "Digituki Helsinki": "yleinen" }.
  const map = mapFile ? (JSON.parse(fs.readFileSync(mapFile, 'utf8')) as Record<string, string>) : {};
  const files = archiveFiles(input);
  const posts = readArchive(files);
  const report = await importWorkplace(posts, {
    categoryOf: (group) => map[group] ?? category,
    dryRun,
    file: (p) => files[0]?.file(p) ?? null,
    onProgress: progress,
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${dryRun ? 'Would import' : 'Imported'} from ${files.length} file(s) in ${seconds.toFixed(1)} s: ${report.threads} threads, ${report.replies} replies, ${report.reactions} reactions, ${report.images} images; ${report.alreadyThere} already imported.`,
  );
  if (report.formerMembers.length)
    console.log(
      `${report.formerMembers.length} author(s) with no member of the same address ${dryRun ? 'would become' : 'are now'} former-member profiles that cannot log in:\n  ${report.formerMembers.join('\n  ')}`,
    );
  if (report.skipped.length)
    console.log(
      `Skipped ${report.skipped.length}:\n  ${report.skipped.map((s) => `${s.where}: ${s.reason}`).join('\n  ')}`,
    );
} catch (error) {
  console.error(
    `\nImport stopped: ${error instanceof ArchiveError ? error.message : error instanceof Error ? error.stack : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await stopBackgroundWork();
}
