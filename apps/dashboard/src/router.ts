import { createRouter, createWebHistory, type Router } from 'vue-router';
import { printedBriefing } from '@/stores/briefing';
import { useSessionStore } from '@/stores/session';

/** Screens; the wall needs a token: a login, or a kiosk token handed in the URL (`?token=wall_…`). */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', redirect: '/wall' },
      {
        path: '/wall',
        name: 'wall',
        component: () => import('@/views/wall/index.vue'),
        meta: { needsToken: true },
      },
      // The weekly briefing (leader, chiefs for their unit: the API enforces the scope).
      {
        path: '/briefing/:week?',
        name: 'briefing',
        component: () => import('@/views/briefing/index.vue'),
        meta: { needsToken: true },
      },
      { path: '/login', name: 'login', component: () => import('@/views/login/index.vue') },
      { path: '/:unknown(.*)*', redirect: '/wall' },
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
    return true;
  });

  return router;
}
