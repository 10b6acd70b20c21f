import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Page } from '@lianqiao/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { parseSort } from '../../common/pagination/cursor';
import { keysetPage } from '../../common/pagination/keyset';
import { escapeLike } from '../../common/persistence/search';
import { changesOf, updateVersioned } from '../../common/persistence/versioned';
import { AuditService } from '../audit/audit.service';
import { OrgUnit } from '../org/org-unit.entity';
import { Team } from '../org/team.entity';
import { CreateUserDto, UpdateUserDto, UserListQueryDto, UserResponseDto } from './dto/user.dto';
import { LoginLockout } from './login-lockout';
import { PasswordService } from './password.service';
import { SessionCache } from './session-cache';
import { User } from './user.entity';

const SORTABLE = ['username', 'displayName', 'createdAt'] as const;
const COLUMN: Record<(typeof SORTABLE)[number], string> = {
  username: 'user.username',
  displayName: 'user.display_name',
  createdAt: 'user.created_at',
};

/** Referral codes: 8 characters without look-alikes, readable over the phone. */
export function newReferralCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join('');
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly sessionCache: SessionCache,
    private readonly lockout: LoginLockout,
  ) {}

  list(query: UserListQueryDto): Promise<Page<UserResponseDto>> {
    const sort = parseSort(query.sort, SORTABLE, { field: 'username', direction: 'asc' });
    const qb = this.users.createQueryBuilder('user');
    if (query.role) qb.andWhere('user.role = :role', { role: query.role });
    if (query.teamId) qb.andWhere('user.team_id = :teamId', { teamId: query.teamId });
    if (query.active) qb.andWhere('user.active = :active', { active: query.active === 'true' });
    if (query.q) {
      qb.andWhere('(user.username ILIKE :q OR user.display_name ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    return keysetPage(qb, {
      alias: 'user',
      sort,
      column: COLUMN[sort.field],
      valueOf: (u) => u[sort.field],
      limit: query.limit,
      cursor: query.cursor,
      map: UserResponseDto.from,
    });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw ApiError.notFound('用户');
    return user;
  }

  async create(actor: AuthUser | null, dto: CreateUserDto, manager?: EntityManager): Promise<User> {
    this.passwords.assertAcceptable(dto.password);
    const passwordHash = await this.passwords.hash(dto.password);
    const work = async (m: EntityManager) => {
      await this.assertReferences(m, dto);
      if (await m.existsBy(User, { username: dto.username })) {
        throw ApiError.conflict(`用户名 ${dto.username} 已存在`, [{ field: 'username', message: '已存在' }]);
      }
      const { password: _password, ...fields } = dto;
      const user = await m.save(m.create(User, { ...fields, passwordHash, referralCode: newReferralCode() }));
      await this.audit.record(m, actor, { entity: 'user', entityId: user.id, action: 'create', after: user });
      return user;
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<User> {
    const before = await this.get(id);
    if (actor.id === id && dto.role !== undefined && dto.role !== before.role) {
      throw ApiError.forbidden('不能修改自己的角色');
    }
    if (actor.id === id && dto.active === false) throw ApiError.forbidden('不能停用自己的账号');
    const after = await this.dataSource.transaction(async (manager) => {
      await this.assertReferences(manager, dto);
      await updateVersioned(manager, User, id, dto.version, changesOf(dto));
      const updated = await manager.findOneByOrFail(User, { id });
      await this.audit.record(manager, actor, {
        entity: 'user',
        entityId: id,
        action: 'update',
        before,
        after: updated,
      });
      if (dto.active === false) await this.endSessions(manager, id);
      return updated;
    });
    this.sessionCache.forgetUser(id);
    return after;
  }

  async unlock(actor: AuthUser, id: string): Promise<User> {
    const before = await this.get(id);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id }, { failedLoginCount: 0, lockedUntil: null });
      const after = await manager.findOneByOrFail(User, { id });
      await this.audit.record(manager, actor, { entity: 'user', entityId: id, action: 'unlock', before, after });
      return after;
    });
  }

  /**
   * An admin sets a new password: every session of the user ends (an admin resetting their own
   * password keeps the one they did it from, as in a change of one's own) and any lock is lifted.
   */
  async resetPassword(actor: AuthUser, id: string, password: string): Promise<User> {
    await this.get(id);
    this.passwords.assertAcceptable(password);
    const passwordHash = await this.passwords.hash(password);
    const after = await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id }, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      await this.endSessions(manager, id, actor.id === id ? actor.sessionId : null);
      const updated = await manager.findOneByOrFail(User, { id });
      await this.audit.record(manager, actor, {
        entity: 'user',
        entityId: id,
        action: 'reset_password',
        after: updated,
      });
      return updated;
    });
    this.sessionCache.forgetUser(id);
    this.logger.log({ userId: id, by: actor.username }, 'password reset by admin');
    return after;
  }

  /**
   * The user changes their own password: every other session ends, refresh tokens included, so
   * whoever learnt the old password or copied a token is out. The session the change was made
   * from stays, since it has just proved the current password.
   */
  async changeOwnPassword(actor: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id: actor.id })
      .getOneOrFail();
    this.lockout.assertUnlocked(user, 'currentPassword');
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      await this.lockout.recordFailure(user, 'currentPassword');
      throw ApiError.field('currentPassword', '当前密码不正确');
    }
    this.passwords.assertAcceptable(newPassword, 'newPassword');
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: actor.id }, { passwordHash, failedLoginCount: 0 });
      await this.endSessions(manager, actor.id, actor.sessionId);
      await this.audit.record(manager, actor, { entity: 'user', entityId: actor.id, action: 'change_password' });
    });
    this.sessionCache.forgetUser(actor.id);
    this.logger.log({ userId: actor.id, keptSession: actor.sessionId }, 'password changed; other sessions ended');
  }

  /** Revokes the user's live sessions but `keep`; the caller forgets them in the cache once committed. */
  private async endSessions(manager: EntityManager, userId: string, keep: string | null = null): Promise<void> {
    await manager.query(
      'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2',
      [userId, keep],
    );
  }

  private async assertReferences(manager: EntityManager, dto: { teamId?: string | null; orgUnitId?: string | null }) {
    if (dto.teamId && !(await manager.existsBy(Team, { id: dto.teamId }))) throw ApiError.field('teamId', '专班不存在');
    if (dto.orgUnitId && !(await manager.existsBy(OrgUnit, { id: dto.orgUnitId }))) {
      throw ApiError.field('orgUnitId', '组织单位不存在');
    }
  }
}
