// The migration to combined roles (issue 15) on a database holding members of the old ladder:
// every member keeps exactly the rights they had, except the trainer rights org admins and
// e-service representatives inherited, and the role changes the issue asks coordinators and
// org admins to make. The ladder's grants are written out here as roles.ts said them before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { grantsOfRoles, sortedRoles, type Grants, type PermissionKey } from '~/auth/roles';
import { openPGlite } from '~/db/adapters.server';
import { applyMigrations, MIGRATIONS_DIR, pgliteRunner } from '~/db/migrations.server';

const COMBINED = '20261202160000_roles_that_combine';
const LADDER = ['adviser', 'trainer', 'eservice_rep', 'org_admin', 'coordinator', 'admin'] as const;
type LadderRole = (typeof LADDER)[number];

// What each rung added to the one below it, as app/auth/roles.ts said before this migration.
const ADDED_BY_RUNG: Record<LadderRole, Grants> = {
  adviser: {
    'forum:use': 'all',
    'library:read': 'all',
    'events:read': 'all',
    'briefings:read': 'all',
    'guidance:log': 'all',
    'support-points:read': 'all',
  },
  trainer: {
    'forum:accept-any': 'all',
    'forum:verify': 'all',
    'library:manage': 'all',
    'events:create-training': 'all',
  },
  eservice_rep: { 'briefings:write': 'all' },
  org_admin: {
    'member:read': 'organisation',
    'member:invite': 'organisation',
    'member:deactivate': 'organisation',
    'reports:read': 'organisation',
  },
  coordinator: {
    'member:read': 'all',
    'member:invite': 'all',
    'member:deactivate': 'all',
    'forum:moderate': 'all',
    'forum:manage-categories': 'all',
    'events:manage': 'all',
    'announcements:manage': 'all',
    'briefings:manage': 'all',
    'eservices:manage': 'all',
    'reports:read': 'all',
    'support-points:manage': 'all',
  },
  admin: {
    'member:change-role': 'all',
    'organisation:manage': 'all',
    'audit:read': 'all',
    'outbox:read': 'all',
  },
};

function ladderGrants(role: LadderRole): Grants {
  const grants: Grants = {};
  for (const rung of LADDER.slice(0, LADDER.indexOf(role) + 1))
    for (const [permission, scope] of Object.entries(ADDED_BY_RUNG[rung]) as [
      PermissionKey,
      'all' | 'organisation',
    ][])
      if (grants[permission] !== 'all') grants[permission] = scope;
  return grants;
}

const TRAINER_RIGHTS: PermissionKey[] = [
  'forum:accept-any',
  'forum:verify',
  'library:manage',
  'events:create-training',
];

/** The rights the issue takes away or adds, per old role (and for an org admin: e-service contact or not). */
function expectedAfter(role: LadderRole, contact: boolean): Grants {
  const grants = { ...ladderGrants(role) };
  if (role === 'eservice_rep' || role === 'org_admin') for (const p of TRAINER_RIGHTS) delete grants[p];
  // An org admin wrote briefings only for the e-services they were a contact of.
  if (role === 'org_admin' && !contact) delete grants['briefings:write'];
  // Asked by the issue: coordinators give and remove roles; org admins advisers and trainers in
  // their own organisation.
  if (role === 'coordinator') grants['member:change-role'] = 'all';
  if (role === 'org_admin') grants['member:change-role'] = 'organisation';
  // Added later (issue 15 item 3): admins set which roles need a second factor and reset one.
  if (role === 'admin') grants['security:manage'] = 'all';
  // Added later (issue 16 item 3): erasing accounts, org admins in their own organisation.
  if (role === 'admin') grants['member:erase'] = 'all';
  if (role === 'org_admin') grants['member:erase'] = 'organisation';
  // Added later (issue 17, the roster): every adviser signs up for shifts (every old role
  // advised); coordinators keep every help slot, org admins their organisation's.
  grants['roster:sign-up'] = 'all';
  if (role === 'coordinator' || role === 'admin') grants['roster:manage'] = 'all';
  else if (role === 'org_admin') grants['roster:manage'] = 'organisation';
  return grants;
}

let pg: PGlite;
let before: string;
beforeAll(async () => {
  before = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-migrations-'));
  for (const entry of fs.readdirSync(MIGRATIONS_DIR))
    if (entry < COMBINED)
      fs.cpSync(path.join(MIGRATIONS_DIR, entry), path.join(before, entry), { recursive: true });
  pg = openPGlite(undefined);
  await applyMigrations(pgliteRunner(pg), before);
});
afterAll(async () => {
  await pg.close();
  fs.rmSync(before, { recursive: true, force: true });
});

describe('the migration to combined roles', () => {
  it('keeps every member’s rights but the inherited trainer rights, and carries pending invitations over', async () => {
    await pg.exec(`
      INSERT INTO role (id, key, rank) VALUES
        ('00000000-0000-4000-8000-000000000001', 'adviser', 10),
        ('00000000-0000-4000-8000-000000000002', 'trainer', 20),
        ('00000000-0000-4000-8000-000000000003', 'eservice_rep', 30),
        ('00000000-0000-4000-8000-000000000004', 'org_admin', 40),
        ('00000000-0000-4000-8000-000000000005', 'coordinator', 50),
        ('00000000-0000-4000-8000-000000000006', 'admin', 60);
      INSERT INTO organisation (id, slug, name, kind, updated_at)
        VALUES ('00000000-0000-4000-8000-0000000000a1', 'enter', 'Enter ry', 'association', now());
      INSERT INTO eservice (id, slug, name_fi, updated_at)
        VALUES ('00000000-0000-4000-8000-0000000000e1', 'maisa', 'Maisa', now());`);
    const members: { id: string; role: LadderRole; contact: boolean }[] = [];
    for (const [i, role] of LADDER.entries()) {
      members.push({ id: `00000000-0000-4000-8000-0000000001${i}0`, role, contact: false });
      if (role === 'org_admin')
        members.push({ id: '00000000-0000-4000-8000-000000000199', role, contact: true });
    }
    for (const m of members) {
      await pg.query(
        `INSERT INTO app_user (id, email, name, password_hash, role_id, organisation_id, updated_at)
         SELECT $1::uuid, $1::text || '@example.test', 'Jäsen', 'x', r.id, '00000000-0000-4000-8000-0000000000a1', now()
         FROM role r WHERE r.key = $2`,
        [m.id, m.role],
      );
      if (m.contact)
        await pg.query(
          `INSERT INTO eservice_contact (eservice_id, user_id) VALUES ('00000000-0000-4000-8000-0000000000e1', $1)`,
          [m.id],
        );
    }
    await pg.exec(`
      INSERT INTO invite (id, token_hash, email, organisation_id, role_id, invited_by_id, expires_at)
      VALUES ('00000000-0000-4000-8000-0000000000f1', 'h', 'tulossa@example.test',
        '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000002',
        '00000000-0000-4000-8000-000000000150', now() + interval '7 days');
      INSERT INTO search_document (id, kind, source_id, language, title, body, url, min_role_rank, published_at)
      VALUES ('00000000-0000-4000-8000-0000000000d1', 'library_material', '00000000-0000-4000-8000-0000000000d2',
        'fi', 'Kouluttajille', 'teksti', '/library/x', 20, now());`);

    expect(await applyMigrations(pgliteRunner(pg))).toContain(COMBINED);

    const held = await pg.query<{ user_id: string; keys: string[] }>(
      `SELECT ur.user_id, array_agg(r.key ORDER BY r.key) AS keys
       FROM user_role ur JOIN role r ON r.id = ur.role_id GROUP BY ur.user_id`,
    );
    const rolesOf = new Map(held.rows.map((r) => [r.user_id, sortedRoles(r.keys)]));
    const changes: string[] = [];
    for (const m of members) {
      const roles = rolesOf.get(m.id) ?? [];
      const now = grantsOfRoles(roles);
      expect(now, `${m.role}${m.contact ? ' (e-service contact)' : ''} → ${roles.join('+')}`).toEqual(
        expectedAfter(m.role, m.contact),
      );
      changes.push(`${m.role}${m.contact ? ' (contact)' : ''} → ${roles.join(', ')}`);
    }
    expect(changes).toEqual([
      'adviser → adviser',
      'trainer → adviser, trainer',
      'eservice_rep → adviser, eservice_rep',
      'org_admin → adviser, org_admin',
      'org_admin (contact) → adviser, eservice_rep, org_admin',
      'coordinator → adviser, coordinator',
      'admin → adviser, coordinator, admin',
    ]);

    const invite = await pg.query<{ roles: string[] }>(`SELECT roles FROM invite`);
    expect(invite.rows).toEqual([{ roles: ['adviser', 'trainer'] }]);
    const columns = await pg.query<{ column_name: string }>(
      `SELECT column_name::text FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name IN ('app_user', 'invite', 'role') AND column_name IN ('role_id', 'rank')`,
    );
    expect(columns.rows).toEqual([]);
    // Trainer material in the search index: found by those who manage the library (1), not by rank.
    expect((await pg.query(`SELECT min_role_rank FROM search_document`)).rows).toEqual([
      { min_role_rank: 1 },
    ]);
  });
});
