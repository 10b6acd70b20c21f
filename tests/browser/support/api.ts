import type { ConsoleServer } from './console-server';

/** Calls the test server's API directly (to set up what a journey starts from); throws on any non-2xx. */
export async function call<T = unknown>(
  server: ConsoleServer,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An access token for the user, through the login endpoint. */
export async function login(server: ConsoleServer, username: string, password: string): Promise<string> {
  const { accessToken } = await call<{ accessToken: string }>(server, null, 'POST', '/api/auth/login', {
    username,
    password,
  });
  return accessToken;
}

/** A staff member on a new team (the admin makes both), as most journeys start; returns the team's id. */
export async function createStaffOnNewTeam(
  server: ConsoleServer,
  adminToken: string,
  staff: { team: string; username: string; displayName: string; password: string },
): Promise<string> {
  const team = await call<{ id: string }>(server, adminToken, 'POST', '/api/teams', { name: staff.team });
  await call(server, adminToken, 'POST', '/api/users', {
    username: staff.username,
    displayName: staff.displayName,
    role: 'staff',
    teamId: team.id,
    password: staff.password,
  });
  return team.id;
}
