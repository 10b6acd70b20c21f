import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { UsersService } from '../../modules/users/users.service';
import { User } from '../../modules/users/user.entity';

export interface FirstAdmin {
  username: string;
  /** Set only on the start that created the admin: it is printed once and never again. */
  password: string | null;
  passwordFile: string | null;
}

/** A generated password that meets the default policy (letters and a digit, 16 characters). */
export const randomPassword = (): string => `Lq-${randomBytes(9).toString('base64url')}7`;

/**
 * On the first start (no user at all) create `admin` with ADMIN_PASSWORD or a random password,
 * written to <dataDir>/admin-password.txt for the newcomer who missed the banner.
 */
export async function ensureFirstAdmin(
  dataSource: DataSource,
  users: UsersService,
  options: { dataDir: string; adminPassword: string | null },
): Promise<FirstAdmin> {
  if ((await dataSource.getRepository(User).count({ withDeleted: true })) > 0) {
    return { username: 'admin', password: null, passwordFile: null };
  }
  const password = options.adminPassword ?? randomPassword();
  await users.create(null, { username: 'admin', displayName: '系统管理员', role: 'admin', password });
  let passwordFile: string | null = null;
  if (!options.adminPassword) {
    mkdirSync(options.dataDir, { recursive: true });
    passwordFile = join(options.dataDir, 'admin-password.txt');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  return { username: 'admin', password, passwordFile };
}
