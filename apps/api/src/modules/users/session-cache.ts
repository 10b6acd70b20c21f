import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AuthUser } from '../../common/auth/auth-user';

/**
 * A checked session is trusted for this long without asking the database again. Logout, password
 * reset, deactivation and role changes evict it on this instance at once; other instances notice
 * within this time.
 */
export const SESSION_CACHE_MS = 2_000;

@Injectable()
export class SessionCache {
  private readonly checked = new LRUCache<string, AuthUser>({ max: 10_000, ttl: SESSION_CACHE_MS });

  get(sessionId: string): AuthUser | undefined {
    return this.checked.get(sessionId);
  }

  set(user: AuthUser): void {
    this.checked.set(user.sessionId, user);
  }

  forgetSession(sessionId: string): void {
    this.checked.delete(sessionId);
  }

  forgetUser(userId: string): void {
    for (const [sessionId, user] of this.checked.entries()) if (user.id === userId) this.checked.delete(sessionId);
  }
}
