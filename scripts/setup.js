// One command from a fresh clone to a runnable app: generate the client, migrate, seed demo
// data, build. Idempotent: run it again after a pull.
import { spawnSync } from 'node:child_process';

const steps = [
  ['Generating the database client', 'npm', ['run', '--silent', 'db:generate']],
  ['Applying migrations', 'npm', ['run', '--silent', 'db:migrate']],
  ['Seeding demo data', 'npm', ['run', '--silent', 'seed']],
  ['Building the app', 'npm', ['run', '--silent', 'build']],
];

for (const [title, command, args] of steps) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}
console.log(
  `\n✔ Ready. Start with: npm run preview   (then open http://localhost:${process.env.PORT ?? 3000})`,
);
