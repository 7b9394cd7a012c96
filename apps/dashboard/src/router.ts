import { createRouter, createWebHistory, type Router } from 'vue-router';
import { landingPath, WORKSPACE_ROLES } from '@/landing';
import { printedBriefing } from '@/stores/briefing';
import { useSessionStore, type Role } from '@/stores/session';
import { themeOr, useThemeStore, type Surface } from '@/stores/theme';

declare module 'vue-router' {
  interface RouteMeta {
    /** A login or a kiosk token is needed. */
    needsToken?: boolean;
    /** Only these roles; anyone else signed in sees "no access". */
    roles?: Role[];
    /** The wall's big dark screen, or a laptop page (the default). */
    surface?: Surface;
  }
}

const workspace = { needsToken: true, roles: WORKSPACE_ROLES };

/** Screens; the wall needs a token: a login, or a kiosk token handed in the URL (`?token=wall_…`). */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      {
        path: '/',
        redirect: () => {
          const session = useSessionStore();
          return session.signedIn ? landingPath(session) : '/login';
        },
      },
      {
        path: '/wall',
        name: 'wall',
        component: () => import('@/views/wall/index.vue'),
        meta: { needsToken: true, surface: 'wall' },
      },
      // The weekly briefing (leader, chiefs for their unit: the API enforces the scope).
      {
        path: '/briefing/:week?',
        name: 'briefing',
        component: () => import('@/views/briefing/index.vue'),
        meta: { needsToken: true, roles: ['admin', 'leader', 'district_chief'] },
      },
      { path: '/login', name: 'login', component: () => import('@/views/login/index.vue') },
      {
        path: '/admin',
        name: 'admin',
        component: () => import('@/views/admin/index.vue'),
        meta: { needsToken: true, roles: ['admin'] },
      },
      {
        path: '/units/:code',
        name: 'unit',
        component: () => import('@/views/unit/index.vue'),
        meta: workspace,
      },
      {
        path: '/units/:code/dossiers',
        name: 'unit-dossiers',
        component: () => import('@/views/dossiers/index.vue'),
        meta: workspace,
      },
      {
        path: '/agencies/:code',
        name: 'agency',
        component: () => import('@/views/agency/index.vue'),
        meta: workspace,
      },
      {
        path: '/dossiers/:dossierId',
        name: 'dossier',
        component: () => import('@/views/dossier/index.vue'),
        meta: workspace,
      },
      {
        path: '/no-access',
        name: 'no-access',
        component: () => import('@/views/no-access/index.vue'),
      },
      // A path no screen answers says so instead of redirecting to a landing that may be that
      // very path.
      {
        path: '/:unknown(.*)*',
        name: 'not-found',
        component: () => import('@/views/no-access/index.vue'),
        props: { notFound: true },
      },
    ],
  });

  router.beforeEach((to) => {
    const session = useSessionStore();
    const token = to.query.token;
    if (typeof token === 'string' && token.startsWith('wall_')) {
      session.adoptWallToken(token);
      // Keep the secret out of the address bar and the history once it is stored.
      const query = { ...to.query };
      delete query.token;
      return { path: to.path, query, hash: to.hash, replace: true };
    }
    // The page the server prints carries its figures and fetches nothing: no token needed.
    const printed = to.name === 'briefing' && to.query.print === '1' && printedBriefing() !== null;
    if (to.meta.needsToken && !session.signedIn && !printed) {
      return { name: 'login', query: { redirect: to.fullPath } };
    }
    if (to.meta.roles && session.role && !to.meta.roles.includes(session.role)) {
      return { name: 'no-access', query: { path: to.fullPath } };
    }
    return true;
  });

  // Each surface wears its own theme; `?theme=light|dark` picks one (a wall has no mouse).
  router.afterEach((to) => {
    const theme = useThemeStore();
    // A briefing presented as slides (or printed) is sized like the wall: 96 × 54 rem fill the
    // screen; it keeps its own light colours.
    const screenSized =
      to.name === 'briefing' && (to.query.slides === '1' || to.query.print === '1');
    const surface = screenSized ? 'wall' : (to.meta.surface ?? 'laptop');
    theme.enter(surface);
    const asked = to.query.theme;
    if (asked === 'light' || asked === 'dark') theme.choose(themeOr(asked, surface));
  });

  return router;
}
