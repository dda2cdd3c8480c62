import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../http/config';
import { SESSION_COOKIE } from './authenticate';

/** The session cookie as every sign-in sets it (password login, portal activation, sign-in link). */
export function setSessionCookie(reply: FastifyReply, token: string, config: AppConfig): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.session.absoluteHours * 3600,
  });
}
