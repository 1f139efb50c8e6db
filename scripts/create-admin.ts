// npm run create-admin -- --email anna.admin@hel.fi --name "Anna Admin" --organisation "Helsingin kaupunki"
// The first admin of a new installation; prints a one-time link (24 h) for setting the password.
import { parseArgs } from 'node:util';
import { createAdmin } from '~/auth/bootstrap.server';
import { syncRolesAndPermissions } from '~/auth/roles.server';
import { db } from '~/db.server';
import { appOrigin } from '~/env.server';
import { stopBackgroundWork } from '~/domain/jobs/background.server';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' } },
});
if (!values.email || !values.name || !values.organisation) {
  console.error(
    'Usage: npm run create-admin -- --email <address> --name "<full name>" --organisation "<organisation>"',
  );
  process.exit(2);
}
try {
  await db.$transaction((tx) => syncRolesAndPermissions(tx));
  const link = await createAdmin({
    email: values.email,
    name: values.name,
    organisationName: values.organisation,
    origin: appOrigin(),
  });
  console.log(`Admin created. Open this link within 24 hours to set the password (it works once):\n${link}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopBackgroundWork();
}
