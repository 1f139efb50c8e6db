// After `remix build`: the environment's one validated schema (app/env.server.ts) bundled on its
// own into build/config.js, for the cluster supervisor (cluster.js). Importing the app's build
// would open the embedded database and load every route into a process that only forks others.
import esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['app/env.server.ts'],
  outfile: 'build/config.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
