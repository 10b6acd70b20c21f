import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AuthUser } from '../../common/auth/auth-user';

/**
 * A checked session is trusted for this long without asking the database again. Logout, password
 * change and reset, deactivation and role changes evict it on this instance at once; other
 * instances notice within this time.
 */
export const SESSION_CACHE_MS = 2_000;

@Injectable()
export class SessionCache {
  private readonly checked = new LRUCache<string, AuthUser>({ max: 10_000, ttl: SESSION_CACHE_MS });
  /**
   * When each user's (`u:`) or session's (`s:`) entries were last forgotten. A request that read its
   * session from the database before that moment may have read it still live: it must not put it back.
   */
  private readonly forgottenAt = new LRUCache<string, number>({ max: 10_000, ttl: 60_000 });

  get(sessionId: string): AuthUser | undefined {
    return this.checked.get(sessionId);
  }

  /** `readAt`: when the session was read from the database (performance.now()). */
  set(user: AuthUser, readAt: number): void {
    const forgotten = Math.max(
      this.forgottenAt.get(`u:${user.id}`) ?? -1,
      this.forgottenAt.get(`s:${user.sessionId}`) ?? -1,
    );
    if (forgotten >= readAt) return;
    this.checked.set(user.sessionId, user);
  }

  forgetSession(sessionId: string): void {
    this.forgottenAt.set(`s:${sessionId}`, performance.now());
    this.checked.delete(sessionId);
  }

  /** Call after the change that ends or alters the sessions has committed. */
  forgetUser(userId: string): void {
    this.forgottenAt.set(`u:${userId}`, performance.now());
    for (const [sessionId, user] of this.checked.entries()) if (user.id === userId) this.checked.delete(sessionId);
  }
}
