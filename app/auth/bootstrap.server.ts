import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { slugify } from '~/domain/organisations/organisations.server';
import { hashPassword } from './password.server';
import { generateToken, hashToken } from './tokens.server';
import { holdingRoles } from './roles.server';

const LINK_VALID_MS = 24 * 60 * 60 * 1000;

/**
 * The first admin of a new installation (nobody exists yet to invite them): creates the
 * organisation if needed and the member with an unusable password, and returns a one-time
 * link to set one. No password ever appears on a command line or in a log.
 */
export async function createAdmin(input: {
  email: string;
  name: string;
  organisationName: string;
  origin: string;
}) {
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new Error(`${email} already has an account; use the password reset page instead.`);
  }
  const token = generateToken();
  const unusable = await hashPassword(generateToken() + generateToken());
  await db.$transaction(async (tx) => {
    const organisation =
      (await tx.organisation.findFirst({ where: { name: input.organisationName }, select: { id: true } })) ??
      (await tx.organisation.create({
        data: {
          name: input.organisationName,
          slug: `${slugify(input.organisationName)}-${token.slice(0, 6)}`,
          kind: 'city_unit',
        },
        select: { id: true },
      }));
    const user = await tx.user.create({
      data: {
        email,
        name: input.name.trim(),
        passwordHash: unusable,
        // The installation's first member does everything: admins are coordinators too.
        roles: await holdingRoles(tx, ['adviser', 'coordinator', 'admin']),
        organisationId: organisation.id,
      },
      select: { id: true },
    });
    await tx.passwordReset.create({
      data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + LINK_VALID_MS) },
    });
    await writeAudit(tx, {
      action: 'admin_created',
      targetType: 'user',
      targetId: user.id,
      organisationId: organisation.id,
      details: { email },
    });
  });
  return `${input.origin}/reset-password/${token}`;
}
