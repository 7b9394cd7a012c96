import { createRouter, createWebHistory, type Router } from 'vue-router';
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
    if (to.meta.needsToken && !session.signedIn) {
      return { name: 'login', query: { redirect: to.fullPath } };
    }
    return true;
  });

  return router;
}
