import { HttpStatus, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { authConfig, type AuthConfig } from '../../config/auth.config';
import { AuditService } from '../audit/audit.service';
import { UserResponseDto } from '../users/dto/user.dto';
import { LoginLockout } from '../users/login-lockout';
import { PasswordService } from '../users/password.service';
import { SessionCache } from '../users/session-cache';
import { User } from '../users/user.entity';
import { RotatedRefreshToken } from './rotated-refresh-token.entity';
import { Session } from './session.entity';

interface AccessTokenPayload {
  sub: string;
  sid: string;
  /** Expiry, in seconds since the epoch (set by jsonwebtoken). */
  exp?: number;
}

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

/** How often a session's lastSeenAt is written: idle time is measured to this precision. */
const TOUCH_INTERVAL_MS = 30_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('Auth');
  /**
   * The signing secret as a KeyObject, made once: given a string, jsonwebtoken first tries it as a
   * public key on every verify and catches the failure, which cost a fifth of the API's CPU under load.
   */
  private secret!: KeyObject;
  /** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
  private dummyHash!: string;
  /**
   * Tokens whose signature has been checked, until they expire: a client sends the same token on
   * every request, and checking it again each time was a twentieth of the API's CPU on the lists.
   * Keyed by the whole token, so a token that differs in any byte is checked afresh.
   */
  private readonly verified = new LRUCache<string, AccessTokenPayload>({ max: 10_000 });

  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly cache: SessionCache,
    private readonly audit: AuditService,
    private readonly lockout: LoginLockout,
  ) {}

  /** The signing secret: from JWT_SECRET, else one generated once and kept in the database for every instance. */
  async onModuleInit(): Promise<void> {
    if (this.config.jwtSecret) {
      this.secret = createSecretKey(Buffer.from(this.config.jwtSecret));
    } else {
      await this.dataSource.query(
        `INSERT INTO system_secrets (key, value) VALUES ('jwt', $1) ON CONFLICT (key) DO NOTHING`,
        [randomBytes(48).toString('base64url')],
      );
      const [row] = await this.dataSource.query(`SELECT value FROM system_secrets WHERE key = 'jwt'`);
      this.secret = createSecretKey(Buffer.from(row.value as string));
    }
    this.dummyHash = await this.passwords.hash(randomBytes(16).toString('hex'));
  }

  async login(username: string, password: string, client: ClientInfo) {
    const name = username.trim().toLowerCase();
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :name', { name })
      .getOne();
    const now = new Date();

    if (user?.lockedUntil && user.lockedUntil > now) {
      this.logger.warn({ username: name, ip: client.ip, outcome: 'locked' }, 'login refused');
      this.lockout.assertUnlocked(user, 'username', now);
    }
    const passwordOk = await this.passwords.verify(user?.passwordHash ?? this.dummyHash, password);
    if (!user || !passwordOk || !user.active) {
      if (user && !passwordOk) await this.lockout.recordFailure(user, 'username', now);
      this.logger.warn(
        { username: name, ip: client.ip, outcome: !user ? 'unknown_user' : !passwordOk ? 'bad_password' : 'inactive' },
        'login failed',
      );
      if (user && !user.active && passwordOk) throw new ApiError(HttpStatus.UNAUTHORIZED, '账号已停用，请联系管理员');
      throw new ApiError(HttpStatus.UNAUTHORIZED, '用户名或密码错误 (wrong username or password)');
    }

    // Bookkeeping, not an edit: a plain UPDATE that leaves the record's version alone.
    await this.dataSource.query(
      'UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1',
      [user.id, now],
    );
    const refreshToken = randomBytes(32).toString('base64url');
    const session = await this.sessions.save(
      this.sessions.create({
        userId: user.id,
        refreshTokenHash: sha256(refreshToken),
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionMaxMs),
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 255) ?? null,
      }),
    );
    this.logger.log({ username: name, ip: client.ip, sessionId: session.id, outcome: 'ok' }, 'login succeeded');
    return this.issue(user, session, refreshToken);
  }

  /**
   * Exchanges a refresh token for a new access token and a new refresh token (rotation). A token
   * that was already exchanged, or one used twice at the same moment, was copied: the session ends
   * for whoever holds it, thief and owner alike, and the owner signs in again.
   */
  async refresh(refreshToken: string, client: ClientInfo = {}) {
    const hash = sha256(refreshToken);
    const session = await this.sessions.findOne({ where: { refreshTokenHash: hash }, relations: { user: true } });
    if (!session) {
      const spent = await this.dataSource.getRepository(RotatedRefreshToken).findOneBy({ tokenHash: hash });
      if (spent) await this.endStolenSession(spent.sessionId, client);
      else this.logger.warn({ ip: client.ip, reason: 'unknown' }, 'refresh refused');
      throw this.sessionExpired();
    }
    const problem = this.sessionProblem(session, new Date());
    if (problem || !session.user?.active) {
      this.logger.warn({ sessionId: session.id, ip: client.ip, reason: problem ?? 'inactive' }, 'refresh refused');
      throw this.sessionExpired();
    }
    const next = randomBytes(32).toString('base64url');
    const rotated = await this.dataSource.transaction(async (manager) => {
      // Only if the token is still the current one: of two parallel uses of it, one finds it gone.
      const [, affected] = (await manager.query(
        `UPDATE sessions SET refresh_token_hash = $3, last_seen_at = now()
          WHERE id = $1 AND refresh_token_hash = $2 AND revoked_at IS NULL`,
        [session.id, hash, sha256(next)],
      )) as [unknown, number];
      if (affected !== 1) return false;
      await manager.insert(RotatedRefreshToken, { tokenHash: hash, sessionId: session.id });
      return true;
    });
    if (!rotated) {
      await this.endStolenSession(session.id, client);
      throw this.sessionExpired();
    }
    return this.issue(session.user, session, next);
  }

  /** A spent refresh token came back: end its session, once, as a security event in the log and the audit trail. */
  private async endStolenSession(sessionId: string, client: ClientInfo): Promise<void> {
    const ended = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING user_id`,
        [sessionId],
      )) as [Array<{ user_id: string }>, number];
      const userId = rows[0]?.user_id;
      if (!userId) return null;
      await this.audit.record(manager, null, {
        entity: 'user',
        entityId: userId,
        action: 'refresh_token_reuse',
        after: { sessionId, ip: client.ip ?? null, userAgent: client.userAgent?.slice(0, 255) ?? null },
      });
      return userId;
    });
    this.cache.forgetSession(sessionId);
    this.logger.warn(
      { event: 'refresh_token_reuse', sessionId, userId: ended, ip: client.ip, sessionEnded: ended !== null },
      'refresh token reused: session ended',
    );
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessions.update({ id: user.sessionId }, { revokedAt: new Date() });
    this.cache.forgetSession(user.sessionId);
    this.logger.log({ username: user.username, sessionId: user.sessionId }, 'logout');
  }

  /** Called by the guard on every request: the token's signature, then the session's state. */
  async authenticate(token: string): Promise<AuthUser> {
    const payload = await this.verifyToken(token);
    const cached = this.cache.get(payload.sid);
    if (cached && cached.id === payload.sub) return cached;
    const readAt = performance.now();
    const session = await this.sessions.findOne({ where: { id: payload.sid }, relations: { user: true } });
    const now = new Date();
    const problem = session ? this.sessionProblem(session, now) : 'unknown';
    const user = session?.user;
    if (!session || problem || !user || !user.active || user.id !== payload.sub) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, '会话已结束，请重新登录 (session ended)');
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.update({ id: session.id }, { lastSeenAt: now });
    }
    const authUser: AuthUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      teamId: user.teamId,
      orgUnitId: user.orgUnitId,
      sessionId: session.id,
    };
    this.cache.set(authUser, readAt);
    return authUser;
  }

  private async verifyToken(token: string): Promise<AccessTokenPayload> {
    const known = this.verified.get(token);
    if (known?.exp && known.exp * 1000 > Date.now()) return known;
    try {
      const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token, {
        secret: this.secret as unknown as Buffer, // @nestjs/jwt passes it on to jsonwebtoken as is
        algorithms: ['HS256'],
      });
      if (payload.exp) this.verified.set(token, payload, { ttl: payload.exp * 1000 - Date.now() });
      return payload;
    } catch {
      throw new ApiError(HttpStatus.UNAUTHORIZED, '登录已过期或令牌无效 (invalid or expired token)');
    }
  }

  private sessionExpired(): ApiError {
    return new ApiError(HttpStatus.UNAUTHORIZED, '登录已过期，请重新登录 (session expired)');
  }

  private sessionProblem(session: Session, now: Date): string | null {
    if (session.revokedAt) return 'revoked';
    if (session.expiresAt <= now) return 'max_age';
    if (now.getTime() - session.lastSeenAt.getTime() > this.config.sessionIdleMs) return 'idle';
    return null;
  }

  private async issue(user: User, session: Session, refreshToken: string) {
    const expiresAt = new Date(
      Math.min(Date.now() + this.config.accessTokenTtlSeconds * 1000, session.expiresAt.getTime()),
    );
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: session.id } satisfies AccessTokenPayload, {
      secret: this.secret as unknown as Buffer,
      algorithm: 'HS256',
      expiresIn: Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
    });
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: expiresAt.toISOString(),
      user: UserResponseDto.from(user),
    };
  }
}
