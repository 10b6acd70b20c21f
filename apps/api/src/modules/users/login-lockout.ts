import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '../../common/errors/api-error';
import { authConfig, type AuthConfig } from '../../config/auth.config';

/**
 * Wrong passwords in a row lock the account for a while: at login, and when a signed-in user gives
 * a wrong current password, so a session holder cannot guess the password at leisure either.
 */
@Injectable()
export class LoginLockout {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** 429 naming `field` while the account is locked. */
  assertUnlocked(user: { lockedUntil: Date | null }, field: string, now = new Date()): void {
    if (user.lockedUntil && user.lockedUntil > now) throw this.lockedError(user.lockedUntil, field);
  }

  /** Counts a wrong password; throws 429 naming `field` when this one locks the account. */
  async recordFailure(user: { id: string; username: string }, field: string, now = new Date()): Promise<void> {
    // One atomic statement, so parallel guesses cannot slip past the limit.
    const [row] = await this.dataSource.query(
      `UPDATE users SET failed_login_count = failed_login_count + 1,
              locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
        WHERE id = $1 RETURNING failed_login_count, locked_until`,
      [user.id, this.config.loginMaxFailures, new Date(now.getTime() + this.config.loginLockMs)],
    );
    const updated = (Array.isArray(row) ? row[0] : row) as { failed_login_count: number; locked_until: Date | null };
    if (updated?.locked_until && updated.failed_login_count >= this.config.loginMaxFailures) {
      this.logger.warn({ username: user.username, failures: updated.failed_login_count }, 'account locked');
      throw this.lockedError(new Date(updated.locked_until), field);
    }
  }

  private lockedError(until: Date, field: string): ApiError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    return new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁 (account locked for ${minutes} min)`,
      [{ field, message: `locked until ${until.toISOString()}` }],
    );
  }
}
