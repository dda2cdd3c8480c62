import { parseArgs } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { openRuntime } from '../runtime';
import { users } from '../db/schema';
import { ROLES, type Role, MIN_PASSWORD_LENGTH } from '@osteopad/contract';
import { createUser } from '../users/userAccounts';
import { ensureDemo } from '../runtime';

export async function migrateCommand(): Promise<number> {
  const runtime = await openRuntime();
  console.log('Migrations applied.');
  await runtime.shutdown();
  return 0;
}

export async function seedCommand(): Promise<number> {
  const runtime = await openRuntime();
  try {
    const logins = await ensureDemo(runtime);
    if (logins.length === 0) console.log('The database already holds data: nothing seeded.');
    for (const l of logins) console.log(`${l.role.padEnd(10)} ${l.username.padEnd(12)} ${l.password}`);
    return 0;
  } finally {
    await runtime.shutdown();
  }
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export async function usersCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'org-id': { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
    },
  });
  const action = positionals[0];
  const orgId = values['org-id'];
  if (orgId === undefined) {
    console.error('--org-id is required.');
    return 2;
  }
  const runtime = await openRuntime();
  try {
    const { db } = runtime.database;
    if (action === 'list') {
      const rows = await db
        .select()
        .from(users)
        .where(eq(users.organizationId, orgId))
        .orderBy(asc(users.username));
      for (const u of rows) console.log(`${u.username}\t${u.role}\t${u.active ? 'active' : 'inactive'}`);
      return 0;
    }
    if (action === 'create') {
      const role = values.role ?? '';
      const password = process.env.OSTEOPAD_PASSWORD ?? '';
      if (values.username === undefined || !isRole(role)) {
        console.error(`--username and --role (${ROLES.join(', ')}) are required.`);
        return 2;
      }
      if (password.length < MIN_PASSWORD_LENGTH) {
        console.error(`Set OSTEOPAD_PASSWORD to a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
        return 2;
      }
      const user = await createUser(db, {
        organizationId: orgId,
        username: values.username,
        displayName: values['display-name'] ?? values.username,
        role,
        password,
      });
      console.log(`Created ${user.username} (${user.role}).`);
      return 0;
    }
    console.error('Usage: osteopad users create|list --org-id ID …');
    return 2;
  } finally {
    await runtime.shutdown();
  }
}
