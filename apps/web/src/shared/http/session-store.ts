import type { LoginResponse, UserDto } from '@lianqiao/contracts';

/** What the console holds of a signed-in user: the tokens and who they are. */
export type Session = LoginResponse;

/** Why a session ended: the user signed out, or the server no longer accepts it. */
export type SessionEndReason = 'logout' | 'expired';

type Listener = () => void;

/**
 * The session, kept in sessionStorage: it survives a reload of the tab but not closing it, and
 * is not shared with other tabs or left behind on a shared office computer as localStorage would.
 */
export class SessionStore {
  private current: Session | null;
  private listeners = new Set<Listener>();
  /** Why the last session ended, for the login page to say so; read once. */
  private endReason: SessionEndReason | null = null;

  constructor(
    private readonly storage: Storage | null,
    private readonly key = 'lianqiao.session',
  ) {
    this.current = this.read();
  }

  get(): Session | null {
    return this.current;
  }

  set(session: Session): void {
    this.current = session;
    this.endReason = null;
    this.write(session);
    this.emit();
  }

  /** Replaces the user part only (after GET /api/auth/me or editing oneself). */
  setUser(user: UserDto): void {
    if (!this.current) return;
    this.set({ ...this.current, user });
  }

  clear(reason: SessionEndReason): void {
    if (!this.current) return;
    this.current = null;
    this.endReason = reason;
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Storage unavailable: the in-memory session is gone, which is what matters.
    }
    this.emit();
  }

  takeEndReason(): SessionEndReason | null {
    const reason = this.endReason;
    this.endReason = null;
    return reason;
  }

  peekEndReason(): SessionEndReason | null {
    return this.endReason;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const session = JSON.parse(raw) as Session;
      return session?.accessToken && session.refreshToken && session.user ? session : null;
    } catch {
      return null;
    }
  }

  private write(session: Session): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(session));
    } catch {
      // Storage full or blocked: keep the session in memory for this page.
    }
  }
}

function browserSessionStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export const sessionStore = new SessionStore(browserSessionStorage());
